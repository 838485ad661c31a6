import Foundation

/// A small structured logger shaped like swift-log.
///
/// Every event is one line, `time level event key=value ...`, written by a
/// ``LogSink``. Libraries receive a logger from their caller and never create
/// one; they log at ``Level/debug`` or lower, and only the service logs events
/// at ``Level/info`` and above.
///
///     let logger = Logger(label: "server", level: .info, sink: StandardErrorSink())
///     logger.info("server.started", ["port": "8080"])
///     // 2026-12-03T19:30:11.042Z info server.started label=server port=8080
public struct Logger: Sendable {
  /// The severity of an event, from the most verbose to the most severe.
  public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case trace, debug, info, notice, warning, error, critical

    /// The level's name as written in log lines and accepted by `--log-level`.
    public var description: String {
      switch self {
      case .trace: "trace"
      case .debug: "debug"
      case .info: "info"
      case .notice: "notice"
      case .warning: "warning"
      case .error: "error"
      case .critical: "critical"
      }
    }

    /// Creates a level from its name, such as `debug`; `nil` for an unknown name.
    public init?(name: String) {
      guard let level = Level.allCases.first(where: { $0.description == name.lowercased() })
      else { return nil }
      self = level
    }

    /// Orders levels by severity.
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The name of the component that logs, written as `label=` on every line.
  public var label: String

  /// The least severe level that is written; events below it are dropped.
  public var level: Level

  /// Where the lines go.
  public var sink: any LogSink

  /// Creates a logger.
  ///
  /// - Parameters:
  ///   - label: The component's name, such as `server` or `outbox`.
  ///   - level: The least severe level written.
  ///   - sink: Where lines are written.
  public init(label: String, level: Level = .info, sink: any LogSink) {
    self.label = label
    self.level = level
    self.sink = sink
  }

  /// A logger that writes nothing, for callers that do not care.
  public static let disabled = Logger(label: "disabled", level: .critical, sink: DiscardingSink())

  /// Returns a copy of this logger with another label, sharing its level and sink.
  public func labeled(_ label: String) -> Logger {
    Logger(label: label, level: level, sink: sink)
  }

  /// Whether an event at `level` would be written.
  public func isEnabled(_ level: Level) -> Bool { level >= self.level }

  /// Logs an event.
  ///
  /// The metadata is written in key order so that lines are stable and easy to grep.
  ///
  /// - Parameters:
  ///   - level: The severity.
  ///   - event: A short dotted name, such as `webhook.received`.
  ///   - metadata: Values describing the event; never secrets, never message texts
  ///     above debug level.
  public func log(_ level: Level, _ event: String, _ metadata: [String: String] = [:]) {
    guard isEnabled(level) else { return }
    var line = "\(Logger.timestamp(Date())) \(level) \(event) label=\(label)"
    for key in metadata.keys.sorted() {
      line += " \(key)=\(Logger.quoted(metadata[key] ?? ""))"
    }
    sink.write(line)
  }

  /// Logs at trace level.
  public func trace(_ event: String, _ metadata: [String: String] = [:]) {
    log(.trace, event, metadata)
  }

  /// Logs at debug level.
  public func debug(_ event: String, _ metadata: [String: String] = [:]) {
    log(.debug, event, metadata)
  }

  /// Logs at info level.
  public func info(_ event: String, _ metadata: [String: String] = [:]) {
    log(.info, event, metadata)
  }

  /// Logs at notice level.
  public func notice(_ event: String, _ metadata: [String: String] = [:]) {
    log(.notice, event, metadata)
  }

  /// Logs at warning level.
  public func warning(_ event: String, _ metadata: [String: String] = [:]) {
    log(.warning, event, metadata)
  }

  /// Logs at error level.
  public func error(_ event: String, _ metadata: [String: String] = [:]) {
    log(.error, event, metadata)
  }

  /// Masks a citizen's number so that only its last three digits show, as `***361`.
  ///
  /// Logs and staff listings use it so that a number never appears whole.
  public static func maskedNumber(_ number: String) -> String {
    guard number.count > 3 else { return "***" }
    return "***" + number.suffix(3)
  }

  /// Quotes a value when it holds a space, a quote or an equals sign, so lines stay parseable.
  static func quoted(_ value: String) -> String {
    let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" }
    guard needsQuotes else { return value }
    let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
    return "\"\(escaped)\""
  }

  /// Formats a time as ISO 8601 in UTC with milliseconds.
  static func timestamp(_ date: Date) -> String {
    date.formatted(
      Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
        .time(includingFractionalSeconds: true)
    )
  }
}
