/// Why a batch test or an import could not run.
///
/// Every case carries the file and, for content errors, the 1-based line, so
/// `description` reads like a compiler diagnostic:
///
///     Corpus/tributi.tsv:12: error: missing tab between the expected intent and the message
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A file or directory could not be read.
  case unreadable(path: String, reason: String)

  /// A line of a recorded-question file is malformed.
  case malformedLine(path: String, line: Int, reason: String)

  /// A line of a CSV file is malformed (such as an unterminated quoted field).
  case malformedCSV(path: String, line: Int, reason: String)

  /// The CSV header lacks a column the import needs.
  case missingColumn(path: String, name: String)

  /// A baseline file is not a baseline written by `--save-baseline`.
  case invalidBaseline(path: String, reason: String)

  /// Files the import would overwrite; nothing was written.
  case wouldOverwrite(paths: [String])

  /// A file could not be written.
  case unwritable(path: String, reason: String)

  /// The diagnostic line shown to the user.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "\(path): error: cannot read: \(reason)"
    case .malformedLine(let path, let line, let reason),
      .malformedCSV(let path, let line, let reason):
      return "\(path):\(line): error: \(reason)"
    case .missingColumn(let path, let name):
      return "\(path):1: error: missing column '\(name)' in the header"
    case .invalidBaseline(let path, let reason):
      return "\(path): error: not a baseline: \(reason)"
    case .wouldOverwrite(let paths):
      let list = paths.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
      let more = paths.count > 5 ? " and \(paths.count - 5) more" : ""
      return "would overwrite \(list)\(more); use --force to replace them"
    case .unwritable(let path, let reason):
      return "\(path): error: cannot write: \(reason)"
    }
  }
}

/// Errors that several files of a recorded-question set can raise at once.
///
/// The corpus reader collects every malformed line before failing, so staff fix
/// a file in one pass.
public struct CorpusErrors: Error, Sendable, CustomStringConvertible {
  /// Every error, in file then line order.
  public var errors: [EvaluationError]

  /// Creates the collection.
  public init(_ errors: [EvaluationError]) { self.errors = errors }

  /// Whether any error is an unreadable file (exit status 2) rather than bad content.
  public var hasUnreadableFile: Bool {
    errors.contains { if case .unreadable = $0 { return true } else { return false } }
  }

  /// One diagnostic a line.
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
