import Foundation

/// What the recorded, labelled questions taught: for a message, how likely each intent is
/// and how likely it is that only a person can answer it.
///
/// The matcher's rules see words that name a topic; they cannot weigh the many small signs
/// that a message is about the citizen's own file ("domanda presentata a luglio, quando mi
/// pagano?") or about another body's business. A model learned from thousands of labelled
/// messages weighs them all at once. The matcher asks it for a second opinion (see
/// ``Matcher``): it hands over an answer the model takes for a person's case, and answers
/// a "which one?" question whose first option the model is sure of.
///
/// It is a multinomial logistic regression over the features of ``LearnedFeatures``. It is
/// learned by ``learn(from:sources:options:)`` (`sportello learn`) and kept in the rule
/// directory's `modello.txt`, whose format ``parse(_:path:)`` documents.
public struct LearnedModel: Sendable, Equatable {
  /// The class of the messages a person must answer: the corpus label `-`.
  public static let personClass = "-"

  /// The classes, each an intent id or ``personClass``, in file order.
  public var classes: [String]

  /// Each class's bias, by class index.
  public var biases: [Double]

  /// The features with any weight, in file order.
  public var features: [Feature]

  /// The corpus files the model was learned from.
  public var sources: [Source]

  /// One feature and its weights.
  public struct Feature: Sendable, Equatable {
    /// The feature as ``LearnedFeatures/keys(of:)`` writes it: a word, two words, or
    /// `#lunghezza:N`.
    public var key: String

    /// The feature's weights, by class; classes not listed weigh 0.
    public var weights: [Weight]

    /// Creates a feature.
    public init(key: String, weights: [Weight]) {
      self.key = key
      self.weights = weights
    }
  }

  /// A feature's weight for one class.
  public struct Weight: Sendable, Equatable {
    /// The class's index in ``LearnedModel/classes``.
    public var classIndex: Int

    /// The weight added to the class's score when the message has the feature.
    public var value: Double

    /// Creates a weight.
    public init(classIndex: Int, value: Double) {
      self.classIndex = classIndex
      self.value = value
    }
  }

  /// A corpus file the model was learned from, so a batch test can say that its figures
  /// on that file are not held out.
  public struct Source: Sendable, Equatable {
    /// The file's path, as given to `sportello learn`.
    public var path: String

    /// How many of the file's messages were learned.
    public var messageCount: Int

    /// The 64-bit FNV-1a hash of the file's bytes, as 16 hexadecimal digits.
    public var contentHash: String

    /// Creates a source.
    public init(path: String, messageCount: Int, contentHash: String) {
      self.path = path
      self.messageCount = messageCount
      self.contentHash = contentHash
    }

    /// The hash of `data` as ``contentHash`` writes it.
    public static func contentHash(of data: Data) -> String {
      var hash = FNV1a()
      hash.add(Array(data))
      return hash.hexDigest
    }
  }

  /// Creates a model.
  public init(classes: [String], biases: [Double], features: [Feature], sources: [Source] = []) {
    self.classes = classes
    self.biases = biases
    self.features = features
    self.sources = sources
  }

  /// The index of ``personClass``, if the model has it.
  public var personClassIndex: Int? { classes.firstIndex(of: Self.personClass) }

  /// How many weights the model holds.
  public var weightCount: Int { features.reduce(0) { $0 + $1.weights.count } }

  /// Each class's probability for a message with `keys`, by class index.
  ///
  /// Slower than the matcher's hashed lookup; for explanations and tests.
  public func probabilities(forKeys keys: [String]) -> [Double] {
    let byKey = Dictionary(
      features.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    var scores = biases
    for key in Set(keys) {
      guard let position = byKey[key] else { continue }
      for weight in features[position].weights { scores[weight.classIndex] += weight.value }
    }
    return Self.softmax(scores)
  }

  /// The softmax of `scores`: probabilities that add up to 1.
  static func softmax(_ scores: [Double]) -> [Double] {
    var probabilities = scores
    softmaxInPlace(&probabilities)
    return probabilities
  }

  /// Turns `scores` into their softmax where they are, with no other array: the highest
  /// score is subtracted first, so no exponential overflows.
  static func softmaxInPlace(_ scores: inout [Double]) {
    guard let highest = scores.max() else { return }
    scores.withUnsafeMutableBufferPointer { scores in
      var total = 0.0
      for index in scores.indices {
        scores[index] = Foundation.exp(scores[index] - highest)
        total += scores[index]
      }
      for index in scores.indices { scores[index] /= total }
    }
  }
}
