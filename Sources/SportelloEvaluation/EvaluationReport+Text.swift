import Foundation

extension EvaluationReport {
  /// The report for people: the summary, the per-intent table, the most frequent
  /// confusions, the first `showingFailures` failures and, with a baseline, the
  /// regressions and improvements.
  ///
  ///     Tested 312 messages against rules version 3f2a9c1e.
  ///
  ///     total                      312
  ///     ...
  ///     c_at_1                   0.871
  public func text(showingFailures limit: Int = 10) -> String {
    var lines = ["Tested \(summary.total) messages against rules version \(rulesVersion).", ""]
    lines += summaryLines()
    lines += ["", "Per intent:"]
    lines.append(
      "  " + pad("intent", 32) + padLeft("support", 8) + padLeft("correct", 8)
        + padLeft("wrong", 7) + padLeft("missed", 7) + padLeft("precision", 10))
    for row in intentTable {
      lines.append(
        "  " + pad(row.intent, 32) + padLeft("\(row.support)", 8) + padLeft("\(row.correct)", 8)
          + padLeft("\(row.wrong)", 7) + padLeft("\(row.missed)", 7)
          + padLeft(rate(row.precision), 10))
    }
    let confusions = self.confusions
    lines += ["", "Confusions (expected → got):"]
    if confusions.isEmpty { lines.append("  none") }
    for confusion in confusions.prefix(10) {
      lines.append(
        "  " + padLeft("\(confusion.count)", 4) + "  \(confusion.expected) → \(confusion.got)")
    }
    let failures = self.failures
    if limit > 0 {
      lines += ["", "Failures (first \(min(limit, failures.count)) of \(failures.count)):"]
      if failures.isEmpty { lines.append("  none") }
      lines += failures.prefix(limit).map { "  " + describe($0) }
    }
    if let comparison {
      lines += ["", "Compared with the baseline:"]
      lines.append("  regressions   \(comparison.regressions.count)")
      lines.append("  improvements  \(comparison.improvements.count)")
      lines.append("  other changes \(comparison.otherChanges)")
      lines.append("  new messages  \(comparison.unmatched)")
      for change in comparison.regressions {
        lines.append("  REGRESSION " + describe(change.now) + " (was \(change.before.summary))")
      }
      for change in comparison.improvements {
        lines.append("  improved   " + describe(change.now) + " (was \(change.before.summary))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The summary's counts and rates, one `name value` line each, named as in JSON.
  func summaryLines() -> [String] {
    let counts: [(String, Int)] = [
      ("total", summary.total), ("answerable", summary.answerable),
      ("unanswerable", summary.unanswerable), ("answered", summary.answered),
      ("correct", summary.correct), ("wrong", summary.wrong), ("asked", summary.asked),
      ("asked_with_right_option", summary.askedWithRightOption),
      ("handed_over", summary.handedOver), ("missed", summary.missed),
    ]
    let rates: [(String, Double)] = [
      ("precision", summary.precision), ("automation", summary.automation),
      ("unanswerable_answered", summary.unanswerableAnswered), ("c_at_1", summary.cAt1),
    ]
    return counts.map { "  " + pad($0.0, 24) + padLeft("\($0.1)", 7) }
      + rates.map { "  " + pad($0.0, 24) + padLeft(rate($0.1), 7) }
  }

  /// `file:line: expected X, got Y (score S): "message"`.
  func describe(_ result: EvaluatedMessage) -> String {
    let expected = result.entry.isAnswerable ? result.entry.expected.joined(separator: "|") : "-"
    return "\(result.entry.file):\(result.entry.line): expected \(expected), got "
      + "\(result.outcome.summary) (score \(rate(result.outcome.score))): "
      + "\"\(result.entry.message)\""
  }

  private func rate(_ value: Double) -> String { String(format: "%.3f", value) }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
  }

  private func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
  }
}
