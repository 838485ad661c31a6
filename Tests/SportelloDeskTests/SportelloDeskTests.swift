import Testing

@testable import SportelloDesk

@Suite struct SportelloDeskPlaceholderTests {
  @Test func moduleLoads() {
    #expect(String(describing: SportelloDeskModule.self) == "SportelloDeskModule")
  }
}
