import Foundation
import Testing

@testable import SportelloEngine

@Suite struct FAQTermIndexTests {
  /// The generated rules of the scoring tests, with one FAQ given more examples than a
  /// mask has bits.
  static func rulesWithALongFAQ() -> RuleSet {
    var ruleSet = MatcherScoringTests.generatedRules(count: 120)
    let extra = (0..<70).map { "tema\($0 % 60) argomento3x\($0 % 4) numero\($0) il" }
    ruleSet.faqs[3].examples += extra
    return ruleSet
  }

  @Test func everyTermHasItsFAQCreditAndTheExamplesThatHaveIt() {
    let index = Matcher(ruleSet: Self.rulesWithALongFAQ()).tables.index
    let terms = FAQTermIndex(index)
    for (faq, entry) in index.entries.enumerated() {
      var expected: [Int32: (credit: Double, mask: UInt64)] = [:]
      for term in 0..<Int32(index.faqPostings.termCount) {
        for position in index.faqPostings.positions(of: term)
        where index.faqPostings[position].faq == Int32(faq) {
          expected[term, default: (0, 0)].credit = index.faqPostings[position].credit
        }
        for position in index.examplePostings.positions(of: term)
        where entry.examples.contains(Int(index.examplePostings[position])) {
          let offset = Int(index.examplePostings[position]) - entry.examples.lowerBound
          let bit: UInt64 = entry.examples.count <= FAQTermIndex.maskWidth ? 1 << offset : 0
          expected[term, default: (0, 0)].mask |= bit
        }
      }
      let positions = terms.positions(of: faq)
      let listed = positions.map { terms.terms[$0] }
      #expect(listed.sorted() == expected.keys.sorted(), "FAQ \(faq)")
      // The terms of its examples first, then the others, each part ascending.
      let exampleTerms = listed.filter { expected[$0]?.mask != 0 }
      #expect(listed == exampleTerms.sorted() + listed.filter { expected[$0]?.mask == 0 }.sorted())
      for position in positions {
        let term = terms.terms[position]
        #expect(terms.position(of: term, in: faq) == position)
        #expect(terms.credit(at: position) == expected[term]?.credit)
        #expect(terms.exampleMask(at: position, of: faq) == expected[term]?.mask)
      }
      #expect(terms.position(of: -1, in: faq) == nil)
      #expect(terms.position(of: .max, in: faq) == nil)
    }
  }

  /// An FAQ with more examples than a mask has bits is scored through the postings, to
  /// the same sums.
  @Test func anFAQWithManyExamplesScoresAsEveryExampleAtOnce() {
    let ruleSet = Self.rulesWithALongFAQ()
    var byFAQ = Matcher(ruleSet: ruleSet)
    byFAQ.exampleWeighing = .faqByFAQ
    var atOnce = byFAQ
    atOnce.exampleWeighing = .everyExampleAtOnce
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    let messages = ruleSet.faqs[3].examples + ["tema5 argomento3x1 numero9 il per"]
    var scoredTheLongFAQ = false
    for message in messages {
      let analysed = byFAQ.analyzer.analyze(message)
      let query = Query(
        message: analysed, tables: byFAQ.tables, unknownFactor: byFAQ.weights.unknown)
      let lhs = byFAQ.score(query, now: now)
      if lhs.ranked.contains(where: { $0.faq == 3 }) { scoredTheLongFAQ = true }
      #expect(
        MatcherScoringTests.exactScores(lhs)
          == MatcherScoringTests.exactScores(atOnce.score(query, now: now)), "\(message)")
    }
    #expect(scoredTheLongFAQ)
  }
}
