import Foundation
import SportelloText

/// What the learned model thought of a message, for the explanation.
public struct LearnedOpinion: Sendable, Codable, Equatable {
  /// The probability that only a person can answer (the class `-`), 0...1.
  public var personProbability: Double

  /// The likeliest class: an intent id, or `-`.
  public var likeliest: String

  /// Its probability, 0...1.
  public var likeliestProbability: Double

  /// The features that weigh most for the likeliest class, with their weights, such as
  /// `ho pagato +1.20`; at most five.
  public var signs: [String]

  /// Whether the model changed the rules' decision.
  public var changedDecision: Bool

  /// Creates an opinion.
  public init(
    personProbability: Double, likeliest: String, likeliestProbability: Double,
    signs: [String] = [], changedDecision: Bool = false
  ) {
    self.personProbability = personProbability
    self.likeliest = likeliest
    self.likeliestProbability = likeliestProbability
    self.signs = signs
    self.changedDecision = changedDecision
  }
}

/// A ``LearnedModel`` laid out for the matcher: features found by hash, weights in flat
/// arrays, so a message costs one table lookup per feature and no strings.
struct LearnedScorer: Sendable {
  /// The model as read, for explanations.
  let model: LearnedModel

  /// Each feature's row, by the hash of its key.
  private let rowByHash: [UInt64: Int32]

  /// Row `r`'s weights are at `rowStarts[r]..<rowStarts[r + 1]` of the two arrays below.
  private let rowStarts: [Int32]
  private let weightClasses: [Int32]
  private let weightValues: [Double]

  /// The index of the class `-`, if the model has one.
  let personIndex: Int?

  init(model: LearnedModel) {
    self.model = model
    var rowByHash: [UInt64: Int32] = [:]
    rowByHash.reserveCapacity(model.features.count)
    var starts: [Int32] = [0]
    var classes: [Int32] = []
    var values: [Double] = []
    for (row, feature) in model.features.enumerated() {
      rowByHash[LearnedFeatures.hash(ofKey: feature.key)] = Int32(row)
      for weight in feature.weights {
        classes.append(Int32(weight.classIndex))
        values.append(weight.value)
      }
      starts.append(Int32(classes.count))
    }
    self.rowByHash = rowByHash
    rowStarts = starts
    weightClasses = classes
    weightValues = values
    personIndex = model.personClassIndex
  }

  /// Each class's probability for `tokens`, by class index.
  func probabilities(of tokens: [Token]) -> [Double] {
    var scores = model.biases
    for hash in LearnedFeatures.hashes(of: tokens) {
      guard let row = rowByHash[hash] else { continue }
      for position in Int(rowStarts[Int(row)])..<Int(rowStarts[Int(row) + 1]) {
        scores[Int(weightClasses[position])] += weightValues[position]
      }
    }
    return LearnedModel.softmax(scores)
  }

  /// The opinion on `tokens`, with the signs spelled out when `withSigns`.
  func opinion(of tokens: [Token], withSigns: Bool) -> LearnedOpinion {
    let probabilities = probabilities(of: tokens)
    let likeliest = Self.likeliest(probabilities)
    var signs: [String] = []
    if withSigns {
      let keys = Set(LearnedFeatures.keys(of: tokens))
      let weighed = model.features.compactMap { feature -> (String, Double)? in
        guard keys.contains(feature.key),
          let weight = feature.weights.first(where: { $0.classIndex == likeliest })
        else { return nil }
        return (feature.key, weight.value)
      }
      signs = weighed.sorted { $0.1 > $1.1 }.prefix(5).map { key, value in
        "\(key) " + String(format: "%+.2f", value)
      }
    }
    return LearnedOpinion(
      personProbability: personIndex.map { probabilities[$0] } ?? 0,
      likeliest: model.classes[likeliest], likeliestProbability: probabilities[likeliest],
      signs: signs)
  }

  /// The index of the highest probability; the first class on a tie.
  static func likeliest(_ probabilities: [Double]) -> Int {
    var best = 0
    for index in probabilities.indices where probabilities[index] > probabilities[best] {
      best = index
    }
    return best
  }
}

extension Matcher {
  /// The rules' decision reviewed by the learned model, and the model's opinion (nil
  /// without a model).
  ///
  /// Two changes, each behind its threshold of impostazioni.txt:
  /// - an answer goes to a person when the model gives the class `-` more than
  ///   `soglia_appreso_operatore`: the rules found the topic, the model the signs of a
  ///   citizen's own case or of another body's business;
  /// - a "which one?" question is answered with its first option when that option is
  ///   also the rules' best candidate and the model's likeliest class, with more than
  ///   `soglia_appreso_risposta`.
  /// Answers that already hand over (the citizen asked for a person) stay as they are.
  func reviewed(_ decision: Decision, tokens: [Token], explains: Bool) -> (
    Decision, LearnedOpinion?
  ) {
    guard let learned else { return (decision, nil) }
    let settings = ruleSet.settings
    var opinion = learned.opinion(of: tokens, withSigns: explains)
    switch decision.outcome {
    case .answer where decision.handoverReason == nil:
      guard opinion.personProbability > settings.learnedHandoverThreshold else { break }
      opinion.changedDecision = true
      let handover = Decision(
        outcome: .handover, confidence: opinion.personProbability,
        candidates: decision.candidates, handoverReason: .learned)
      return (handover, opinion)
    case .ask:
      guard let first = decision.options.first, decision.candidates.first?.intent == first,
        opinion.likeliest == first,
        opinion.likeliestProbability > settings.learnedAnswerThreshold
      else { break }
      opinion.changedDecision = true
      let answer = Decision(
        outcome: .answer, intent: first, confidence: decision.candidates[0].score,
        candidates: decision.candidates)
      return (answer, opinion)
    default:
      break
    }
    return (decision, opinion)
  }
}

extension Matcher {
  /// The reason of a decision the model changed, such as
  /// `handover: the learned model gives a person's case 0.83 > 0.50`.
  func learnedReason(_ decision: Decision, opinion: LearnedOpinion) -> String {
    let settings = ruleSet.settings
    func twoDecimals(_ value: Double) -> String { String(format: "%.2f", value) }
    if decision.outcome == .handover {
      return "handover: the learned model gives a person's case "
        + "\(twoDecimals(opinion.personProbability)) > "
        + "\(twoDecimals(settings.learnedHandoverThreshold)) (soglia_appreso_operatore)"
    }
    return "answer: the first option is also the learned model's likeliest intent, "
      + "\(twoDecimals(opinion.likeliestProbability)) > "
      + "\(twoDecimals(settings.learnedAnswerThreshold)) (soglia_appreso_risposta)"
  }
}
