/// A finished batch test: every result with its summary, ready to render.
///
/// Render it with ``text(showingFailures:)``, ``json()`` or ``junit(suiteName:)``.
public struct EvaluationReport: Sendable {
  /// One result per recorded message, in corpus order.
  public var results: [EvaluatedMessage]

  /// The counts and rates.
  public var summary: EvaluationSummary

  /// The rule set's version, shown in reports.
  public var rulesVersion: String

  /// The comparison with a baseline, when one was given.
  public var comparison: BaselineComparison?

  /// Creates the report of `results`.
  public init(
    results: [EvaluatedMessage], rulesVersion: String, comparison: BaselineComparison? = nil
  ) {
    self.results = results
    self.summary = EvaluationSummary(results)
    self.rulesVersion = rulesVersion
    self.comparison = comparison
  }

  /// The per-intent table.
  public var intentTable: [IntentStatistics] { IntentStatistics.table(for: results) }

  /// The wrong answers grouped by (expected, got), most frequent first.
  public var confusions: [Confusion] { Confusion.list(for: results) }

  /// The wrong answers and missed messages, in corpus order.
  public var failures: [EvaluatedMessage] { results.filter(\.isFailure) }
}
