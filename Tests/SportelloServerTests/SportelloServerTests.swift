import Testing

@testable import SportelloServer

@Suite struct SportelloServerPlaceholderTests {
  @Test func moduleLoads() {
    #expect(String(describing: SportelloServerModule.self) == "SportelloServerModule")
  }
}
