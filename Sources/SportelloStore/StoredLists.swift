import Foundation

/// The lists kept as JSON text in a column, written and read through ``FlatJSON`` (with
/// `JSONDecoder` as the fallback for text it does not take).
enum StoredLists {
  /// A question's options, as `[{"id":...,"title":...}]`.
  static func options(_ options: [OutboundOption]) -> SQLValue {
    .text(
      FlatJSON.objects(options.map { [("id", .string($0.id)), ("title", .string($0.title))] }))
  }

  /// A ticket's candidates, as `[{"intent":...,"score":...,"title":...}]`.
  static func candidates(_ candidates: [TicketCandidate]) -> SQLValue {
    .text(
      FlatJSON.objects(
        candidates.map {
          [
            ("intent", .string($0.intent)), ("title", .string($0.title)),
            ("score", .number($0.score)),
          ]
        }))
  }

  /// A template's parameters, as `["...", ...]`.
  static func strings(_ strings: [String]) -> SQLValue {
    .text(FlatJSON.array(strings))
  }

  /// The options in `column`, `nil` for `NULL`.
  static func options(in row: Row, _ column: String) throws -> [OutboundOption]? {
    guard let text = try row.optionalString(column) else { return nil }
    if let objects = FlatJSON.objects(from: text) {
      let options = objects.compactMap { object -> OutboundOption? in
        guard case .string(let id) = object["id"], case .string(let title) = object["title"]
        else { return nil }
        return OutboundOption(id: id, title: title)
      }
      if options.count == objects.count { return options }
    }
    return try row.decoded([OutboundOption].self, column)
  }

  /// The candidates in `column`, `nil` for `NULL`.
  static func candidates(in row: Row, _ column: String) throws -> [TicketCandidate]? {
    guard let text = try row.optionalString(column) else { return nil }
    if let objects = FlatJSON.objects(from: text) {
      let candidates = objects.compactMap { object -> TicketCandidate? in
        guard case .string(let intent) = object["intent"],
          case .string(let title) = object["title"], case .number(let score) = object["score"]
        else { return nil }
        return TicketCandidate(intent: intent, title: title, score: score)
      }
      if candidates.count == objects.count { return candidates }
    }
    return try row.decoded([TicketCandidate].self, column)
  }

  /// The strings in `column`, `nil` for `NULL`.
  static func strings(in row: Row, _ column: String) throws -> [String]? {
    guard let text = try row.optionalString(column) else { return nil }
    return try FlatJSON.strings(from: text) ?? row.decoded([String].self, column)
  }
}
