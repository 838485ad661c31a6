@testable import SportelloEvaluation

/// A small hand-computed run used by the metrics, baseline and report tests.
///
/// | line | expected | outcome       | verdict  |
/// | ---- | -------- | ------------- | -------- |
/// | 1    | a        | answer a      | correct  |
/// | 2    | a        | answer b      | wrong    |
/// | 3    | b\|c     | answer c      | correct  |
/// | 4    | b        | ask a, b      | missed   |
/// | 5    | c        | ask a, b      | missed   |
/// | 6    | c        | handover      | missed   |
/// | 7    | -        | handover      | withheld |
/// | 8    | -        | answer a      | wrong    |
/// | 9    | -        | ask b, c      | withheld |
/// | 10   | a        | answer a      | correct  |
enum SampleResults {
  static func entry(_ line: Int, _ expected: [String]) -> CorpusEntry {
    CorpusEntry(file: "s.tsv", line: line, message: "messaggio \(line)", expected: expected)
  }

  static func answer(_ intent: String, score: Double = 0.9) -> MessageOutcome {
    MessageOutcome(
      kind: .answer, intent: intent, candidates: [ScoredIntent(intent: intent, score: score)],
      score: score)
  }

  static func ask(_ options: [String]) -> MessageOutcome {
    MessageOutcome(
      kind: .ask, options: options,
      candidates: options.map { ScoredIntent(intent: $0, score: 0.5) }, score: 0.5)
  }

  static let handover = MessageOutcome(kind: .handover, score: 0.1)

  static let results: [EvaluatedMessage] = [
    EvaluatedMessage(entry: entry(1, ["a"]), outcome: answer("a")),
    EvaluatedMessage(entry: entry(2, ["a"]), outcome: answer("b", score: 0.7)),
    EvaluatedMessage(entry: entry(3, ["b", "c"]), outcome: answer("c")),
    EvaluatedMessage(entry: entry(4, ["b"]), outcome: ask(["a", "b"])),
    EvaluatedMessage(entry: entry(5, ["c"]), outcome: ask(["a", "b"])),
    EvaluatedMessage(entry: entry(6, ["c"]), outcome: handover),
    EvaluatedMessage(entry: entry(7, []), outcome: handover),
    EvaluatedMessage(entry: entry(8, []), outcome: answer("a", score: 0.6)),
    EvaluatedMessage(entry: entry(9, []), outcome: ask(["b", "c"])),
    EvaluatedMessage(entry: entry(10, ["a"]), outcome: answer("a")),
  ]
}

extension MessageOutcome {
  /// The same outcome with no candidates, as a minimal saved baseline has.
  var withoutCandidates: MessageOutcome {
    var outcome = self
    outcome.candidates = []
    return outcome
  }
}
