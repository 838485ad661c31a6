/// A recorded message with what the desk did and whether that was right.
public struct EvaluatedMessage: Sendable, Equatable {
  /// How an outcome compares with the expectation.
  public enum Verdict: String, Sendable, Codable {
    /// Answered with an expected intent.
    case correct
    /// Answered, but not with an expected intent (any answer to a `-` message).
    case wrong
    /// An answerable message asked about or handed over.
    case missed
    /// A `-` message asked about or handed over, as it should be.
    case withheld
  }

  /// The recorded message.
  public var entry: CorpusEntry

  /// What the desk did.
  public var outcome: MessageOutcome

  /// Creates a result.
  public init(entry: CorpusEntry, outcome: MessageOutcome) {
    self.entry = entry
    self.outcome = outcome
  }

  /// Whether the desk answered the message itself.
  ///
  /// An answer by the `operatore` FAQ to a `-` message is not one: it tells the citizen
  /// that a person will write back and opens a ticket, which is the handover the message
  /// needed. To an answerable message it is an answer like any other, right only when
  /// `operatore` was expected.
  public var isAnswered: Bool {
    outcome.kind == .answer && !(outcome.handsOver && !entry.isAnswerable)
  }

  /// Whether the desk's outcome was right, wrong, missed or rightly withheld.
  public var verdict: Verdict {
    if isAnswered {
      return entry.accepts(outcome.intent) ? .correct : .wrong
    }
    return entry.isAnswerable ? .missed : .withheld
  }

  /// Whether the outcome is a failure worth showing: a wrong answer or a missed message.
  public var isFailure: Bool { verdict == .wrong || verdict == .missed }

  /// Whether the desk asked which one and offered an expected intent.
  public var askedWithRightOption: Bool {
    outcome.kind == .ask && outcome.options.contains { entry.expected.contains($0) }
  }
}
