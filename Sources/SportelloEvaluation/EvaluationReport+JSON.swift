import Foundation

extension EvaluationReport {
  /// The report as one JSON object: `{"summary": {...}, "results": [...]}`.
  ///
  /// Each result has `file`, `line`, `message`, `expected` (an empty array for `-`),
  /// `outcome` (`answer`, `ask` or `handover`), `intent` (null unless answered),
  /// `options` (the intents offered when asked), `candidates` (`intent`, `score`),
  /// `score` and `verdict` (`correct`, `wrong`, `missed` or `withheld`). With a baseline,
  /// `regressions` and `improvements` list the changed messages. Keys are sorted.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let document = Document(
      summary: summary,
      results: results.map(ResultRecord.init),
      regressions: comparison.map { $0.regressions.map { ResultRecord($0.now) } },
      improvements: comparison.map { $0.improvements.map { ResultRecord($0.now) } }
    )
    return String(decoding: try encoder.encode(document), as: UTF8.self)
  }

  private struct Document: Encodable {
    var summary: EvaluationSummary
    var results: [ResultRecord]
    var regressions: [ResultRecord]?
    var improvements: [ResultRecord]?
  }

  private struct ResultRecord: Encodable {
    var result: EvaluatedMessage

    init(_ result: EvaluatedMessage) { self.result = result }

    enum CodingKeys: String, CodingKey {
      case file, line, message, expected, outcome, intent, options, candidates, score, verdict
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      let outcome = result.outcome
      try container.encode(result.entry.file, forKey: .file)
      try container.encode(result.entry.line, forKey: .line)
      try container.encode(result.entry.message, forKey: .message)
      try container.encode(result.entry.expected, forKey: .expected)
      try container.encode(outcome.kind.rawValue, forKey: .outcome)
      try container.encode(outcome.intent, forKey: .intent)
      try container.encode(outcome.options, forKey: .options)
      try container.encode(
        outcome.candidates.map { ScoredIntent(intent: $0.intent, score: rounded($0.score)) },
        forKey: .candidates)
      try container.encode(rounded(outcome.score), forKey: .score)
      try container.encode(result.verdict.rawValue, forKey: .verdict)
    }

    private func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
  }
}
