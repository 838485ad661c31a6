import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct EvaluationSummaryTests {
  @Test func countsOfTheHandComputedRun() {
    let summary = EvaluationSummary(SampleResults.results)
    #expect(summary.total == 10)
    #expect(summary.answerable == 7)
    #expect(summary.unanswerable == 3)
    #expect(summary.answered == 5)
    #expect(summary.correct == 3)
    #expect(summary.wrong == 2)
    #expect(summary.asked == 3)
    #expect(summary.askedWithRightOption == 1)
    #expect(summary.handedOver == 2)
    #expect(summary.missed == 3)
  }

  @Test func ratesOfTheHandComputedRun() {
    let summary = EvaluationSummary(SampleResults.results)
    #expect(summary.precision == 0.6)
    #expect(abs(summary.automation - 3.0 / 7.0) < 1e-12)
    #expect(abs(summary.unanswerableAnswered - 1.0 / 3.0) < 1e-12)
    // (3 + 5 × 3 / 10) / 10: five messages asked or handed over, three right of ten.
    #expect(abs(summary.cAt1 - 0.45) < 1e-12)
  }

  /// The operatore FAQ's answer is the handover a `-` message needs, and an answer to a
  /// message that asked for a person.
  @Test func operatorAnswersHandOverOutOfScopeMessages() throws {
    let toPerson = MessageOutcome(kind: .answer, intent: "operatore", score: 0.8, handsOver: true)
    let results = [
      EvaluatedMessage(entry: SampleResults.entry(1, []), outcome: toPerson),
      EvaluatedMessage(entry: SampleResults.entry(2, ["operatore"]), outcome: toPerson),
      EvaluatedMessage(entry: SampleResults.entry(3, []), outcome: SampleResults.answer("a")),
    ]
    #expect(results.map(\.verdict) == [.withheld, .correct, .wrong])
    let summary = EvaluationSummary(results)
    #expect(summary.answered == 2)
    #expect(summary.handedOver == 1)
    #expect(summary.unanswerableAnsweredCount == 1)
    #expect(summary.precision == 0.5)
    let rows = IntentStatistics.table(for: results)
    #expect(rows.first { $0.intent == "-" }.map { [$0.correct, $0.wrong] } == [1, 1])
    #expect(rows.first { $0.intent == "operatore" }.map { [$0.correct, $0.wrong] } == [1, 0])

    // A baseline saved before `handsOver` existed still reads.
    let old = #"{"kind":"answer","intent":"a","options":[],"candidates":[],"score":0.9}"#
    let decoded = try JSONDecoder().decode(MessageOutcome.self, from: Data(old.utf8))
    #expect(decoded == SampleResults.answer("a").withoutCandidates)
  }

  @Test func emptyRunHasZeroRates() {
    let summary = EvaluationSummary([EvaluatedMessage]())
    #expect(summary.precision == 0)
    #expect(summary.automation == 0)
    #expect(summary.unanswerableAnswered == 0)
    #expect(summary.cAt1 == 0)
  }

  @Test func jsonUsesTheIssueNames() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(
      decoding: try encoder.encode(EvaluationSummary(SampleResults.results)), as: UTF8.self)
    #expect(
      json == """
        {"answerable":7,"answered":5,"asked":3,"asked_with_right_option":1,"automation":0.4286,\
        "c_at_1":0.45,"correct":3,"handed_over":2,"missed":3,"precision":0.6,"total":10,\
        "unanswerable":3,"unanswerable_answered":0.3333,"wrong":2}
        """)
  }

  @Test func decodingRecomputesTheRates() throws {
    let summary = EvaluationSummary(SampleResults.results)
    let decoded = try JSONDecoder().decode(
      EvaluationSummary.self, from: JSONEncoder().encode(summary))
    #expect(decoded == summary)
  }
}
