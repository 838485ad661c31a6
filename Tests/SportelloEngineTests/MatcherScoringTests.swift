import Foundation
import Testing

@testable import SportelloEngine

/// The bounded scoring of `Matcher+Scoring.swift` must decide exactly as scoring every FAQ
/// in full would: same outcome, intent, options, candidates and scores.
@Suite struct MatcherScoringTests {
  /// A deterministic rule set of `count` FAQs with words shared in every proportion: a few
  /// in most FAQs (so that frequent terms are set aside), some in many, most in a few.
  static func generatedRules(count: Int) -> RuleSet {
    var random = SeededRandom(seed: 42)
    let common = ["come", "posso", "vorrei", "sapere", "serve", "quando", "dove", "costa"]
    let shared = (0..<60).map { "tema\($0)" }
    func topicWord(_ faq: Int, _ number: Int) -> String { "argomento\(faq)x\(number)" }
    var faqs: [FAQ] = []
    for faq in 0..<count {
      var examples: [String] = []
      for _ in 0..<6 {
        var words: [String] = []
        for _ in 0..<random.next(in: 3...9) {
          switch random.next(in: 0...9) {
          case 0...3: words.append(common[random.next(in: 0...common.count - 1)])
          case 4...5: words.append(shared[random.next(in: 0...shared.count - 1)])
          case 6: words.append(["il", "la", "di", "per", "con"][random.next(in: 0...4)])
          default: words.append(topicWord(faq, random.next(in: 0...3)))
          }
        }
        examples.append(words.joined(separator: " "))
      }
      let action: IntentAction = faq % 97 == 0 ? .smallTalk : (faq % 89 == 1 ? .handover : .none)
      faqs.append(
        FAQ(
          id: "ufficio.faq\(faq)", title: "\(topicWord(faq, 0)) \(topicWord(faq, 1))",
          examples: examples,
          keywordGroups: [
            [topicWord(faq, 0), shared[faq % shared.count]], [common[faq % common.count]],
          ],
          requiredGroups: faq % 3 == 0 ? [[topicWord(faq, 1), topicWord(faq, 2)]] : [],
          exclusions: faq % 5 == 0 ? [topicWord((faq + 1) % count, 3)] : [],
          answer: "Per \(topicWord(faq, 2)) \(shared[(faq * 7) % shared.count]) rivolgiti allo "
            + "sportello, \(common[faq % common.count]).",
          action: action))
    }
    var synonyms = Synonyms()
    synonyms.concepts = [["tema1", "tema2 tema3"], ["argomento5x0", "argomento5x1 tema9"]]
    return RuleSet(faqs: faqs, synonyms: synonyms)
  }

  /// Messages in the rules' words: pieces of examples, common words alone, unknown words.
  static func messages(for ruleSet: RuleSet, count: Int) -> [String] {
    var random = SeededRandom(seed: 7)
    var messages: [String] = []
    for number in 0..<count {
      let faq = ruleSet.faqs[random.next(in: 0...ruleSet.faqs.count - 1)]
      var words = faq.examples[random.next(in: 0...faq.examples.count - 1)]
        .split(separator: " ").map(String.init)
      switch number % 4 {
      case 0: words.removeFirst()
      case 1: words.append(ruleSet.faqs[number % ruleSet.faqs.count].examples[0])
      case 2: words = ["come", "posso", "sapere"].prefix(1 + number % 3).map { $0 }
      default: words.append("parolasconosciuta")
      }
      messages.append(words.joined(separator: " "))
    }
    return messages
  }

  /// What two decisions must share.
  static func summary(_ decision: Decision) -> String {
    let candidates = decision.candidates.map { "\($0.intent)=\($0.score)" }
    return "\(decision.outcome) \(decision.intent ?? "-") \(decision.options) \(candidates) "
      + "\(decision.confidence)"
  }

