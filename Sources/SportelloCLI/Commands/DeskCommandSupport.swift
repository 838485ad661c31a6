import Foundation
import SportelloDesk
import SportelloEngine
import SportelloLogging
import SportelloStore

/// What the desk's commands share: the `--db` option, the clock, and error reporting.
enum DeskCommandSupport {
  /// The `--db` option of every desk command.
  static let databaseOption = OptionSpec.option(
    "db", value: "PATH",
    help: "The database (default: $SPORTELLO_DB, else .sportello/sportello.db).")

  /// The `--rules` option of the commands that decide or teach.
  static let rulesOption = OptionSpec.option(
    "rules", value: "DIR", help: "The rules directory (default: Rules).")

  /// The conversation service on the store named by `--db` with the rules of `--rules`.
  static func conversationService(
    _ arguments: ParsedArguments, io: CommandIO
  ) throws -> ConversationService {
    let ruleSet = try RulesDirectory.load(arguments.value("rules") ?? "Rules", io: io)
    let store = try openStore(arguments)
    return ConversationService(
      store: store, responder: Responder(matcher: Matcher(ruleSet: ruleSet)))
  }

  /// The `--json` flag.
  static let jsonFlag = OptionSpec.flag("json", help: "Print JSON instead of a table.")

  /// The time zone the desk shows times in (the Comune's).
  static let timeZone = TimeZone(identifier: "Europe/Rome") ?? .gmt

  /// Opens the store named by `--db` or the environment, creating it when missing.
  static func openStore(_ arguments: ParsedArguments) throws -> SQLiteDeskStore {
    try failingClearly {
      try SQLiteDeskStore(path: DatabaseLocation.resolve(option: arguments.value("db")))
    }
  }

  /// The current time, or `SPORTELLO_NOW` (ISO 8601) when set, so runs can be replayed.
  static func now() throws -> Date {
    guard let text = ProcessInfo.processInfo.environment["SPORTELLO_NOW"], !text.isEmpty else {
      return Date()
    }
    guard let date = try? Date(text, strategy: .iso8601) else {
      throw CommandFailure(
        "invalid SPORTELLO_NOW '\(text)': expected ISO 8601 such as 2026-12-03T09:00:00Z")
    }
    return date
  }

  /// Runs `body`, turning desk and store errors into failures with exit status 1.
  static func failingClearly<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DeskError {
      throw CommandFailure(error.description)
    } catch let error as StoreError {
      throw CommandFailure(error.description)
    }
  }

  /// A ticket number from a positional argument.
  static func ticketID(_ text: String) throws -> Int64 {
    guard let id = Int64(text), id > 0 else {
      throw UsageError("invalid ticket id '\(text)': expected a positive integer")
    }
    return id
  }

  /// A citizen as staff see them: the masked number and the name.
  static func citizen(_ id: String, name: String?) -> String {
    let masked = Logger.maskedNumber(id)
    guard let name, !name.isEmpty else { return masked }
    return masked + " " + name
  }

  /// An age such as `45s`, `12m`, `3h` or `2d`.
  static func age(from start: Date, to now: Date) -> String {
    let seconds = max(0, Int(now.timeIntervalSince(start)))
    if seconds < 60 { return "\(seconds)s" }
    if seconds < 3600 { return "\(seconds / 60)m" }
    if seconds < 86_400 { return "\(seconds / 3600)h" }
    return "\(seconds / 86_400)d"
  }

  /// A local time such as `2026-12-03 09:30`.
  static func localTime(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0)
  }

  /// An ISO 8601 time in UTC, for JSON.
  static func isoTime(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
  }

  /// The first words of a text, on one line, at most `limit` characters.
  static func excerpt(_ text: String, limit: Int = 40) -> String {
    let line = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(
      separator: " ")
    return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
  }

  /// A table with left-aligned columns separated by two spaces; the last column is not padded.
  static func table(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for row in all {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return all.map { row in
      let line = row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
      return String(line.reversed().drop { $0 == " " }.reversed())
    }.joined(separator: "\n") + "\n"
  }

  /// JSON of `value`, pretty-printed with sorted keys and a final newline.
  static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(value), as: UTF8.self)
    // Foundation pretty-prints an empty array as "[\n\n]".
    return (text == "[\n\n]" ? "[]" : text) + "\n"
  }

  /// A duration such as `25m`, `1h 05m`, `40s`.
  static func duration(_ seconds: TimeInterval?) -> String {
    guard let seconds else { return "-" }
    let whole = Int(seconds.rounded())
    if whole < 60 { return "\(whole)s" }
    if whole < 3600 { return "\(whole / 60)m" }
    return String(format: "%dh %02dm", whole / 3600, (whole % 3600) / 60)
  }
}
