import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct BaselineTests {
  @Test func regressionsAndImprovementsAreFound() {
    let baseline = Baseline(results: SampleResults.results, rulesVersion: "v1")
    var now = SampleResults.results
    // Line 1 was right and is now handed over; line 6 was missed and is now right;
    // line 9 (withheld) is now answered; line 5 changes from one miss to another.
    now[0].outcome = SampleResults.handover
    now[5].outcome = SampleResults.answer("c")
    now[8].outcome = SampleResults.answer("b")
    now[4].outcome = SampleResults.handover
    let comparison = baseline.compare(with: now)
    #expect(comparison.regressions.map(\.now.entry.line) == [1, 9])
    #expect(comparison.regressions.first?.before == SampleResults.answer("a"))
    #expect(comparison.improvements.map(\.now.entry.line) == [6])
    #expect(comparison.otherChanges == 1)
    #expect(comparison.unmatched == 0)
  }

  @Test func messagesAreMatchedByTextNotLine() {
    let baseline = Baseline(results: SampleResults.results, rulesVersion: "v1")
    var moved = Array(SampleResults.results.reversed())
    for index in moved.indices { moved[index].entry.line = index + 100 }
    moved.append(
      EvaluatedMessage(entry: SampleResults.entry(11, ["a"]), outcome: SampleResults.handover))
    let comparison = baseline.compare(with: moved)
    #expect(comparison.regressions.isEmpty)
    #expect(comparison.improvements.isEmpty)
    #expect(comparison.unmatched == 1)
  }

  @Test func savedBaselineReadsBack() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/baseline.json"
    let baseline = Baseline(results: SampleResults.results, rulesVersion: "v1")
    try baseline.write(to: path)
    #expect(try Baseline.read(from: path) == baseline)
  }

  @Test func strayJSONIsNotABaseline() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "x.json", "{\"format\": \"other\", \"rules_version\": \"\", \"results\": []}")
    #expect(throws: EvaluationError.invalidBaseline(path: path, reason: "unknown format 'other'")) {
      try Baseline.read(from: path)
    }
    let garbage = try directory.write("y.json", "[1, 2]")
    #expect(throws: EvaluationError.invalidBaseline(path: garbage, reason: "not a saved baseline"))
    {
      try Baseline.read(from: garbage)
    }
  }
}
