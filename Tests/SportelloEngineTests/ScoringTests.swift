import Foundation
import Testing

@testable import SportelloEngine

/// The least shared weight worked out in closed form must never exceed the true minimum
/// (that would drop FAQs that could pass the cutoff), and should fall just short of it.
@Suite struct ScoringTests {
  static func scoring(_ matcher: Matcher, _ message: String) -> Scoring {
    let query = Query(
      message: matcher.analyzer.analyze(message), tables: matcher.tables,
      unknownFactor: matcher.weights.unknown)
    return Scoring(
      tables: matcher.tables, query: query, now: Date(timeIntervalSince1970: 1_796_288_400),
      skipping: nil, answerThreshold: 0.6, choiceThreshold: 0.3, margin: 0.05,
      updatesCutoff: true)
  }

  @Test func minimumSharedWeightFallsJustShortOfTheTrueMinimum() throws {
    let matchers = [
      Matcher(ruleSet: MatcherScoringTests.generatedRules(count: 300)),
      try #require(FixtureRules.matcher),
    ]
    var finiteCount = 0
    for matcher in matchers {
      let messages =
        MatcherScoringTests.messages(for: matcher.ruleSet, count: 40) + [
          "buongiorno", "passaporto carta d'identità", "orari dell'ufficio tributi",
        ]
      for message in messages {
        let scoring = Self.scoring(matcher, message)
        let norm = min(scoring.query.norm, scoring.query.regularNorm)
        guard norm > 0 else { continue }
        for step in 1...60 {
          let cutoff = Double(step) / 50
          let minimum = scoring.minimumSharedWeight(toPass: cutoff)
          guard minimum.isFinite else {
            #expect(scoring.reachableScore(sharing: norm) < cutoff, "\(message) \(cutoff)")
            continue
          }
          finiteCount += 1
          #expect(
            minimum == 0 || scoring.reachableScore(sharing: minimum) < cutoff,
            "\(message) \(cutoff)")
          let justAbove = min(norm, minimum + norm * 1e-6)
          #expect(scoring.reachableScore(sharing: justAbove) >= cutoff, "\(message) \(cutoff)")
          let bisected = scoring.bisectedMinimumSharedWeight(toPass: cutoff)
          #expect(abs(bisected - minimum) <= norm * 1e-6, "\(message) \(cutoff)")
        }
      }
    }
    #expect(finiteCount > 100)
  }
}
