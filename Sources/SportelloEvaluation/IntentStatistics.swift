/// One row of the per-intent table of a batch test.
///
/// A message counts in the row of every intent it expects; `-` messages have the row
/// `-`, where `correct` counts those rightly withheld.
public struct IntentStatistics: Sendable, Equatable {
  /// The intent id, or `-` for messages that must not be answered.
  public var intent: String
  /// Messages that expect this intent.
  public var support = 0
  /// Messages rightly answered with this intent (for `-`: rightly not answered).
  public var correct = 0
  /// Messages answered with this intent that did not expect it (for `-`: answered).
  public var wrong = 0
  /// Messages that expect this intent and were asked about or handed over.
  public var missed = 0

  /// Creates an empty row.
  public init(intent: String) { self.intent = intent }

  /// correct / (correct + wrong), the precision of this intent's answers; 0 when none.
  public var precision: Double {
    correct + wrong == 0 ? 0 : Double(correct) / Double(correct + wrong)
  }

  /// The table for `results`: rows sorted by intent id, with `-` first.
  public static func table(for results: [EvaluatedMessage]) -> [IntentStatistics] {
    var rows: [String: IntentStatistics] = [:]
    func update(_ intent: String, _ change: (inout IntentStatistics) -> Void) {
      change(&rows[intent, default: IntentStatistics(intent: intent)])
    }
    for result in results {
      let outcome = result.outcome
      if !result.entry.isAnswerable {
        update("-") { row in
          row.support += 1
          if result.isAnswered { row.wrong += 1 } else { row.correct += 1 }
        }
      }
      for intent in result.entry.expected {
        update(intent) { row in
          row.support += 1
          if outcome.kind != .answer { row.missed += 1 }
        }
      }
      if result.isAnswered, let intent = outcome.intent {
        let isRight = result.entry.expected.contains(intent)
        update(intent) { row in
          if isRight { row.correct += 1 } else { row.wrong += 1 }
        }
      }
    }
    return rows.values.sorted { $0.intent < $1.intent }
  }
}

/// A frequent mistake: messages expecting one thing and answered with another.
public struct Confusion: Sendable, Equatable {
  /// What was expected, as written in the corpus (`a|b`, or `-`).
  public var expected: String

  /// The intent answered instead.
  public var got: String

  /// How many messages made this mistake.
  public var count: Int

  /// Creates a confusion.
  public init(expected: String, got: String, count: Int) {
    self.expected = expected
    self.got = got
    self.count = count
  }

  /// The wrong answers of `results` grouped by (expected, got), most frequent first,
  /// ties by expected then got.
  public static func list(for results: [EvaluatedMessage]) -> [Confusion] {
    var counts: [String: Confusion] = [:]
    for result in results where result.verdict == .wrong {
      let expected = result.entry.isAnswerable ? result.entry.expected.joined(separator: "|") : "-"
      let got = result.outcome.intent ?? "?"
      counts["\(expected)\t\(got)", default: Confusion(expected: expected, got: got, count: 0)]
        .count += 1
    }
    return counts.values.sorted {
      ($1.count, $0.expected, $0.got) < ($0.count, $1.expected, $1.got)
    }
  }
}
