import Foundation
import Testing

@testable import SportelloEngine

@Suite struct MessageTermCodesTests {
  @Test func matchingAnFAQFindsWhatSearchingEachTermFinds() {
    let matcher = Matcher(ruleSet: MatcherScoringTests.generatedRules(count: 200))
    let terms = matcher.tables.faqTerms
    var codes = MessageTermCodes(termCount: matcher.index.terms.names.count)
    for message in MatcherScoringTests.messages(for: matcher.ruleSet, count: 40) {
      let query = Query(
        message: matcher.analyzer.analyze(message), tables: matcher.tables,
        unknownFactor: matcher.weights.unknown)
      codes.code(query)
      #expect(codes.isCoded == !(query.contentTerms + query.stopTerms).isEmpty)
      for faq in stride(from: 0, to: 200, by: 7) {
        codes.match(faq, in: terms)
        let ordered = query.contentTerms + query.stopTerms
        for (offset, term) in ordered.enumerated() {
          let expected = terms.position(of: term, in: faq).map(Int32.init) ?? -1
          #expect(codes.found[offset + 1] == expected, "\(message) FAQ \(faq)")
        }
      }
      codes.clear(query)
      #expect(!codes.isCoded)
      #expect(codes.codes.allSatisfy { $0 == 0 })
    }
  }

  /// A message of 300 different words of the generated rules.
  static let longMessage = (0..<300).map { "tema\($0 % 60) argomento\($0)x\($0 % 4)" }
    .joined(separator: " ")

  @Test func aMessageWithTooManyTermsIsNotCoded() throws {
    let matcher = Matcher(ruleSet: MatcherScoringTests.generatedRules(count: 300))
    let query = Query(
      message: matcher.analyzer.analyze(Self.longMessage), tables: matcher.tables,
      unknownFactor: matcher.weights.unknown)
    try #require(query.contentTerms.count + query.stopTerms.count > MessageTermCodes.mostCodes)
    var codes = MessageTermCodes(termCount: matcher.index.terms.names.count)
    codes.code(query)
    #expect(!codes.isCoded)
    #expect(codes.codes.allSatisfy { $0 == 0 })
  }

  /// A message with more terms than codes is scored by searching each term, to the same
  /// scores as every example weighed at once.
  @Test func aLongMessageScoresAsEveryExampleAtOnce() {
    let ruleSet = MatcherScoringTests.generatedRules(count: 300)
    var byFAQ = Matcher(ruleSet: ruleSet)
    byFAQ.exampleWeighing = .faqByFAQ
    var atOnce = byFAQ
    atOnce.exampleWeighing = .everyExampleAtOnce
    let query = Query(
      message: byFAQ.analyzer.analyze(Self.longMessage), tables: byFAQ.tables,
      unknownFactor: byFAQ.weights.unknown)
    #expect(query.contentTerms.count + query.stopTerms.count > MessageTermCodes.mostCodes)
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    #expect(!byFAQ.score(query, now: now).ranked.isEmpty)
    #expect(
      MatcherScoringTests.exactScores(byFAQ.score(query, now: now))
        == MatcherScoringTests.exactScores(atOnce.score(query, now: now)))
  }
}
