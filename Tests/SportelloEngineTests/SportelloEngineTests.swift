import Testing

@testable import SportelloEngine

@Suite struct SportelloEnginePlaceholderTests {
  @Test func moduleLoads() {
    #expect(String(describing: SportelloEngineModule.self) == "SportelloEngineModule")
  }
}
