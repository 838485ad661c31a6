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

/// A ``LearnedModel`` laid out for the matcher: features found by hash in an open-addressing
/// table, each feature's weights as a dense row, so a message costs one probe per feature,
/// one row added per feature found, and no strings.
struct LearnedScorer: Sendable {
  /// The model as read, for explanations.
  let model: LearnedModel

  /// Open-addressing slots of feature hashes; a slot is empty when its row is -1.
  private let slotHashes: [UInt64]
  private let slotRows: [Int32]

  /// Row `r` holds feature `r`'s weight for every class, at `r * classCount ..< (r + 1) *
  /// classCount`; a class the file does not list weighs 0.
  private let rows: [Double]

  private let classCount: Int

  /// The index of the class `-`, if the model has one.
  let personIndex: Int?

  init(model: LearnedModel) {
    self.model = model
    classCount = model.classes.count
    var slotCount = 16
    while slotCount < model.features.count * 2 { slotCount <<= 1 }
    var hashes = [UInt64](repeating: 0, count: slotCount)
    var slotRows = [Int32](repeating: -1, count: slotCount)
    var rows = [Double](repeating: 0, count: model.features.count * model.classes.count)
    for (row, feature) in model.features.enumerated() {
      let hash = LearnedFeatures.hash(ofKey: feature.key)
      var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
      while slotRows[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
      hashes[slot] = hash
      slotRows[slot] = Int32(row)
      for weight in feature.weights {
        rows[row * model.classes.count + weight.classIndex] = weight.value
      }
    }
    slotHashes = hashes
    self.slotRows = slotRows
    self.rows = rows
    personIndex = model.personClassIndex
  }

  /// The row of the feature hashed `hash`, or nil.
  private func row(of hash: UInt64) -> Int? {
    let mask = slotHashes.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slotRows[slot] >= 0 {
      if slotHashes[slot] == hash { return Int(slotRows[slot]) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Each class's probability for `tokens`, by class index.
  func probabilities(of tokens: [Token]) -> [Double] {
    var scores = model.biases
    let width = classCount
    rows.withUnsafeBufferPointer { rows in
      scores.withUnsafeMutableBufferPointer { scores in
        for hash in LearnedFeatures.hashes(of: tokens) {
          guard let row = row(of: hash) else { continue }
          // The row as a buffer of its own: the loop then has no index arithmetic to
          // check, and the compiler adds two columns at a time. Each class still adds
          // the features in the same order, so the sums are the same.
          let weights = UnsafeBufferPointer(rebasing: rows[row * width..<(row + 1) * width])
          for column in 0..<width { scores[column] += weights[column] }
        }
      }
    }
    LearnedModel.softmaxInPlace(&scores)
    return scores
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
  func reviewed(_ decision: consuming Decision, tokens: [Token], explains: Bool) -> (
    Decision, LearnedOpinion?
  ) {
    guard let learned else { return (decision, nil) }
    let settings = ruleSet.settings
    let canChange =
      decision.outcome == .answer && decision.handoverReason == nil || decision.outcome == .ask
    // A handover stays one: the model is only read when it could change the decision, or
    // to explain it.
    guard canChange || explains else { return (decision, nil) }
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
