/// The counts and rates of a batch test, under the names of its JSON summary.
///
/// A rate whose denominator is zero is 0. `c_at_1` follows Peñas and Rodrigo
/// ("A simple measure to assess non-response", ACL 2011): withheld answers earn the
/// accuracy of the answered ones, so a wrong answer costs more than none.
public struct EvaluationSummary: Sendable, Equatable, Codable {
  /// Every message tested.
  public var total = 0
  /// Messages with a right answer (expected is not `-`).
  public var answerable = 0
  /// Messages that must not be answered automatically (expected `-`).
  public var unanswerable = 0
  /// Messages answered automatically.
  public var answered = 0
  /// Messages answered with an expected intent.
  public var correct = 0
  /// Messages answered with an intent that is not expected, including any answered `-`.
  public var wrong = 0
  /// Messages that got a "which one?" question.
  public var asked = 0
  /// Asked messages whose options include an expected intent.
  public var askedWithRightOption = 0
  /// Messages handed to a person.
  public var handedOver = 0
  /// Answerable messages not answered (asked or handed over).
  public var missed = 0
  /// Answered `-` messages (the numerator of ``unanswerableAnswered``).
  public var unanswerableAnsweredCount = 0

  /// Creates an empty summary; ``add(_:)`` counts results into it.
  public init() {}

  /// Creates the summary of `results`.
  public init(_ results: some Sequence<EvaluatedMessage>) {
    for result in results { add(result) }
  }

  /// Counts one result.
  public mutating func add(_ result: EvaluatedMessage) {
    total += 1
    if result.entry.isAnswerable { answerable += 1 } else { unanswerable += 1 }
    // The operatore FAQ's answer to a `-` message is the handover it needed.
    let kind =
      result.outcome.kind == .answer && !result.isAnswered ? .handover : result.outcome.kind
    switch kind {
    case .answer:
      answered += 1
      if result.verdict == .correct { correct += 1 } else { wrong += 1 }
      if !result.entry.isAnswerable { unanswerableAnsweredCount += 1 }
    case .ask:
      asked += 1
      if result.askedWithRightOption { askedWithRightOption += 1 }
      if result.entry.isAnswerable { missed += 1 }
    case .handover:
      handedOver += 1
      if result.entry.isAnswerable { missed += 1 }
    }
  }

  /// Correct answers among the answered: correct / answered.
  public var precision: Double { ratio(correct, answered) }

  /// Correct answers among the answerable: correct / answerable.
  public var automation: Double { ratio(correct, answerable) }

  /// Answered `-` messages among the `-` messages.
  public var unanswerableAnswered: Double { ratio(unanswerableAnsweredCount, unanswerable) }

  /// c@1 = (correct + unanswered × correct / total) / total, where unanswered counts
  /// the asked and the handed-over messages.
  public var cAt1: Double {
    guard total > 0 else { return 0 }
    let total = Double(total)
    let correct = Double(correct)
    let unanswered = Double(asked + handedOver)
    return (correct + unanswered * correct / total) / total
  }

  private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
  }

  enum CodingKeys: String, CodingKey {
    case total, answerable, unanswerable, answered, correct, wrong, asked
    case askedWithRightOption = "asked_with_right_option"
    case handedOver = "handed_over"
    case missed, precision, automation
    case unanswerableAnswered = "unanswerable_answered"
    case cAt1 = "c_at_1"
  }

  /// Encodes the counts and the rates.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(total, forKey: .total)
    try container.encode(answerable, forKey: .answerable)
    try container.encode(unanswerable, forKey: .unanswerable)
    try container.encode(answered, forKey: .answered)
    try container.encode(correct, forKey: .correct)
    try container.encode(wrong, forKey: .wrong)
    try container.encode(asked, forKey: .asked)
    try container.encode(askedWithRightOption, forKey: .askedWithRightOption)
    try container.encode(handedOver, forKey: .handedOver)
    try container.encode(missed, forKey: .missed)
    try container.encode(rounded(precision), forKey: .precision)
    try container.encode(rounded(automation), forKey: .automation)
    try container.encode(rounded(unanswerableAnswered), forKey: .unanswerableAnswered)
    try container.encode(rounded(cAt1), forKey: .cAt1)
  }

  /// Decodes the counts; the rates are recomputed from them.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    total = try container.decode(Int.self, forKey: .total)
    answerable = try container.decode(Int.self, forKey: .answerable)
    unanswerable = try container.decode(Int.self, forKey: .unanswerable)
    answered = try container.decode(Int.self, forKey: .answered)
    correct = try container.decode(Int.self, forKey: .correct)
    wrong = try container.decode(Int.self, forKey: .wrong)
    asked = try container.decode(Int.self, forKey: .asked)
    askedWithRightOption = try container.decode(Int.self, forKey: .askedWithRightOption)
    handedOver = try container.decode(Int.self, forKey: .handedOver)
    missed = try container.decode(Int.self, forKey: .missed)
    let rate = try container.decode(Double.self, forKey: .unanswerableAnswered)
    unanswerableAnsweredCount = Int((rate * Double(unanswerable)).rounded())
  }

  /// Rates rounded to 4 decimals, so the JSON is stable across platforms.
  private func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
