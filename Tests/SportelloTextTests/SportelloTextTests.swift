import Testing

@testable import SportelloText

@Suite struct SportelloTextPlaceholderTests {
  @Test func moduleLoads() {
    #expect(String(describing: SportelloTextModule.self) == "SportelloTextModule")
  }
}
