import Foundation

/// One `sportello test` run: read the corpus, decide every message, compare with the
/// thresholds and the baseline.
///
/// The engine is passed in as a ``BatchEvaluator``, so this type holds the whole
/// logic of the command without depending on how messages are decided.
public struct BatchTest: Sendable {
  /// Files or directories of recorded questions.
  public var corpusPaths: [String]
  /// The least precision that passes, if any.
  public var minimumPrecision: Double?
  /// The least automation that passes, if any.
  public var minimumAutomation: Double?
  /// A baseline to compare with; any regression fails the run.
  public var baselinePath: String?
  /// Where to save this run's outcomes as a new baseline.
  public var saveBaselinePath: String?
  /// The intents of the rule set; expected intents outside it are warned about, since
  /// those messages can never be answered right. `nil` skips the check.
  public var knownIntents: Set<String>?

  /// Creates a run.
  public init(
    corpusPaths: [String], minimumPrecision: Double? = nil, minimumAutomation: Double? = nil,
    baselinePath: String? = nil, saveBaselinePath: String? = nil
  ) {
    self.corpusPaths = corpusPaths
    self.minimumPrecision = minimumPrecision
    self.minimumAutomation = minimumAutomation
    self.baselinePath = baselinePath
    self.saveBaselinePath = saveBaselinePath
  }

  /// What a run found.
  public struct Outcome: Sendable {
    /// The report to render.
    public var report: EvaluationReport
    /// Why the run fails, one line each (thresholds missed, regressions); empty when
    /// it passes.
    public var failures: [String]
    /// Corpus lines expecting an intent the rules don't have, as
    /// `path:line: warning: unknown intent 'x'`.
    public var warnings: [String] = []
    /// Whether the thresholds hold and nothing regressed.
    public var passed: Bool { failures.isEmpty }
  }

  /// Runs the test.
  ///
  /// - Parameters:
  ///   - evaluator: Decides the messages.
  ///   - rulesVersion: The rule set's version, recorded in reports and baselines.
  ///   - progress: Called with (messages done, total) now and then.
  /// - Throws: ``CorpusErrors`` for an unreadable or malformed corpus;
  ///   ``EvaluationError`` for an unreadable baseline or an unwritable new one.
  public func run(
    with evaluator: BatchEvaluator, rulesVersion: String,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> Outcome {
    let entries = try CorpusReader.read(paths: corpusPaths)
    let baseline = try baselinePath.map(Baseline.read(from:))
    let total = entries.count
    let results = evaluator.evaluate(entries) { done in progress?(done, total) }
    let comparison = baseline?.compare(with: results)
    let report = EvaluationReport(
      results: results, rulesVersion: rulesVersion, comparison: comparison)
    if let saveBaselinePath {
      try Baseline(results: results, rulesVersion: rulesVersion).write(to: saveBaselinePath)
    }
    var failures: [String] = []
    let summary = report.summary
    if let minimumPrecision, summary.precision < minimumPrecision {
      failures.append(
        "precision \(Self.format(summary.precision)) is below --min-precision "
          + Self.format(minimumPrecision))
    }
    if let minimumAutomation, summary.automation < minimumAutomation {
      failures.append(
        "automation \(Self.format(summary.automation)) is below --min-automation "
          + Self.format(minimumAutomation))
    }
    if let comparison, !comparison.regressions.isEmpty {
      let count = comparison.regressions.count
      failures.append("\(count) regression\(count == 1 ? "" : "s") against the baseline")
    }
    var warnings: [String] = []
    if let knownIntents {
      for entry in entries {
        for intent in entry.expected where !knownIntents.contains(intent) {
          warnings.append(
            "\(entry.file):\(entry.line): warning: unknown intent '\(intent)' (not in the rules)")
        }
      }
    }
    return Outcome(report: report, failures: failures, warnings: warnings)
  }

  static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