  @Test func boundedScoringDecidesAsScoringEveryFAQ() {
    let ruleSet = Self.generatedRules(count: 300)
    let bounded = Matcher(ruleSet: ruleSet)
    var exhaustive = bounded
    exhaustive.scoresEveryFAQ = true
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    var outcomes: Set<Decision.Outcome> = []
    for message in Self.messages(for: ruleSet, count: 240) {
      let decision = bounded.decide(message, now: now, explains: false)
      outcomes.insert(decision.outcome)
      #expect(
        Self.summary(decision)
          == Self.summary(exhaustive.decide(message, now: now, explains: false)),
        "\(message)")
    }
    #expect(outcomes == [.answer, .ask, .handover])
  }

  @Test func boundedScoringMatchesWhenAnExampleIsLeftOut() {
    let ruleSet = Self.generatedRules(count: 300)
    let bounded = Matcher(ruleSet: ruleSet)
    var exhaustive = bounded
    exhaustive.scoresEveryFAQ = true
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    for (faqIndex, faq) in ruleSet.faqs.enumerated() where faqIndex % 10 == 0 {
      let example = bounded.index.entries[faqIndex].examples.lowerBound + 1
      let analysed = bounded.analyzer.analyze(faq.examples[0])
      let lhs = bounded.decide(analyzed: analysed, now: now, skipping: example)
      let rhs = exhaustive.decide(analyzed: analysed, now: now, skipping: example)
      #expect(Self.summary(lhs) == Self.summary(rhs), "\(faq.examples[0])")
    }
  }

  @Test func boundedScoringMatchesOnTheFixtureRules() throws {
    let bounded = try #require(FixtureRules.matcher)
    var exhaustive = bounded
    exhaustive.scoresEveryFAQ = true
    let messages =
      bounded.ruleSet.faqs.flatMap(\.examples) + [
        "buongiorno", "grazie", "cie", "tari imu", "passaporto carta d'identità", "orari",
      ]
    for message in messages {
      let now = FixtureRules.mondayMorning
      #expect(
        Self.summary(bounded.decide(message, now: now))
          == Self.summary(exhaustive.decide(message, now: now)), "\(message)")
    }
  }

  /// Every scored FAQ with its score, example score and coverage as computed, unrounded.
  static func exactScores(_ scored: ScoredFAQs) -> [String] {
    scored.ranked.map { item in
      "\(item.faq) \(item.score) \(item.exampleScore) \(item.bestExample ?? -1) \(item.coverage)"
    }
  }

  /// Adding up every example's shared weight at once must give the sums that adding them
  /// up FAQ by FAQ gives, to the last bit: scores are rounded from them.
  @Test func everyExampleWeighedAtOnceDecidesAsFAQByFAQ() throws {
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    for ruleSet in [Self.generatedRules(count: 300), try #require(FixtureRules.matcher).ruleSet] {
      var byFAQ = Matcher(ruleSet: ruleSet)
      byFAQ.exampleWeighing = .faqByFAQ
      var atOnce = byFAQ
      atOnce.exampleWeighing = .everyExampleAtOnce
      for message in Self.messages(for: ruleSet, count: 120) + ruleSet.faqs.flatMap(\.examples) {
        let analysed = byFAQ.analyzer.analyze(message)
        let query = Query(
          message: analysed, tables: byFAQ.tables, unknownFactor: byFAQ.weights.unknown)
        // The unrounded example scores show a sum added up in another order.
        #expect(
          Self.exactScores(byFAQ.score(query, now: now))
            == Self.exactScores(atOnce.score(query, now: now)), "\(message)")
        #expect(
          byFAQ.decide(analyzed: analysed, now: now) == atOnce.decide(analyzed: analysed, now: now),
          "\(message)")
      }
      for faq in byFAQ.index.entries.indices where faq % 7 == 0 {
        let example = byFAQ.index.entries[faq].examples.lowerBound
        let analysed = byFAQ.analyzer.analyze(byFAQ.index.examples[example].text)
        let lhs = byFAQ.decide(analyzed: analysed, now: now, skipping: example, explains: true)
        let rhs = atOnce.decide(analyzed: analysed, now: now, skipping: example, explains: true)
        #expect(lhs == rhs, "\(byFAQ.index.examples[example].text)")
      }
    }
  }

  @Test func exclusionsAreExplainedInTheOrderTheMessageReachesThem() throws {
    let matcher = try #require(FixtureRules.matcher)
    let decision = matcher.decide("passaporto carta d'identità", now: FixtureRules.mondayMorning)
    #expect(decision.explanation.excluded == ["anagrafe.carta_identita: excluded by 'passaporto'"])
  }
}

/// SplitMix64, for reproducible test data.
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next(in range: ClosedRange<Int>) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    value ^= value >> 31
    return range.lowerBound + Int(value % UInt64(range.count))
  }
}
