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
      weekly: Array(repeating: [], count: 7), timeZone: TimeZone(identifier: "Europe/Rome") ?? .current)
    #expect(closed.nextOpening(after: Date()) == nil)
    #expect(closed.describeNextOpening(after: Date()) == "appena possibile")
  }

  @Test func openingMoreThanAWeekAwayNamesTheDate() throws {
    var hours = OfficeHours.standard
    for day in 7...19 {
      if let holiday = CalendarDay(year: 2026, month: 12, day: day) { hours.holidays.insert(holiday) }
    }
    let saturday = try rome("2026-12-05T14:00")
    #expect(hours.describeNextOpening(after: saturday) == "lunedì 21 dicembre alle 8:30")
  }
}
