import Foundation

/// When the Sportello is open: weekly hours, holidays and the time zone.
///
/// Read from profilo.txt (`orario_lunedi: 8:30-13:00`, `orario_martedi: 8:30-13:30,
/// 15:00-17:30`, `orario_domenica: chiuso`, `festivi: 2026-12-25, 2026-12-26`,
/// `fuso_orario: Europe/Rome`). Without them the Sportello Unico's published hours
/// apply: Monday, Wednesday, Friday and Saturday 8:30-13:00, Tuesday and Thursday
/// 8:30-13:30 and 15:00-17:30.
public struct OfficeHours: Sendable, Equatable {
  /// An opening interval within a day, in minutes after midnight (`start..<end`).
  public struct Interval: Sendable, Equatable {
    /// Minutes after midnight when the office opens.
    public var start: Int
    /// Minutes after midnight when it closes.
    public var end: Int

    /// Creates an interval.
    public init(start: Int, end: Int) {
      self.start = start
      self.end = end
    }
  }

  /// Intervals by weekday, index 0 = Monday ... 6 = Sunday.
  public var weekly: [[Interval]]

  /// Days on which the office is closed.
  public var holidays: Set<CalendarDay>

  /// The office's time zone.
  public var timeZone: TimeZone

  /// Italian weekday names, index 0 = Monday, as used in profile keys (without accents).
  public static let weekdayKeys = [
    "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato",
    "domenica",
  ]

  /// Italian weekday names as shown to citizens.
  static let weekdayNames = [
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
    "domenica",
  ]

  /// Creates office hours.
  public init(weekly: [[Interval]], holidays: Set<CalendarDay> = [], timeZone: TimeZone) {
    self.weekly = weekly.count == 7 ? weekly : Array(repeating: [], count: 7)
    self.holidays = holidays
    self.timeZone = timeZone
  }

  /// The Sportello Unico's published hours in Europe/Rome.
  public static var standard: OfficeHours {
    let morning = Interval(start: 8 * 60 + 30, end: 13 * 60)
    let long = [
      Interval(start: 8 * 60 + 30, end: 13 * 60 + 30), Interval(start: 15 * 60, end: 17 * 60 + 30),
    ]
    return OfficeHours(
      weekly: [[morning], long, [morning], long, [morning], [morning], []],
      timeZone: TimeZone(identifier: "Europe/Rome") ?? .current)
  }

  /// Parses one day's hours: `8:30-13:00`, `8:30-13:30, 15:00-17:30` or `chiuso`.
  ///
  /// - Returns: The intervals, or nil when the text is not in that form.
  public static func parseDay(_ text: String) -> [Interval]? {
    let trimmed = text.trimmed().lowercased()
    if trimmed == "chiuso" { return [] }
    var intervals: [Interval] = []
    for part in trimmed.split(separator: ",") {
      let ends = part.split(separator: "-").map { $0.trimmed() }
      guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end,
        start >= (intervals.last?.end ?? 0)
      else { return nil }
      intervals.append(Interval(start: start, end: end))
    }
    return intervals.isEmpty ? nil : intervals
  }

  private static func minutes(_ text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      .map { $0.replacingOccurrences(of: ".", with: "") }
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours),
      (0...59).contains(minutes), hours * 60 + minutes <= 24 * 60
    else { return nil }
    return hours * 60 + minutes
  }

  private var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  /// A moment as read on the office's wall clock.
  struct WallClock: Equatable {
    /// The day.
    var day: CalendarDay
    /// The weekday, 0 for Monday.
    var weekday: Int
    /// Minutes since midnight.
    var minute: Int
  }

  /// When the office next opens, as a wall-clock day and time.
  private struct Opening {
    /// How many days after the day asked about (0 for the same day).
    var daysAhead: Int
    /// The day and time it opens.
    var clock: WallClock
  }

  /// `date` on the office's wall clock: the time zone's offset at that moment, then the
  /// Gregorian calendar by arithmetic. Every handover acknowledgement reads the clock, and a
  /// `Calendar` call costs several times more.
  func wallClock(_ date: Date) -> WallClock {
    let local = Int(
      (date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
    var (days, seconds) = local.quotientAndRemainder(dividingBy: 86_400)
    if seconds < 0 {
      days -= 1
      seconds += 86_400
    }
    // 1970-01-01 was a Thursday, weekday 3 when Monday is 0.
    let weekday = ((days % 7) + 7 + 3) % 7
    return WallClock(day: CalendarDay(daysSince1970: days), weekday: weekday, minute: seconds / 60)
  }

  /// Whether the office is open at `date`.
  public func isOpen(at date: Date) -> Bool { isOpen(at: wallClock(date)) }

  /// Whether the office is open at the moment `now` reads on its wall clock.
  func isOpen(at now: WallClock) -> Bool {
    guard !holidays.contains(now.day) else { return false }
    return weekly[now.weekday].contains { $0.start <= now.minute && now.minute < $0.end }
  }

  /// The first opening strictly after `now` within a year, counted on the wall clock:
  /// the days that follow are worked out from the date alone, with no calendar calls.
  private func opening(after now: WallClock) -> Opening? {
    var clock = WallClock(day: now.day, weekday: now.weekday, minute: 0)
    for daysAhead in 0..<370 {
      if !holidays.contains(clock.day) {
        for interval in weekly[clock.weekday] where daysAhead > 0 || interval.start > now.minute {
          clock.minute = interval.start
          return Opening(daysAhead: daysAhead, clock: clock)
        }
      }
      clock.day = clock.day.following
      clock.weekday = (clock.weekday + 1) % 7
    }
    return nil
  }

  /// The next moment the office opens strictly after `date` (within a year), or nil.
  public func nextOpening(after date: Date) -> Date? {
    guard let opening = opening(after: wallClock(date)) else { return nil }
    let day = opening.clock.day
    return calendar.date(
      from: DateComponents(
        year: day.year, month: day.month, day: day.day, hour: opening.clock.minute / 60,
        minute: opening.clock.minute % 60))
  }

  /// The next opening in Italian, such as `lunedì alle 8:30`, `domani alle 8:30` or
  /// `oggi alle 15:00`; `lunedì 5 gennaio alle 8:30` when it is more than a week away.
  ///
  /// - Returns: The description, or `appena possibile` when the office never opens.
  public func describeNextOpening(after date: Date) -> String {
    describeNextOpening(after: wallClock(date))
  }

  /// ``describeNextOpening(after:)-(Date)`` for the moment `now` reads on the wall clock.
  func describeNextOpening(after now: WallClock) -> String {
    guard let opening = opening(after: now) else { return "appena possibile" }
    let minute = opening.clock.minute % 60
    let time = "\(opening.clock.minute / 60):" + (minute < 10 ? "0\(minute)" : "\(minute)")
    let days = opening.daysAhead
    let weekday = OfficeHours.weekdayNames[opening.clock.weekday]
    switch days {
    case 0: return "oggi alle \(time)"
    case 1: return "domani alle \(time)"
    case 2...6: return "\(weekday) alle \(time)"
    default:
      let months = [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre",
      ]
      let day = opening.clock.day
      return "\(weekday) \(day.day) "
        + "\(months[day.month - 1]) alle \(time)"
    }
  }
}
