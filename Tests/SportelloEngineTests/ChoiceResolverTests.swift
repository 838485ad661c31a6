import Foundation
import Testing

@testable import SportelloEngine

@Suite struct ChoiceResolverTests {
  @Test(arguments: [
    (" passaporto ", " il passaporto per favore ", true),
    (" carta d identita ", " la carta d identita ", true),
    (" passaporto ", " passaport ", false),
    (" a ", " a ", true),
    ("", " uno ", false),
    (" lunga parte ", " corta ", false),
    (" identità ", " carta d identità ", true),
    (" identita\u{300} ", " carta d identità ", true),
    (" più ", " di più ", true),
  ])
  func containsFindsWhatFoundationFinds(part: String, text: String, expected: Bool) {
    #expect(ChoiceResolver.contains(part, in: text) == expected)
    #expect(ChoiceResolver.contains(part, in: text) == text.contains(part))
  }

  @Test func aMenuAnswerIsResolvedOnTheAnalysisOfTheMessage() throws {
    let matcher = try #require(FixtureRules.matcher)
    let resolver = ChoiceResolver(analyzer: matcher.analyzer, ruleSet: matcher.ruleSet)
    let pending = PendingChoice(
      options: ["anagrafe.carta_identita", "passaporto"], askedAt: FixtureRules.mondayMorning)
    for message in ["2", "il passaporto", "0", "7", "quanto costa la tari"] {
      #expect(
        resolver.resolve(analyzed: matcher.analyzer.analyze(message), pending)
          == resolver.resolve(message, pending), "\(message)")
    }
    #expect(resolver.resolve("2", pending) == .option("passaporto"))
  }
}
