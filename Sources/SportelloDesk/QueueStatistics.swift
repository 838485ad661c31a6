import Foundation
import SportelloStore

/// The queue's figures for `sportello queue stats`.
///
/// The median is the mean of the two middle values for an even count; the 90th percentile
/// uses the nearest-rank method (the smallest value with at least 90% of values at or below
/// it). Days are calendar days in the Sportello's time zone.
public struct QueueStatistics: Sendable, Equatable, Codable {
  /// Tickets not closed, by status (`open`, `claimed`, `answered`).
  public var activeByStatus: [String: Int]
  /// Tickets not yet claimed nor answered.
  public var openTickets: Int
  /// Tickets with a first human reply.
  public var repliedTickets: Int
  /// The median time from opening to the first human reply, in seconds.
  public var medianFirstReply: TimeInterval?
  /// The 90th-percentile time from opening to the first human reply, in seconds.
  public var p90FirstReply: TimeInterval?
  /// Tickets per office, every status; `(none)` for tickets without one. Sorted by name.
  public var perOffice: [Count]
  /// Tickets opened per day (`YYYY-MM-DD`), oldest first.
  public var perDay: [Count]

  /// A labelled count.
  public struct Count: Sendable, Equatable, Codable {
    /// The office or day.
    public var label: String
    /// The number of tickets.
    public var tickets: Int

    /// Creates a count.
    public init(label: String, tickets: Int) {
      self.label = label
      self.tickets = tickets
    }
  }

  /// Computes the figures from every ticket's timing.
  ///
  /// - Parameters:
  ///   - timings: The tickets.
  ///   - timeZone: The zone whose calendar days count tickets per day.
  public init(timings: [TicketTiming], timeZone: TimeZone) {
    var active: [String: Int] = [:]
    var offices: [String: Int] = [:]
    var days: [String: Int] = [:]
    var delays: [TimeInterval] = []
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    for timing in timings {
      if timing.status.isActive { active[timing.status.rawValue, default: 0] += 1 }
      offices[timing.office ?? "(none)", default: 0] += 1
      let parts = calendar.dateComponents([.year, .month, .day], from: timing.openedAt)
      let day = String(
        format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
      days[day, default: 0] += 1
      if let reply = timing.firstReplyAt {
        // Rounded to milliseconds: stored times carry binary noise below that.
        let delay = (reply.timeIntervalSince(timing.openedAt) * 1000).rounded() / 1000
        delays.append(max(0, delay))
      }
    }
    delays.sort()
    activeByStatus = active
    openTickets = active[TicketStatus.open.rawValue] ?? 0
    repliedTickets = delays.count
    medianFirstReply = Self.median(delays)
    p90FirstReply = Self.nearestRank(delays, 0.9)
    perOffice = offices.keys.sorted().map { Count(label: $0, tickets: offices[$0] ?? 0) }
    perDay = days.keys.sorted().map { Count(label: $0, tickets: days[$0] ?? 0) }
  }

  /// The median of sorted values, `nil` when there are none.
  static func median(_ sorted: [TimeInterval]) -> TimeInterval? {
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The nearest-rank percentile of sorted values, `nil` when there are none.
  static func nearestRank(_ sorted: [TimeInterval], _ fraction: Double) -> TimeInterval? {
    guard !sorted.isEmpty else { return nil }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(sorted.count, max(1, rank)) - 1]
  }
}

extension StaffDesk {
  /// The queue's figures, with days counted in `timeZone`.
  public func statistics(timeZone: TimeZone) throws -> QueueStatistics {
    QueueStatistics(timings: try store.read { try $0.ticketTimings() }, timeZone: timeZone)
  }
}
