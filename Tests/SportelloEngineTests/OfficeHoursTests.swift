import Foundation
import Testing

@testable import SportelloEngine

@Suite struct OfficeHoursTests {
  /// A moment in Europe/Rome, such as `2026-12-07T08:00` (a Monday).
  private func rome(_ text: String) throws -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Europe/Rome")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
    return try #require(formatter.date(from: text))
  }

  @Test(arguments: [
    ("8:30-13:00", [OfficeHours.Interval(start: 510, end: 780)]),
    ("8:30-13:30, 15:00-17:30", [.init(start: 510, end: 810), .init(start: 900, end: 1050)]),
    ("chiuso", []),
  ])
  func dayHoursParse(text: String, intervals: [OfficeHours.Interval]) {
    #expect(OfficeHours.parseDay(text) == intervals)
  }

  @Test(arguments: ["8-13", "13:00-8:30", "8:30-13:00, 12:00-14:00", "", "aperto", "25:00-26:00"])
  func malformedDayHoursAreRejected(text: String) {
    #expect(OfficeHours.parseDay(text) == nil)
  }

  @Test func standardHoursAreOpenOnTuesdayAfternoonButNotMondayAfternoon() throws {
    let hours = OfficeHours.standard
    #expect(hours.isOpen(at: try rome("2026-12-08T15:30")))
    #expect(!hours.isOpen(at: try rome("2026-12-07T15:30")))
    #expect(hours.isOpen(at: try rome("2026-12-07T08:30")))
    #expect(!hours.isOpen(at: try rome("2026-12-07T13:00")))
  }

  @Test func nextOpeningIsDescribedInItalian() throws {
    let hours = OfficeHours.standard
    #expect(hours.describeNextOpening(after: try rome("2026-12-06T11:00")) == "domani alle 8:30")
    #expect(hours.describeNextOpening(after: try rome("2026-12-05T14:00")) == "lunedì alle 8:30")
    #expect(hours.describeNextOpening(after: try rome("2026-12-08T14:00")) == "oggi alle 15:00")
    #expect(hours.describeNextOpening(after: try rome("2026-12-07T07:00")) == "oggi alle 8:30")
  }

  @Test func holidaysAreSkipped() throws {
    var hours = OfficeHours.standard
    hours.holidays = [try #require(CalendarDay(year: 2026, month: 12, day: 7))]
    #expect(!hours.isOpen(at: try rome("2026-12-07T09:00")))
    #expect(hours.describeNextOpening(after: try rome("2026-12-05T14:00")) == "martedì alle 8:30")
    let saturday = try rome("2026-12-05T14:00")
    let tuesday = try rome("2026-12-08T08:30")
    #expect(hours.nextOpening(after: saturday) == tuesday)
  }

  @Test func officeThatNeverOpensSaysAsSoonAsPossible() {
    let closed = OfficeHours(
      weekly: Array(repeating: [], count: 7),
      timeZone: TimeZone(identifier: "Europe/Rome") ?? .current)
    #expect(closed.nextOpening(after: Date()) == nil)
    #expect(closed.describeNextOpening(after: Date()) == "appena possibile")
  }

  @Test func openingMoreThanAWeekAwayNamesTheDate() throws {
    var hours = OfficeHours.standard
    for day in 7...19 {
      if let holiday = CalendarDay(year: 2026, month: 12, day: day) {
        hours.holidays.insert(holiday)
      }
    }
    let saturday = try rome("2026-12-05T14:00")
    #expect(hours.describeNextOpening(after: saturday) == "lunedì 21 dicembre alle 8:30")
  }

  @Test func followingDayRollsOverMonthsYearsAndLeapDays() throws {
    let days = [(2026, 1, 31), (2026, 2, 28), (2028, 2, 28), (2028, 2, 29), (2026, 12, 31)]
    let expected = ["2026-02-01", "2026-03-01", "2028-02-29", "2028-03-01", "2027-01-01"]
    for ((year, month, day), next) in zip(days, expected) {
      #expect(
        try #require(CalendarDay(year: year, month: month, day: day)).following.description
          == next)
    }
  }

  /// The next opening worked out the slow way, one calendar day at a time.
  private func referenceOpening(_ hours: OfficeHours, after date: Date) -> Date? {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = hours.timeZone
    let today = calendar.startOfDay(for: date)
    for offset in 0..<370 {
      guard let dayStart = calendar.date(byAdding: .day, value: offset, to: today) else { break }
      guard !hours.holidays.contains(CalendarDay(date: dayStart, timeZone: hours.timeZone)) else {
        continue
      }
      let weekday = (calendar.component(.weekday, from: dayStart) + 5) % 7
      for interval in hours.weekly[weekday] {
        var parts = calendar.dateComponents([.year, .month, .day], from: dayStart)
        parts.hour = interval.start / 60
        parts.minute = interval.start % 60
        if let opening = calendar.date(from: parts), opening > date { return opening }
      }
    }
    return nil
  }

  @Test func nextOpeningAgreesWithTheCalendarThroughTwoYearsOfDaylightSaving() throws {
    var hours = OfficeHours.standard
    hours.holidays = [
      try #require(CalendarDay(year: 2026, month: 12, day: 25)),
      try #require(CalendarDay(year: 2027, month: 3, day: 29)),
    ]
    var moment = try rome("2026-01-01T00:07")
    let end = try rome("2027-12-31T23:00")
    while moment < end {
      #expect(hours.nextOpening(after: moment) == referenceOpening(hours, after: moment))
      moment.addTimeInterval(13 * 3600 + 17 * 60)
    }
    #expect(
      hours.nextOpening(after: try rome("2026-12-08T08:30")) == (try rome("2026-12-08T15:00")))
    #expect(
      hours.nextOpening(after: try rome("2026-12-08T08:29")) == (try rome("2026-12-08T08:30")))
  }

  /// The wall clock worked out by arithmetic agrees with Foundation's calendar, across both
  /// daylight-saving changes and leap days.
  @Test func wallClockAgreesWithTheCalendar() throws {
    let rome = try #require(TimeZone(identifier: "Europe/Rome"))
    let hours = OfficeHours(weekly: Array(repeating: [], count: 7), timeZone: rome)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = rome
    var generator = SystemRandomNumberGenerator()
    var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1)]
    // 2024-02-29, and the nights of 2026-03-29 and 2026-10-25 (clocks change at 2:00/3:00).
    for start in [1_709_164_800.0, 1_774_746_000, 1_792_890_000] {
      dates += (0..<48).map { Date(timeIntervalSince1970: start + Double($0) * 1_799) }
    }
    dates += (0..<2_000).map { _ in
      let seconds = Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)
      return Date(timeIntervalSince1970: Double(seconds))
    }
    for date in dates {
      let parts = calendar.dateComponents(
        [.year, .month, .day, .weekday, .hour, .minute], from: date)
      let expected = OfficeHours.WallClock(
        day: try #require(CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)),
        weekday: (parts.weekday! + 5) % 7, minute: parts.hour! * 60 + parts.minute!)
      #expect(hours.wallClock(date) == expected, "\(date)")
    }
  }
}
