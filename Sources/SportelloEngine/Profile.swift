import Foundation

/// The Comune's facts from profilo.txt, used as `{placeholders}` in answers.
///
/// Every `chiave: valore` line is a placeholder; a few keys are also read by
/// the engine: office hours (`orario_lunedi` ... `orario_domenica`), `festivi`,
/// `fuso_orario`, `informativa_versione` and `informativa_link`.
public struct Profile: Sendable, Equatable {
  /// Every value by key, with any `[da verificare]` marker removed.
  public var values: [String: String]

  /// The keys whose value is marked `[da verificare]`.
  public var unverifiedKeys: Set<String>

  /// When the Sportello is open.
  public var officeHours: OfficeHours

  /// The privacy notice's version (`informativa_versione`).
  public var privacyNoticeVersion: String? { values["informativa_versione"] }

  /// The privacy notice's link (`informativa_link`).
  public var privacyNoticeLink: String? { values["informativa_link"] }

  /// The marker of a value that nobody has verified yet.
  public static let unverifiedMarker = "[da verificare]"

  /// Creates a profile.
  public init(
    values: [String: String] = [:], unverifiedKeys: Set<String> = [],
    officeHours: OfficeHours = .standard
  ) {
    self.values = values
    self.unverifiedKeys = unverifiedKeys
    self.officeHours = officeHours
  }

  /// The value of `key`, or nil.
  public func value(_ key: String) -> String? { values[key] }

  /// Reads profilo.txt's text, reporting bad hours, dates, time zones and unverified values.
  static func parse(_ text: String, path: String) -> (Profile, [Diagnostic]) {
    let file = KeyValueFile.parse(text, path: path)
    var diagnostics = file.diagnostics
    var profile = Profile()
    func report(_ severity: Diagnostic.Severity, _ line: Int, _ column: Int, _ message: String) {
      diagnostics.append(
        Diagnostic(path: path, line: line, column: column, severity: severity, message: message))
    }
    var weekly = OfficeHours.standard.weekly
    var timeZone = OfficeHours.standard.timeZone
    var holidays: Set<CalendarDay> = []
    for entry in file.entries {
      var value = entry.value
      let start = entry.valueLines.first ?? (entry.line, entry.column)
      if let marker = value.range(of: Profile.unverifiedMarker, options: .backwards),
        value[marker.upperBound...].allSatisfy(\.isWhitespace)
      {
        let markerLines = value[..<marker.lowerBound].split(
          separator: "\n", omittingEmptySubsequences: false)
        let lastLine = entry.valueLines.last ?? start
        let column =
          (markerLines.count <= 1 ? start.column : lastLine.column)
          + (markerLines.last?.count ?? 0)
        report(
          .warning, markerLines.count <= 1 ? start.line : lastLine.line, column,
          "value of '\(entry.key)' is not verified: check it and remove '[da verificare]'")
        value = value[..<marker.lowerBound].trimmed()
        profile.unverifiedKeys.insert(entry.key)
      }
      profile.values[entry.key] = value
      if entry.key.hasPrefix("orario_"),
        let day = OfficeHours.weekdayKeys.firstIndex(of: String(entry.key.dropFirst(7)))
      {
        if let intervals = OfficeHours.parseDay(value) {
          weekly[day] = intervals
        } else {
          report(
            .error, start.line, start.column,
            "invalid hours '\(value)' for '\(entry.key)': expected e.g. '8:30-13:00', "
              + "'8:30-13:30, 15:00-17:30' or 'chiuso'")
        }
      } else if entry.key == "festivi" {
        var offset = 0
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
          let lead = part.prefix(while: { $0.isWhitespace }).count
          let text = part.trimmed()
          if !text.isEmpty {
            if let day = CalendarDay(parsing: text) {
              holidays.insert(day)
            } else {
              report(
                .error, start.line, start.column + offset + lead,
                "invalid date '\(text)' in 'festivi': expected YYYY-MM-DD")
            }
          }
          offset += part.count + 1
        }
      } else if entry.key == "fuso_orario" {
        if let zone = TimeZone(identifier: value) {
          timeZone = zone
        } else {
          report(.error, start.line, start.column, "unknown time zone '\(value)'")
        }
      }
    }
    profile.officeHours = OfficeHours(weekly: weekly, holidays: holidays, timeZone: timeZone)
    return (profile, diagnostics)
  }
}
