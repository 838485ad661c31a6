import Foundation

/// How long message texts are kept, written as days: `180d`.
public struct RetentionPeriod: Sendable, Equatable {
  /// The number of days.
  public var days: Int

  /// Creates a period of `days` days.
  public init(days: Int) { self.days = days }

  /// Parses `180d` (or `180`).
  ///
  /// - Throws: ``DeskError/invalidRetention(_:)`` for anything else, zero or negative.
  public init(parsing text: String) throws {
    let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
    guard let days = Int(digits), days > 0, days <= 36_500 else {
      throw DeskError.invalidRetention(text)
    }
    self.days = days
  }

  /// The moment `days` days before `now`: texts received before it are purged.
  public func cutoff(before now: Date) -> Date {
    now.addingTimeInterval(-Double(days) * 86_400)
  }
}
