import Foundation
import Testing

@testable import SportelloEngine

/// The pattern hits and shared phrases of a message, listed only for the FAQs that have
/// them, must be what trying every pattern and every FAQ finds.
@Suite struct PatternHitsTests {
  static let matcher = Matcher(ruleSet: MatcherScoringTests.generatedRules(count: 300))

  static func query(_ message: String, _ matcher: Matcher = matcher) -> Query {
    Query(
      message: matcher.analyzer.analyze(message), tables: matcher.tables,
      unknownFactor: matcher.weights.unknown)
  }

  /// Per FAQ, what trying every pattern of the index finds.
  static func countsByTryingEveryPattern(
    _ query: Query, _ matcher: Matcher = matcher
  ) -> [PatternHits.Counts] {
    let index = matcher.index
    let words = Query.words(of: query.tokens)
    var counts = Array(repeating: PatternHits.Counts(), count: index.entries.count)
    for (faq, entry) in index.entries.enumerated() {
      func occurs(_ number: Int) -> Bool {
        let pattern = index.patterns[number]
        guard query.contains(pattern) else { return false }
        return pattern.words.map { Query.contains($0, in: words) } ?? true
      }
      counts[faq].keywordGroups = UInt16(
        entry.keywordGroups.filter { $0.contains(where: occurs) }.count)
      counts[faq].requiredGroups = UInt16(
        entry.requiredGroups.filter { $0.contains(where: occurs) }.count)
      counts[faq].firstExclusion = entry.exclusions.first(where: occurs).map { Int32($0) } ?? -1
    }
    return counts
  }

  @Test func hitsAreThoseOfTryingEveryPattern() {
    let messages = MatcherScoringTests.messages(for: Self.matcher.ruleSet, count: 120)
    var foundExclusion = false
    var foundKeyword = false
    for message in messages {
      let query = Self.query(message)
      let hits = PatternHits(query: query, tables: Self.matcher.tables)
      let expected = Self.countsByTryingEveryPattern(query)
      for faq in expected.indices {
        let counts = hits.counts(of: faq)
        #expect(counts.keywordGroups == expected[faq].keywordGroups, "\(message) \(faq)")
        #expect(counts.requiredGroups == expected[faq].requiredGroups, "\(message) \(faq)")
        #expect(counts.firstExclusion == expected[faq].firstExclusion, "\(message) \(faq)")
        foundExclusion = foundExclusion || counts.firstExclusion >= 0
      }
      let withKeywords = expected.indices.filter { expected[$0].keywordGroups > 0 }
      #expect(hits.faqsWithKeywords == withKeywords, "\(message)")
      foundKeyword = foundKeyword || !withKeywords.isEmpty
    }
    #expect(foundExclusion && foundKeyword)
  }

  /// The shipped rules repeat the same exclusions in many FAQs, which are tested once per
  /// message as one form: each FAQ must still get them.
  @Test func sharedFormsCountForEveryFAQOfTheShippedRules() throws {
    let matcher = Matcher(ruleSet: try #require(ShippedRulesTests.result.ruleSet))
    #expect(matcher.tables.patterns.formMembers.termCount < matcher.index.patterns.count)
    var excludedFAQs = 0
    for item in try ShippedRulesTests.corpus() {
      let query = Self.query(item.message, matcher)
      let hits = PatternHits(query: query, tables: matcher.tables)
      let expected = Self.countsByTryingEveryPattern(query, matcher)
      for faq in expected.indices {
        let counts = hits.counts(of: faq)
        #expect(counts.keywordGroups == expected[faq].keywordGroups, "\(item.location) \(faq)")
        #expect(counts.requiredGroups == expected[faq].requiredGroups, "\(item.location) \(faq)")
        #expect(counts.firstExclusion == expected[faq].firstExclusion, "\(item.location) \(faq)")
        if counts.firstExclusion >= 0 { excludedFAQs += 1 }
      }
    }
    #expect(excludedFAQs > 100, "messages with an exclusion shared by several FAQs")
  }

  @Test func sharedPhrasesAreCountedAsEveryFAQWouldCountThem() {
    let index = Self.matcher.index
    var foundPhrase = false
    for message in MatcherScoringTests.messages(for: Self.matcher.ruleSet, count: 120) {
      let query = Self.query(message)
      let shared = Self.matcher.tables.sharedPhraseCounts(query)
      var expected: [(faq: Int, count: UInt8)] = []
      for (faq, entry) in index.entries.enumerated() {
        let count = query.bigrams.filter { bigram in
          entry.examples.contains { index.examples[$0].bigrams.contains(bigram) }
        }.count
        if count > 0 { expected.append((faq, UInt8(count))) }
      }
      #expect(shared.faqs == expected.map(\.faq), "\(message)")
      #expect(shared.counts == expected.map(\.count), "\(message)")
      foundPhrase = foundPhrase || !expected.isEmpty
    }
    #expect(foundPhrase)
  }
}
