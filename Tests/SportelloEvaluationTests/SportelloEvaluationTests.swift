import Testing

@testable import SportelloEvaluation

@Suite struct SportelloEvaluationPlaceholderTests {
  @Test func moduleLoads() {
    #expect(String(describing: SportelloEvaluationModule.self) == "SportelloEvaluationModule")
  }
}
