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
  public static let weekdayKeys = ["lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato",
    "domenica"]

  /// Italian weekday names as shown to citizens.
  static let weekdayNames = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
    "domenica"]

  /// Creates office hours.
  public init(weekly: [[Interval]], holidays: Set<CalendarDay> = [], timeZone: TimeZone) {
    self.weekly = weekly.count == 7 ? weekly : Array(repeating: [], count: 7)
    self.holidays = holidays
    self.timeZone = timeZone
  }

  /// The Sportello Unico's published hours in Europe/Rome.
  public static var standard: OfficeHours {
    let morning = Interval(start: 8 * 60 + 30, end: 13 * 60)
    let long = [Interval(start: 8 * 60 + 30, end: 13 * 60 + 30), Interval(start: 15 * 60, end: 17 * 60 + 30)]
    return OfficeHours(
      weekly: [[morning], long, [morning], long, [morning], [morning], []],
      timeZone: TimeZone(identifier: "Europe/Rome") ?? .current)
  }

  /// Parses one day's hours: `8:30-13:00`, `8:30-13:30, 15:00-17:30` or `chiuso`.
  ///
  /// - Returns: The intervals, or nil when the text is not in that form.
  public static func parseDay(_ text: String) -> [Interval]? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if trimmed == "chiuso" { return [] }
    var intervals: [Interval] = []
    for part in trimmed.split(separator: ",") {
      let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
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

  /// The weekday index (0 = Monday) of `date` in the office's time zone.
  private func weekdayIndex(_ date: Date) -> Int {
    (calendar.component(.weekday, from: date) + 5) % 7
  }

  /// Whether the office is open at `date`.
  public func isOpen(at date: Date) -> Bool {
    let day = CalendarDay(date: date, timeZone: timeZone)
    guard !holidays.contains(day) else { return false }
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    return weekly[weekdayIndex(date)].contains { $0.start <= minute && minute < $0.end }
  }

  /// The next moment the office opens strictly after `date` (within a year), or nil.
  public func nextOpening(after date: Date) -> Date? {
    let calendar = self.calendar
    let startOfToday = calendar.startOfDay(for: date)
    for offset in 0..<370 {
      guard let dayStart = calendar.date(byAdding: .day, value: offset, to: startOfToday) else {
        return nil
      }
      guard !holidays.contains(CalendarDay(date: dayStart, timeZone: timeZone)) else { continue }
      for interval in weekly[weekdayIndex(dayStart)] {
        var parts = calendar.dateComponents([.year, .month, .day], from: dayStart)
        parts.hour = interval.start / 60
        parts.minute = interval.start % 60
        if let opening = calendar.date(from: parts), opening > date { return opening }
      }
    }
    return nil
  }

  /// The next opening in Italian, such as `lunedì alle 8:30`, `domani alle 8:30` or
  /// `oggi alle 15:00`; `lunedì 5 gennaio alle 8:30` when it is more than a week away.
  ///
  /// - Returns: The description, or `appena possibile` when the office never opens.
  public func describeNextOpening(after date: Date) -> String {
    guard let opening = nextOpening(after: date) else { return "appena possibile" }
    let calendar = self.calendar
    let parts = calendar.dateComponents([.hour, .minute], from: opening)
    let minute = parts.minute ?? 0
    let time = "\(parts.hour ?? 0):" + (minute < 10 ? "0\(minute)" : "\(minute)")
    let days = calendar.dateComponents(
      [.day], from: calendar.startOfDay(for: date), to: calendar.startOfDay(for: opening)
    ).day ?? 0
    switch days {
    case 0: return "oggi alle \(time)"
    case 1: return "domani alle \(time)"
    case 2...6: return "\(OfficeHours.weekdayNames[weekdayIndex(opening)]) alle \(time)"
    default:
      let months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre"]
      let day = CalendarDay(date: opening, timeZone: timeZone)
      return "\(OfficeHours.weekdayNames[weekdayIndex(opening)]) \(day.day) "
        + "\(months[day.month - 1]) alle \(time)"
    }
  }
}
