import Testing

@testable import SportelloHTTP

@Suite struct SportelloHTTPPlaceholderTests {
  @Test func moduleLoads() {
    #expect(String(describing: SportelloHTTPModule.self) == "SportelloHTTPModule")
  }
}
