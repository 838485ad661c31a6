/// One FAQ of the rule set: an intent with its example questions and its answer.
///
/// Written by staff in `*.faq` files (see the rule format); the id is the intent id
/// that decisions, corpora and the desk refer to, such as `anagrafe.carta_identita`.
public struct FAQ: Sendable, Equatable {
  /// The intent id, unique across the rule set.
  public var id: String

  /// The title shown in "which one?" menus (at most 24 characters).
  public var title: String

  /// The owning office, such as `anagrafe`.
  public var office: String?

  /// The last review date.
  public var reviewedOn: CalendarDay?

  /// The last day on which the FAQ is valid; after it the FAQ is never answered.
  public var expiresOn: CalendarDay?

  /// Example questions, as citizens write them.
  public var examples: [String]

  /// Keyword groups; each group lists alternatives (words or phrases).
  public var keywordGroups: [[String]]

  /// Required groups: for each, one alternative must be in the message to answer.
  public var requiredGroups: [[String]]

  /// Words or phrases that exclude the FAQ when present in the message.
  public var exclusions: [String]

  /// The answer, verbatim, with `{placeholders}` still to fill; nil when there is none.
  public var answer: String?

  /// A link appended to the answer on its own line.
  public var link: String?

  /// The special action of the intent, `.none` for an ordinary FAQ.
  public var action: IntentAction

  /// Where the FAQ starts (its `[id]` line).
  public var location: SourceLocation

  /// Where each part was written, for diagnostics.
  var sourceMap = FAQSourceMap()

  /// Creates an FAQ.
  public init(
    id: String, title: String, office: String? = nil, reviewedOn: CalendarDay? = nil,
    expiresOn: CalendarDay? = nil, examples: [String], keywordGroups: [[String]] = [],
    requiredGroups: [[String]] = [], exclusions: [String] = [], answer: String? = nil,
    link: String? = nil, action: IntentAction = .none,
    location: SourceLocation = SourceLocation(path: "", line: 1)
  ) {
    self.id = id
    self.title = title
    self.office = office
    self.reviewedOn = reviewedOn
    self.expiresOn = expiresOn
    self.examples = examples
    self.keywordGroups = keywordGroups
    self.requiredGroups = requiredGroups
    self.exclusions = exclusions
    self.answer = answer
    self.link = link
    self.action = action
    self.location = location
  }

  /// Whether the FAQ is past its `scadenza` on `day` (it is valid through that date).
  public func isExpired(on day: CalendarDay) -> Bool {
    guard let expiresOn else { return false }
    return day > expiresOn
  }

  /// Equality ignores where the FAQ was written.
  public static func == (lhs: FAQ, rhs: FAQ) -> Bool {
    lhs.id == rhs.id && lhs.title == rhs.title && lhs.office == rhs.office
      && lhs.reviewedOn == rhs.reviewedOn && lhs.expiresOn == rhs.expiresOn
      && lhs.examples == rhs.examples && lhs.keywordGroups == rhs.keywordGroups
      && lhs.requiredGroups == rhs.requiredGroups && lhs.exclusions == rhs.exclusions
      && lhs.answer == rhs.answer && lhs.link == rhs.link && lhs.action == rhs.action
  }
}

/// What an intent does besides (or instead of) answering.
public enum IntentAction: String, Sendable, Codable, CaseIterable {
  /// An ordinary FAQ: it answers.
  case none
  /// Hand the conversation to a person (`azione: operatore`).
  case handover = "operatore"
  /// Subscribe to the "Unico online" broadcast list (`azione: iscrizione`).
  case subscribe = "iscrizione"
  /// Unsubscribe from it (`azione: cancellazione`).
  case unsubscribe = "cancellazione"
  /// Small talk such as greetings and thanks, chosen only when nothing else fits.
  case smallTalk = "convenevoli"
}

/// Lines and columns of an FAQ's parts, kept for lint.
struct FAQSourceMap: Sendable {
  /// The `[id]` name's column.
  var idColumn = 1
  /// The title value's position.
  var title = Position()
  /// The `risposta` key's position.
  var answerKey = Position()
  /// For each line of the answer, where its text starts.
  var answerLines: [Position] = []
  /// The `scadenza` value's position.
  var expiry = Position()
  /// Each example question's position, in order.
  var examples: [Position] = []

  /// A 1-based line and column.
  struct Position: Sendable {
    var line = 1
    var column = 1
  }
}
