/// What the matcher decided about one message.
///
/// Candidates are ordered by score, highest first, then by intent id in
/// ascending byte order, so the same message and rules always give the same
/// decision.
public struct Decision: Sendable, Codable, Equatable {
  /// The three possible decisions.
  public enum Outcome: String, Sendable, Codable {
    /// One FAQ clearly fits: answer it.
    case answer
    /// Two or three fit about equally (or one fits only loosely): ask which one.
    case ask
    /// Nothing fits well enough, or the message is about the citizen's own case.
    case handover
  }

  /// The decision.
  public var outcome: Outcome

  /// The answered intent (when `outcome == .answer`).
  public var intent: String?

  /// The intents offered in the menu (when `outcome == .ask`), at most 3, in menu order.
  public var options: [String]

  /// How sure the matcher is, 0...1: the answered or best score for `answer` and `ask`,
  /// one minus the best score for `no_match`, 1 for own cases and explicit requests.
  public var confidence: Double

  /// The top candidates (at most 5), best first.
  public var candidates: [Candidate]

  /// Why the message goes to a person: set for `handover`, and for an answered
  /// intent whose action hands over (`operator_requested`).
  public var handoverReason: HandoverReason?

  /// Why the matcher decided so, for `--explain`.
  public var explanation: Explanation

  /// Creates a decision.
  public init(
    outcome: Outcome, intent: String? = nil, options: [String] = [], confidence: Double,
    candidates: [Candidate] = [], handoverReason: HandoverReason? = nil,
    explanation: Explanation = Explanation()
  ) {
    self.outcome = outcome
    self.intent = intent
    self.options = options
    self.confidence = confidence
    self.candidates = candidates
    self.handoverReason = handoverReason
    self.explanation = explanation
  }
}

/// An FAQ the matcher considered, with its score.
public struct Candidate: Sendable, Codable, Equatable {
  /// The intent id.
  public var intent: String

  /// The FAQ's title.
  public var title: String

  /// The score, 0...1, rounded to four decimals.
  public var score: Double

  /// Creates a candidate.
  public init(intent: String, title: String, score: Double) {
    self.intent = intent
    self.title = title
    self.score = score
  }
}

/// Why a conversation goes to a person.
public enum HandoverReason: String, Sendable, Codable {
  /// No FAQ fits well enough.
  case noMatch = "no_match"
  /// The message is about the citizen's own case (a protocol number, "la mia pratica").
  case ownCase = "own_case"
  /// The citizen asked for a person.
  case operatorRequested = "operator_requested"
  /// The message is about another Comune's office or rules ("la tari di Montevarchi").
  case otherComune = "other_comune"
  /// The message is not text (a photo, a voice note).
  case nonText = "non_text"
  /// The citizen chose "0" (a person) in a "which one?" menu.
  case choseOperator = "chose_operator"
  /// A member of staff took the conversation.
  case ticketClaimed = "ticket_claimed"
  /// The rules would answer, but the model learned from recorded questions takes the
  /// message for one a person must answer (see ``LearnedModel``).
  case learned = "learned"
}
