/// Why the matcher decided as it did: what `sportello ask --explain` shows.
public struct Explanation: Sendable, Codable, Equatable {
  /// One analysed token of the message.
  public struct AnalyzedToken: Sendable, Codable, Equatable {
    /// As written.
    public var surface: String
    /// Normalized (lowercase, accents unified, abbreviations expanded).
    public var folded: String
    /// The stem used for matching.
    public var stem: String
    /// The token's kind, such as `word` or `code`.
    public var kind: String
    /// Whether it is a stop word (weighted low).
    public var isStopWord: Bool
    /// What normalization changed, such as `typo 'identita' -> 'identità'`.
    public var changes: [String]
  }

  /// How one candidate scored.
  public struct CandidateDetail: Sendable, Codable, Equatable {
    /// The intent id.
    public var intent: String
    /// The final score.
    public var score: Double
    /// The similarity of the closest example question (or title), 0...1.
    public var exampleScore: Double
    /// The closest example question.
    public var bestExample: String?
    /// The share of the message's weight found anywhere in the FAQ, 0...1.
    public var coverage: Double
    /// Keyword alternatives found in the message, one per matched group.
    public var matchedKeywords: [String]
    /// Synonym concepts and two-word phrases shared with the closest example.
    public var matchedPhrases: [String]
    /// Required groups with no alternative in the message (the FAQ cannot be answered).
    public var missingRequired: [String]
  }

  /// The thresholds in force.
  public struct Thresholds: Sendable, Codable, Equatable {
    /// `soglia_risposta`.
    public var answer: Double
    /// `margine`.
    public var margin: Double
    /// `soglia_scelta`.
    public var choice: Double
  }

  /// The message's tokens after analysis.
  public var tokens: [AnalyzedToken] = []

  /// The synonym concepts recognised in the message.
  public var concepts: [String] = []

  /// Details of the top candidates, best first.
  public var candidates: [CandidateDetail] = []

  /// FAQs left out, with why (`passaporto: excluded by 'passaporto'`, expired).
  public var excluded: [String] = []

  /// The thresholds.
  public var thresholds = Thresholds(answer: 0, margin: 0, choice: 0)

  /// The decision in words, such as `answer: score 0.82 >= 0.50 and margin 0.40 >= 0.08`.
  public var reason: String = ""

  /// What the learned model thought, when the rules have one.
  public var learned: LearnedOpinion?

  /// Creates an empty explanation.
  public init() {}
}
