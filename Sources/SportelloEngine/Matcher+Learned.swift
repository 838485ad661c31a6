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
/// table, each feature's weights as a run of (class, weight) entries, so a message costs one
/// probe per feature, a few additions per feature found, and no strings.
///
/// The runs hold only the weights the model has, about four per feature of the shipped
/// model's 42 classes: a tenth of the memory of a row per feature with every class, so a
/// message's features are read from the processor's cache rather than from memory.
struct LearnedScorer: Sendable {
  /// The model as read, for explanations.
  let model: LearnedModel

  /// Open-addressing slots of feature hashes; a slot is empty when its row is -1.
  private let slotHashes: [UInt64]
  private let slotRows: [Int32]

  /// Row `r`'s entries are at `rowStarts[r] ..< rowStarts[r + 1]` of `entryClasses` and
  /// `entryWeights`, in the model's order; a class the row does not list weighs 0.
  private let rowStarts: [Int32]
  private let entryClasses: [Int32]
  private let entryWeights: [Double]

  /// The index of the class `-`, if the model has one.
  let personIndex: Int?

  init(model: LearnedModel) {
    self.model = model
    var slotCount = 16
    while slotCount < model.features.count * 2 { slotCount <<= 1 }
    var hashes = [UInt64](repeating: 0, count: slotCount)
    var slotRows = [Int32](repeating: -1, count: slotCount)
    var rowStarts: [Int32] = [0]
    rowStarts.reserveCapacity(model.features.count + 1)
    var entryClasses: [Int32] = []
    var entryWeights: [Double] = []
    entryClasses.reserveCapacity(model.weightCount)
    entryWeights.reserveCapacity(model.weightCount)
    for (row, feature) in model.features.enumerated() {
      let hash = LearnedFeatures.hash(ofKey: feature.key)
      var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
      while slotRows[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
      hashes[slot] = hash
      slotRows[slot] = Int32(row)
      for weight in feature.weights {
        entryClasses.append(Int32(weight.classIndex))
        entryWeights.append(weight.value)
      }
      rowStarts.append(Int32(entryClasses.count))
    }
    slotHashes = hashes
    self.slotRows = slotRows
    self.rowStarts = rowStarts
    self.entryClasses = entryClasses
    self.entryWeights = entryWeights
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

  /// Each class's score for `tokens` before the softmax, by class index: its bias plus the
  /// weights of the message's features.
  ///
  /// Each class adds its weights in the order of ``LearnedFeatures/hashes(of:)``, whatever
  /// the layout, so the sums are always the same.
  func scores(of tokens: [Token]) -> [Double] {
    var scores = model.biases
    rowStarts.withUnsafeBufferPointer { starts in
      entryClasses.withUnsafeBufferPointer { classes in
        entryWeights.withUnsafeBufferPointer { weights in
          scores.withUnsafeMutableBufferPointer { scores in
            let capacity = LearnedFeatures.hashCapacity(of: tokens)
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { hashes in
              let count = LearnedFeatures.writeHashes(of: tokens, into: hashes)
              for hash in hashes[..<count] {
                guard let row = row(of: hash) else { continue }
                for entry in Int(starts[row])..<Int(starts[row + 1]) {
                  scores[Int(classes[entry])] += weights[entry]
                }
              }
            }
          }
        }
      }
    }
    return scores
  }

  /// The opinion on `tokens`, whose ``scores(of:)`` are `scores`, with the signs spelled
  /// out when `withSigns`.
  func opinion(of tokens: [Token], scores: consuming [Double], withSigns: Bool) -> LearnedOpinion {
    var probabilities = scores
    LearnedModel.softmaxInPlace(&probabilities)
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

  /// Whether the probability of class `index` may pass `threshold`, for a message whose
  /// ``scores(of:)`` are `scores`: false when the threshold is at least one half and
  /// another class scores at least as high, since the class's probability is then at most
  /// one half. The softmax need not be worked out then.
  ///
  /// The other class must score higher by a margin, so that the rounding of the
  /// exponentials cannot make the two probabilities come out in the other order.
  static func mayPass(_ threshold: Double, classIndex index: Int, scores: [Double]) -> Bool {
    guard threshold >= 0.5 else { return true }
    let rival = scores[index] + Self.rivalMargin
    for other in scores.indices where other != index && scores[other] >= rival { return false }
    return true
  }

  /// How much higher another class must score than a class for ``mayPass(_:classIndex:
  /// scores:)`` to rule it out: far above the rounding of the exponentials (a few parts in
  /// 10¹⁶) and far below any difference the weights' four decimals make.
  static let rivalMargin = 1e-9

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
    guard let learned else { return (consume decision, nil) }
    let settings = ruleSet.settings
    let canChange =
      decision.outcome == .answer && decision.handoverReason == nil || decision.outcome == .ask
    // A handover stays one: the model is only read when it could change the decision, or
    // to explain it.
    guard canChange || explains else { return (consume decision, nil) }
    let scores = learned.scores(of: tokens)
    if !explains, !mayChange(decision, scores: scores, learned: learned) {
      return (consume decision, nil)
    }
    var opinion = learned.opinion(of: tokens, scores: scores, withSigns: explains)
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
    return (consume decision, opinion)
  }
}

extension Matcher {
  /// Whether the model's opinion may change `decision`, by the class the change depends
  /// on (``LearnedScorer/mayPass(_:classIndex:scores:)``): `-` for an answer, the first
  /// option for a "which one?" question, which must also be the rules' best candidate.
  private func mayChange(
    _ decision: borrowing Decision, scores: [Double], learned: LearnedScorer
  ) -> Bool {
    let settings = ruleSet.settings
    switch decision.outcome {
    case .answer where decision.handoverReason == nil:
      guard let person = learned.personIndex else { return false }
      return LearnedScorer.mayPass(
        settings.learnedHandoverThreshold, classIndex: person, scores: scores)
    case .ask:
      guard let first = decision.options.first, decision.candidates.first?.intent == first,
        let index = learned.model.classes.firstIndex(of: first)
      else { return false }
      return LearnedScorer.mayPass(
        settings.learnedAnswerThreshold, classIndex: index, scores: scores)
    default:
      return false
    }
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
