/// What the desk did with one message: answered it, asked which one, or handed it over.
///
/// This is the engine's decision reduced to what batch testing compares, so results
/// can be saved as a baseline and read back by a later version.
public struct MessageOutcome: Sendable, Equatable, Codable {
  /// The three things the desk can do with a message.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// One FAQ was answered.
    case answer
    /// The citizen was asked which of a few FAQs they mean.
    case ask
    /// The message went to a person.
    case handover
  }

  /// What was done.
  public var kind: Kind

  /// The answered intent, when ``kind`` is ``Kind/answer``.
  public var intent: String?

  /// The intents offered, in menu order, when ``kind`` is ``Kind/ask``.
  public var options: [String]

  /// The best candidates with their scores, best first.
  public var candidates: [ScoredIntent]

  /// The decision's confidence, 0...1.
  public var score: Double

  /// Whether the answer hands the citizen to a person: the answered FAQ's action is
  /// `operatore`, so the reply says that someone will write back and a ticket is opened.
  public var handsOver: Bool

  /// Creates an outcome.
  public init(
    kind: Kind, intent: String? = nil, options: [String] = [],
    candidates: [ScoredIntent] = [], score: Double = 0, handsOver: Bool = false
  ) {
    self.kind = kind
    self.intent = intent
    self.options = options
    self.candidates = candidates
    self.score = score
    self.handsOver = handsOver
  }

  private enum CodingKeys: String, CodingKey {
    case kind, intent, options, candidates, score, handsOver
  }

  /// Reads an outcome; baselines saved before ``handsOver`` existed read it as false.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    kind = try container.decode(Kind.self, forKey: .kind)
    intent = try container.decodeIfPresent(String.self, forKey: .intent)
    options = try container.decode([String].self, forKey: .options)
    candidates = try container.decode([ScoredIntent].self, forKey: .candidates)
    score = try container.decode(Double.self, forKey: .score)
    handsOver = try container.decodeIfPresent(Bool.self, forKey: .handsOver) ?? false
  }

  /// A short description for reports: `faq-12`, `ask(faq-1, faq-2)` or `handover`.
  public var summary: String {
    switch kind {
    case .answer: return intent ?? "answer"
    case .ask: return "ask(\(options.joined(separator: ", ")))"
    case .handover: return "handover"
    }
  }
}

/// An intent with the matcher's score for a message.
public struct ScoredIntent: Sendable, Equatable, Codable {
  /// The intent id.
  public var intent: String

  /// The score, 0...1.
  public var score: Double

  /// Creates a scored intent.
  public init(intent: String, score: Double) {
    self.intent = intent
    self.score = score
  }
}
