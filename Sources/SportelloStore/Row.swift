import Foundation

/// One row of a query's result, read by column name with typed accessors.
///
///     let row = try database.queryOne("SELECT id, status FROM tickets WHERE id = ?", [7])
///     let status = try row?.string("status")
public struct Row: Sendable {
  /// The values in column order.
  public var values: [SQLValue]

  /// The column names, shared by every row of one result.
  public var columns: [String]

  /// Creates a row.
  public init(values: [SQLValue], columns: [String]) {
    self.values = values
    self.columns = columns
  }

  /// The raw value of a column.
  ///
  /// - Throws: ``StoreError/missingColumn(_:)``.
  public func value(_ column: String) throws -> SQLValue {
    guard let index = columns.firstIndex(of: column) else { throw StoreError.missingColumn(column) }
    return values[index]
  }

  /// A non-null integer column.
  public func int64(_ column: String) throws -> Int64 {
    guard let value = try optionalInt64(column) else { throw mismatch(column, "integer") }
    return value
  }

  /// An integer column, `nil` for `NULL`.
  public func optionalInt64(_ column: String) throws -> Int64? {
    switch try value(column) {
    case .null: return nil
    case .integer(let value): return value
    case .real(let value): return Int64(value)
    default: throw mismatch(column, "integer")
    }
  }

  /// A non-null integer column as `Int`.
  public func int(_ column: String) throws -> Int { Int(try int64(column)) }

  /// An integer column as `Int`, `nil` for `NULL`.
  public func optionalInt(_ column: String) throws -> Int? {
    try optionalInt64(column).map(Int.init)
  }

  /// A non-null real column (integers are widened).
  public func double(_ column: String) throws -> Double {
    guard let value = try optionalDouble(column) else { throw mismatch(column, "real") }
    return value
  }

  /// A real column, `nil` for `NULL`.
  public func optionalDouble(_ column: String) throws -> Double? {
    switch try value(column) {
    case .null: return nil
    case .integer(let value): return Double(value)
    case .real(let value): return value
    default: throw mismatch(column, "real")
    }
  }

  /// A non-null text column.
  public func string(_ column: String) throws -> String {
    guard let value = try optionalString(column) else { throw mismatch(column, "text") }
    return value
  }

  /// A text column, `nil` for `NULL`.
  public func optionalString(_ column: String) throws -> String? {
    switch try value(column) {
    case .null: return nil
    case .text(let value): return value
    case .integer(let value): return String(value)
    case .real(let value): return String(value)
    case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// A non-null time stored as seconds since 1970.
  public func date(_ column: String) throws -> Date {
    Date(timeIntervalSince1970: try double(column))
  }

  /// A time stored as seconds since 1970, `nil` for `NULL`.
  public func optionalDate(_ column: String) throws -> Date? {
    try optionalDouble(column).map { Date(timeIntervalSince1970: $0) }
  }

  /// A Boolean stored as 0 or 1.
  public func bool(_ column: String) throws -> Bool { try int64(column) != 0 }

  /// A JSON text column decoded as `type`, `nil` for `NULL`.
  ///
  /// - Throws: ``StoreError/corruptValue(column:reason:)`` when the JSON does not decode.
  public func decoded<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
    guard let text = try optionalString(column) else { return nil }
    do {
      return try JSONDecoder().decode(type, from: Data(text.utf8))
    } catch {
      throw StoreError.corruptValue(column: column, reason: "\(error)")
    }
  }

  private func mismatch(_ column: String, _ expected: String) -> StoreError {
    let found: String
    switch (try? value(column)) ?? .null {
    case .null: found = "NULL"
    case .integer: found = "an integer"
    case .real: found = "a real"
    case .text: found = "text"
    case .blob: found = "a blob"
    }
    return StoreError.typeMismatch(column: column, expected: expected, found: found)
  }
}

extension SQLValue {
  /// The JSON encoding of `value` as text.
  public static func json<T: Encodable>(_ value: T) -> SQLValue {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return .null }
    return .text(String(decoding: data, as: UTF8.self))
  }
}
