import Foundation

extension Matcher {
  /// How far below the best regular FAQ an FAQ may score and still be offered in a menu.
  static let optionWindow = 0.25

  /// A score is rounded to four decimals, so it may exceed its bound by half a unit.
  static let roundingSlack = 0.000_1

  /// The least share of a message's weight a small-talk FAQ must cover to answer it:
  /// "grazie x l'info" is thanks, "… a chi devo rivolgermi? Grazie, Dino" a question.
  static let smallTalkCoverage = 0.5

  /// How many FAQs are scored in full before the cutoff is first used to drop others.
  static let seedCount = 5

  /// Scores the FAQs that share a content term with the query, as far as the decision needs.
  ///
  /// Scoring every FAQ of a large rule set would be slow, so the work is bounded:
  /// 1. The message's frequent, light terms are set aside (see ``lastReadShare``); the
  ///    rest are looked up, which gives each FAQ they reach its shared weight so far.
  /// 2. A few FAQs are scored in full (those with the most weight, a keyword group or a
  ///    phrase first), which sets the cutoff: the lowest score that could still change
  ///    the top five candidates, the runner-up, the menu options or the answered small
  ///    talk. The cutoff only rises as FAQs are scored.
  /// 3. Each FAQ that could pass it gets a bound, the most it can score, from its shared
  ///    weight plus all the set-aside terms' weight, its keyword groups and its phrases;
  ///    those that share too little to pass are dropped without one. FAQs are then scored
  ///    in full from the highest bound down while a bound can pass the cutoff.
  /// 4. If an FAQ reached only through the frequent terms could still pass the cutoff,
  ///    those terms are looked up after all and step 3 goes on with what they reach.
  /// The result is the one that scoring every FAQ would give.
  ///
  /// - Parameter skipped: An example left out (the overlap lint scores each example
  ///   as if it were not written, to see where else it would go).
  /// - Complexity: Linear in the postings of the message's rarer terms, plus the examples
  ///   of the FAQs scored in full.
  func score(_ query: Query, now: Date, skipping skipped: Int? = nil) -> ScoredFAQs {
    let settings = ruleSet.settings
    var scoring = Scoring(
      tables: tables, query: query, now: now, skipping: skipped,
      answerThreshold: settings.answerThreshold, choiceThreshold: settings.choiceThreshold,
      margin: settings.margin, updatesCutoff: !scoresEveryFAQ, weighing: exampleWeighing)
    let frequent = termsToReadLast(query)
    // Closures read this array, not `query`: capturing the query copies it whole.
    let contentWeights = query.contentWeights
    scoring.unreadWeight = frequent.reduce(0) { $0 + contentWeights[$1] }
    for position in query.contentTerms.indices where !frequent.contains(position) {
      scoring.read(position)
    }
    // With no term set aside, each FAQ's weight was added up in the query's order, which
    // is what scoring it in full would add up again.
    scoring.hasReadInQueryOrder = frequent.isEmpty
    scoring.boundFAQsWithKeywordsOrPhrases(reachedThrough: frequent)
    scoring.boundMostSharingFAQs(count: Matcher.seedCount)
    scoring.scoreSeeds()
    scoring.boundReachedFAQs()
    scoring.scoreWhileBoundsPass()
    if !frequent.isEmpty, scoring.unreachedBound + Matcher.roundingSlack >= scoring.cutoff {
      scoring.unreadWeight = 0
      for position in frequent { scoring.read(position) }
      scoring.boundFAQsWithKeywordsOrPhrases(reachedThrough: [])
      scoring.boundReachedFAQs()
      scoring.scoreWhileBoundsPass()
    }
    return ScoredFAQs(ranked: scoring.recycleScratch())
  }

  /// The share of the message's weight that the terms read last may hold, with its stop
  /// words: an FAQ that shares only that much scores at most about its square root (0.17).
  static let lastReadShare = 0.03

  /// The positions of the query's content terms to read only if needed: the lightest
  /// terms with long posting lists (frequent words such as "posso" or "sapere" in a large
  /// rule set), as many as fit in ``lastReadShare`` of the message's weight.
  private func termsToReadLast(_ query: Query) -> [Int] {
    let postings = tables.index.faqPostings
    var long: [Int] = []
    for position in query.contentTerms.indices
    where postings.count(of: query.contentTerms[position]) > Matcher.longPostingList {
      long.append(position)
    }
    guard !long.isEmpty else { return [] }
    var budget = Matcher.lastReadShare * min(query.norm, query.regularNorm) - query.stopWeight
    var chosen: [Int] = []
    // The closure reads this array, not `query`: capturing the query copies it whole.
    let weights = query.contentWeights
    for position in long.sorted(by: { weights[$0] < weights[$1] }) {
      guard weights[position] <= budget else { break }
      budget -= weights[position]
      chosen.append(position)
    }
    return chosen
  }

  /// A posting list longer than this is worth setting aside.
  static let longPostingList = 32

  /// The FAQs left out because they expired or an exclusion occurs, among those that
  /// share a content term with the query, in the order the terms reach them.
  func exclusions(_ query: Query, now: Date) -> [ScoredFAQs.Exclusion] {
    let hits = PatternHits(query: query, tables: tables)
    var seen = Set<Int32>()
    var exclusions: [ScoredFAQs.Exclusion] = []
    for term in query.contentTerms {
      for position in index.faqPostings.positions(of: term) {
        let faq = index.faqPostings[position].faq
        guard seen.insert(faq).inserted else { continue }
        if let expiry = expiryInstants[Int(faq)], now >= expiry {
          exclusions.append(.init(faq: Int(faq), pattern: nil))
        } else {
          let pattern = hits.counts(of: Int(faq)).firstExclusion
          if pattern >= 0 { exclusions.append(.init(faq: Int(faq), pattern: Int(pattern))) }
        }
      }
    }
    return exclusions
  }
}
