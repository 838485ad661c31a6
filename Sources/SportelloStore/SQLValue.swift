import Foundation

/// A value SQLite stores or returns: the five storage classes.
///
/// Parameters are always bound as values, never spliced into SQL text.
public enum SQLValue: Sendable, Equatable {
  /// SQL `NULL`.
  case null
  /// A 64-bit integer.
  case integer(Int64)
  /// A double-precision number.
  case real(Double)
  /// UTF-8 text.
  case text(String)
  /// Raw bytes.
  case blob([UInt8])
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByNilLiteral,
  ExpressibleByFloatLiteral
{
  /// A text value from a literal.
  public init(stringLiteral value: String) { self = .text(value) }

  /// An integer value from a literal.
  public init(integerLiteral value: Int64) { self = .integer(value) }

  /// `NULL` from `nil`.
  public init(nilLiteral: ()) { self = .null }

  /// A real value from a literal.
  public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLValue {
  /// Text, or `NULL` when `value` is `nil`.
  public static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }

  /// An integer, or `NULL` when `value` is `nil`.
  public static func integer(_ value: Int?) -> SQLValue {
    value.map { .integer(Int64($0)) } ?? .null
  }

  /// An integer, or `NULL` when `value` is `nil`.
  public static func integer(_ value: Int64?) -> SQLValue { value.map { .integer($0) } ?? .null }

  /// A real number, or `NULL` when `value` is `nil`.
  public static func real(_ value: Double?) -> SQLValue { value.map { .real($0) } ?? .null }

  /// A time as seconds since 1970 (a real), or `NULL` when `date` is `nil`.
  public static func date(_ date: Date?) -> SQLValue {
    date.map { .real($0.timeIntervalSince1970) } ?? .null
  }

  /// A Boolean as 0 or 1.
  public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
}
