/// One FAQ read from a spreadsheet row, ready to be written as a rule.
public struct ImportedFAQ: Sendable, Equatable {
  /// The intent id: the prefix and the row's id (or row number).
  public var id: String
  /// The title shown in "which one?" menus, at most 24 characters.
  public var title: String
  /// The question, written as the first example question.
  public var question: String
  /// The answer, kept verbatim (line ends normalized to LF).
  public var answer: String
  /// The tags, written as keywords, one group each.
  public var tags: [String]
  /// The owning office, if any.
  public var office: String?
  /// The link appended to the answer, if any.
  public var link: String?
  /// The line of the CSV file where the row starts.
  public var line: Int

  /// Creates an FAQ.
  public init(
    id: String, title: String, question: String, answer: String, tags: [String] = [],
    office: String? = nil, link: String? = nil, line: Int
  ) {
    self.id = id
    self.title = title
    self.question = question
    self.answer = answer
    self.tags = tags
    self.office = office
    self.link = link
    self.line = line
  }
}

/// A warning about one row of an imported spreadsheet: a row left out, or a value
/// changed so the written rules lint clean.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
  /// The CSV file.
  public var path: String
  /// The line where the row starts.
  public var line: Int
  /// What happened, in lower case, such as `skipped row: missing answer`.
  public var message: String

  /// Creates a warning.
  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `path:line: warning: message`.
  public var description: String { "\(path):\(line): warning: \(message)" }
}
