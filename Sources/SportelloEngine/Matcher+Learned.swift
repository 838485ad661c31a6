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
/// The layout is for the processor's cache. A message's forty or so features fall anywhere
/// in tables of a megabyte or two, so each read of a new place waits for memory:
/// - a slot holds the feature's hash and where its run is, so a probe reads one place, and
///   an entry holds its class and weight together;
/// - the runs hold only the weights the model has, about four per feature of the shipped
///   model's 42 classes: a tenth of the memory of a row with every class;
/// - every feature is looked up before any weight is added, so the probes of one message
///   do not wait for each other.
struct LearnedScorer: Sendable {
  /// The model as read, for explanations.
  let model: LearnedModel

  /// A feature's place in the table: its hash and its run of entries.
  private struct Slot {
    var hash: UInt64 = 0
    /// The run's first entry; -1 for an empty slot.
    var start: Int32 = -1
    var count: Int32 = 0
  }

  /// One weight of a feature.
  private struct Entry {
    var weight: Double
    var classIndex: Int32
  }

  /// Open-addressing slots, at least twice as many as features, a power of two.
  private let slots: [Slot]

  /// The runs of every feature, in the model's order; a class a run does not list weighs 0.
  private let entries: [Entry]

  /// The index of the class `-`, if the model has one.
  let personIndex: Int?

  init(model: LearnedModel) {
    self.model = model
    var slotCount = 16
    while slotCount < model.features.count * 2 { slotCount <<= 1 }
    var slots = [Slot](repeating: Slot(), count: slotCount)
    var entries: [Entry] = []
    entries.reserveCapacity(model.weightCount)
    for feature in model.features {
      let hash = LearnedFeatures.hash(ofKey: feature.key)
      var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
      while slots[slot].start >= 0 { slot = (slot + 1) & (slotCount - 1) }
      slots[slot] = Slot(
        hash: hash, start: Int32(entries.count), count: Int32(feature.weights.count))
      for weight in feature.weights {
        entries.append(Entry(weight: weight.value, classIndex: Int32(weight.classIndex)))
      }
    }
    self.slots = slots
    self.entries = entries
    personIndex = model.personClassIndex
  }

  /// Each class's score for `tokens` before the softmax, by class index: its bias plus the
  /// weights of the message's features.
  ///
  /// Each class adds its weights in the order of ``LearnedFeatures/hashes(of:)``, whatever
  /// the layout, so the sums are always the same.
  func scores(of tokens: [Token]) -> [Double] {
    var scores = model.biases
    let capacity = LearnedFeatures.hashCapacity(of: tokens)
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { hashes in
      withUnsafeTemporaryAllocation(of: Slot.self, capacity: capacity) { found in
        slots.withUnsafeBufferPointer { slots in
          entries.withUnsafeBufferPointer { entries in
            scores.withUnsafeMutableBufferPointer { scores in
              let count = LearnedFeatures.writeHashes(of: tokens, into: hashes)
              // The probes first, each independent of the others, so that their reads
              // of memory overlap; then the additions, in the features' order.
              let mask = slots.count - 1
              for index in 0..<count {
                let hash = hashes[index]
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot].start >= 0, slots[slot].hash != hash {
                  slot = (slot + 1) & mask
                }
                found[index] = slots[slot]
              }
              for index in 0..<count where found[index].start >= 0 {
                let start = Int(found[index].start)
                for entry in entries[start..<start + Int(found[index].count)] {
                  scores[Int(entry.classIndex)] += entry.weight
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
