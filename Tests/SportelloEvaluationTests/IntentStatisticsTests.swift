import Testing

@testable import SportelloEvaluation

@Suite struct IntentStatisticsTests {
  @Test func tableOfTheHandComputedRun() {
    let table = IntentStatistics.table(for: SampleResults.results)
    #expect(table.map(\.intent) == ["-", "a", "b", "c"])
    let rows = table.map { [$0.support, $0.correct, $0.wrong, $0.missed] }
    #expect(rows == [[3, 2, 1, 0], [3, 2, 1, 0], [2, 0, 1, 1], [3, 1, 0, 2]])
    #expect(table.map(\.precision) == [2.0 / 3.0, 2.0 / 3.0, 0, 1])
  }

  @Test func confusionsAreMostFrequentFirstThenByExpected() {
    var results = SampleResults.results
    results.append(
      EvaluatedMessage(entry: SampleResults.entry(11, ["c"]), outcome: SampleResults.answer("b")))
    results.append(
      EvaluatedMessage(entry: SampleResults.entry(12, ["c"]), outcome: SampleResults.answer("b")))
    let confusions = Confusion.list(for: results)
    #expect(
      confusions == [
        Confusion(expected: "c", got: "b", count: 2),
        Confusion(expected: "-", got: "a", count: 1),
        Confusion(expected: "a", got: "b", count: 1),
      ])
  }
}
