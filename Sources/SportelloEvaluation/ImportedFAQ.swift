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

/// A row the import left out, with why.
public struct SkippedRow: Sendable, Equatable, CustomStringConvertible {
  /// The CSV file.
  public var path: String
  /// The line where the row starts.
  public var line: Int
  /// Why it was skipped, in lower case.
  public var reason: String

  /// Creates a skipped row.
  public init(path: String, line: Int, reason: String) {
    self.path = path
    self.line = line
    self.reason = reason
  }

  /// `path:line: warning: skipped row: reason`.
  public var description: String { "\(path):\(line): warning: skipped row: \(reason)" }
}
