import Foundation

/// Every message's outcome from an earlier run, to compare a rule edit against.
///
/// Saved as JSON by `sportello test --save-baseline FILE`. Messages are matched by
/// their text (the n-th copy of a text with the n-th copy), so moving lines between
/// files or reordering them changes nothing. Both runs are judged against the current
/// corpus's expectations.
public struct Baseline: Sendable, Equatable, Codable {
  /// One recorded outcome.
  public struct Record: Sendable, Equatable, Codable {
    /// The message text.
    public var message: String
    /// What the desk did with it.
    public var outcome: MessageOutcome
  }

  /// The format marker, so a stray JSON file is not taken for a baseline.
  public var format = Baseline.formatName

  /// The rule set's version when the baseline was saved.
  public var rulesVersion: String

  /// The outcomes, in corpus order.
  public var records: [Record]

  static let formatName = "sportello-baseline-1"

  enum CodingKeys: String, CodingKey {
    case format
    case rulesVersion = "rules_version"
    case records = "results"
  }

  /// Creates the baseline of a run.
  public init(results: [EvaluatedMessage], rulesVersion: String) {
    self.rulesVersion = rulesVersion
    records = results.map { Record(message: $0.entry.message, outcome: $0.outcome) }
  }

  /// The baseline as pretty-printed, key-sorted JSON.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// Writes the baseline to `path`.
  ///
  /// - Throws: ``EvaluationError/unwritable(path:reason:)``.
  public func write(to path: String) throws {
    do {
      try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw EvaluationError.unwritable(path: path, reason: CorpusReader.reason(for: error))
    }
  }

  /// Reads a baseline written by ``write(to:)``.
  ///
  /// - Throws: ``EvaluationError/unreadable(path:reason:)`` or
  ///   ``EvaluationError/invalidBaseline(path:reason:)``.
  public static func read(from path: String) throws -> Baseline {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw EvaluationError.unreadable(path: path, reason: CorpusReader.reason(for: error))
    }
    let baseline: Baseline
    do {
      baseline = try JSONDecoder().decode(Baseline.self, from: data)
    } catch {
      throw EvaluationError.invalidBaseline(path: path, reason: "not a saved baseline")
    }
    guard baseline.format == formatName else {
      throw EvaluationError.invalidBaseline(
        path: path, reason: "unknown format '\(baseline.format)'")
    }
    return baseline
  }

  /// Compares the current results with this baseline.
  public func compare(with results: [EvaluatedMessage]) -> BaselineComparison {
    var earlier: [String: [MessageOutcome]] = [:]
    for record in records { earlier[record.message, default: []].append(record.outcome) }
    var seen: [String: Int] = [:]
    var comparison = BaselineComparison()
    for result in results {
      let occurrence = seen[result.entry.message, default: 0]
      seen[result.entry.message] = occurrence + 1
      guard let outcomes = earlier[result.entry.message], occurrence < outcomes.count else {
        comparison.unmatched += 1
        continue
      }
      let before = EvaluatedMessage(entry: result.entry, outcome: outcomes[occurrence])
      let change = BaselineComparison.Change(before: before.outcome, now: result)
      switch (before.isRight, result.isRight) {
      case (true, false): comparison.regressions.append(change)
      case (false, true): comparison.improvements.append(change)
      default: if before.outcome != result.outcome { comparison.otherChanges += 1 }
      }
    }
    return comparison
  }
}

/// What changed between a baseline and the current run.
public struct BaselineComparison: Sendable, Equatable {
  /// A message whose outcome changed.
  public struct Change: Sendable, Equatable {
    /// The baseline's outcome.
    public var before: MessageOutcome
    /// The current result.
    public var now: EvaluatedMessage
  }

  /// Messages right before and not right now; any makes the run fail.
  public var regressions: [Change] = []

  /// Messages not right before and right now.
  public var improvements: [Change] = []

  /// Messages whose outcome changed without becoming right or not right.
  public var otherChanges = 0

  /// Current messages with no counterpart in the baseline.
  public var unmatched = 0
}

extension EvaluatedMessage {
  /// Whether the outcome is what the corpus wants: an expected answer, or no answer
  /// to a `-` message.
  public var isRight: Bool { verdict == .correct || verdict == .withheld }
}
