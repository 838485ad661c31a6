/// A problem found in a rule file, reported as `path:line:column: severity: message`.
///
/// Lines and columns are 1-based; a column counts characters (grapheme clusters),
/// so it matches what an editor shows. Messages are lower case, without a final
/// period, with values in single quotes.
///
///     Rules/anagrafe/cie.faq:12:1: error: unknown key 'risposat' (did you mean 'risposta'?)
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Codable {
    /// The rule set cannot be loaded.
    case error
    /// The rule set loads, but something is probably wrong.
    case warning
    /// Extra information attached to another diagnostic.
    case note
  }

  /// The file's path, as the rules directory was given plus the path inside it.
  public var path: String

  /// The 1-based line.
  public var line: Int

  /// The 1-based column, in characters.
  public var column: Int

  /// How serious it is.
  public var severity: Severity

  /// What is wrong.
  public var message: String

  /// Creates a diagnostic.
  public init(path: String, line: Int, column: Int, severity: Severity, message: String) {
    self.path = path
    self.line = max(1, line)
    self.column = max(1, column)
    self.severity = severity
    self.message = message
  }

  /// The diagnostic as `path:line:column: severity: message`.
  public var description: String {
    "\(path):\(line):\(column): \(severity.rawValue): \(message)"
  }

  /// Whether this is an error.
  public var isError: Bool { severity == .error }
}

/// Where something was written: a file and a 1-based line.
public struct SourceLocation: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The file's path, as in diagnostics.
  public var path: String

  /// The 1-based line.
  public var line: Int

  /// Creates a location.
  public init(path: String, line: Int) {
    self.path = path
    self.line = line
  }

  /// The location as `path:line`.
  public var description: String { "\(path):\(line)" }
}
