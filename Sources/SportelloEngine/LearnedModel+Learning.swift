import Foundation
import SportelloText

extension LearnedModel {
  /// One labelled message to learn from.
  public struct Example: Sendable {
    /// The message's tokens, analysed with the matcher's analyzer.
    public var tokens: [Token]

    /// The intents that answer it; empty when a person must (the corpus label `-`).
    public var intents: [String]

    /// Creates an example.
    public init(tokens: [Token], intents: [String]) {
      self.tokens = tokens
      self.intents = intents
    }
  }

  /// How a model is learned.
  public struct LearningOptions: Sendable, Equatable {
    /// How many passes over all the examples.
    public var passes = 40

    /// The step size of each pass, before AdaGrad scales it per weight.
    public var rate = 0.5

    /// The L2 penalty, which keeps rare features from weighing too much.
    public var penalty = 1.0

    /// Weights smaller than this in absolute value are left out of the model, which keeps
    /// the file small; they change hardly any probability.
    public var smallestWeight = 0.02

    /// The defaults: measured by leaving each blind set out in turn (see the README).
    public init() {}
  }

  /// Learns a model from `examples`.
  ///
  /// Full-batch gradient descent of the cross-entropy with AdaGrad steps, from all
  /// weights at 0. An example with several intents counts for each equally. The sums run
  /// in the examples' order, so the same examples always give the same model.
  ///
  /// - Complexity: O(passes × (total features of the examples × classes + distinct
  ///   features × classes)).
  public static func learn(
    from examples: [Example], sources: [Source] = [], options: LearningOptions = .init()
  ) -> LearnedModel {
    let labels = examples.map { $0.intents.isEmpty ? [personClass] : $0.intents }
    let classes = Set(labels.joined())
      .sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    guard !classes.isEmpty else { return LearnedModel(classes: [], biases: [], features: []) }
    let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    var keys: [String] = []
    var keyIndex: [String: Int] = [:]
    let rows = examples.map { example in
      LearnedFeatures.keys(of: example.tokens).map { key in
        if let index = keyIndex[key] { return index }
        keyIndex[key] = keys.count
        keys.append(key)
        return keys.count - 1
      }
    }
    // Every label is a class, since the classes were made of these labels.
    let targets = labels.map { labels in
      labels.compactMap { label in classIndex[label].map { ($0, 1 / Double(labels.count)) } }
    }
    var solver = SoftmaxSolver(featureCount: keys.count, classCount: classes.count)
    for _ in 0..<options.passes {
      solver.pass(rows: rows, targets: targets, rate: options.rate, penalty: options.penalty)
    }
    let width = classes.count
    var features: [Feature] = []
    for (row, key) in keys.enumerated() {
      var weights: [Weight] = []
      for column in 0..<width {
        let value = (solver.weights[row * width + column] * 10_000).rounded() / 10_000
        if abs(value) >= options.smallestWeight {
          weights.append(Weight(classIndex: column, value: value))
        }
      }
      if !weights.isEmpty { features.append(Feature(key: key, weights: weights)) }
    }
    let biases = solver.biases.map { ($0 * 10_000).rounded() / 10_000 }
    return LearnedModel(classes: classes, biases: biases, features: features, sources: sources)
  }
}

/// The weights of a softmax regression while it is learned, with AdaGrad's sums.
private struct SoftmaxSolver {
  let classCount: Int
  /// Row-major: feature `f`'s weight for class `c` is at `f * classCount + c`.
  var weights: [Double]
  var biases: [Double]
  private var squaredGradients: [Double]
  private var squaredBiasGradients: [Double]

  init(featureCount: Int, classCount: Int) {
    self.classCount = classCount
    weights = Array(repeating: 0, count: featureCount * classCount)
    biases = Array(repeating: 0, count: classCount)
    // A tiny start keeps the first step finite.
    squaredGradients = Array(repeating: 1e-8, count: featureCount * classCount)
    squaredBiasGradients = Array(repeating: 1e-8, count: classCount)
  }

  /// One pass over every example, then one step of every weight.
  mutating func pass(rows: [[Int]], targets: [[(Int, Double)]], rate: Double, penalty: Double) {
    let width = classCount
    var gradients = Array(repeating: 0.0, count: weights.count)
    var biasGradients = Array(repeating: 0.0, count: width)
    var scores = Array(repeating: 0.0, count: width)
    for (row, target) in zip(rows, targets) {
      for column in 0..<width { scores[column] = biases[column] }
      for feature in row {
        let start = feature * width
        for column in 0..<width { scores[column] += weights[start + column] }
      }
      var probabilities = LearnedModel.softmax(scores)
      for (column, share) in target { probabilities[column] -= share }
      for feature in row {
        let start = feature * width
        for column in 0..<width { gradients[start + column] += probabilities[column] }
      }
      for column in 0..<width { biasGradients[column] += probabilities[column] }
    }
    let count = Double(rows.count)
    for index in weights.indices {
      let gradient = gradients[index] / count + penalty * weights[index] / count
      squaredGradients[index] += gradient * gradient
      weights[index] -= rate * gradient / squaredGradients[index].squareRoot()
    }
    for column in 0..<width {
      let gradient = biasGradients[column] / count
      squaredBiasGradients[column] += gradient * gradient
      biases[column] -= rate * gradient / squaredBiasGradients[column].squareRoot()
    }
  }
}
