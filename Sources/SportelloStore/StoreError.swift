/// Everything that can go wrong in the store.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// SQLite reported an error: its primary and extended result codes and its message.
  case sqlite(code: Int32, extendedCode: Int32, message: String, statement: String?)
  /// The database could not be opened or created.
  case cannotOpen(path: String, reason: String)
  /// The database's schema is newer than this program knows; it was not touched.
  case newerSchema(path: String, found: Int, supported: Int)
  /// A row had no column of that name.
  case missingColumn(String)
  /// A column held a value of another type than the one asked for.
  case typeMismatch(column: String, expected: String, found: String)
  /// A value stored as JSON could not be read back.
  case corruptValue(column: String, reason: String)

  /// The error as one line for people.
  public var description: String {
    switch self {
    case .sqlite(let code, let extendedCode, let message, let statement):
      let context = statement.map { " in '\(Self.abbreviated($0))'" } ?? ""
      return "sqlite error \(code) (extended \(extendedCode)): \(message)\(context)"
    case .cannotOpen(let path, let reason):
      return "cannot open database '\(path)': \(reason)"
    case .newerSchema(let path, let found, let supported):
      return "database '\(path)' has schema version \(found), newer than this sportello "
        + "supports (\(supported)); it was not modified: upgrade sportello to use it"
    case .missingColumn(let name):
      return "no column '\(name)' in the result row"
    case .typeMismatch(let column, let expected, let found):
      return "column '\(column)' holds \(found), expected \(expected)"
    case .corruptValue(let column, let reason):
      return "column '\(column)' holds an unreadable value: \(reason)"
    }
  }

  /// Whether this is SQLite's "database is locked" or "busy" condition.
  public var isBusy: Bool {
    if case .sqlite(let code, _, _, _) = self { return code == 5 || code == 6 }
    return false
  }

  /// Whether this is a violated `UNIQUE` or primary-key constraint.
  public var isUniqueViolation: Bool {
    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    if case .sqlite(_, let extended, _, _) = self { return extended == 2067 || extended == 1555 }
    return false
  }

  private static func abbreviated(_ statement: String) -> String {
    let flat = statement.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return flat.count > 80 ? String(flat.prefix(77)) + "..." : flat
  }
}
