import Foundation

extension Matcher {
  /// How far below the best regular FAQ an FAQ may score and still be offered in a menu.
  static let optionWindow = 0.25

  /// A score is rounded to four decimals, so it may exceed its bound by half a unit.
  static let roundingSlack = 0.000_1

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
    var scoring = Scoring(matcher: self, query: query, now: now, skipping: skipped)
    let frequent = termsToReadLast(query)
    scoring.unreadWeight = frequent.reduce(0) { $0 + query.contentWeights[$1] }
    for position in query.contentTerms.indices where !frequent.contains(position) {
      scoring.read(position)
    }
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
    return ScoredFAQs(ranked: scoring.ranked)
  }

  /// The share of the message's weight that the terms read last may hold, with its stop
  /// words: an FAQ that shares only that much scores at most about its square root (0.17).
  static let lastReadShare = 0.03

  /// The positions of the query's content terms to read only if needed: the lightest
  /// terms with long posting lists (frequent words such as "posso" or "sapere" in a large
  /// rule set), as many as fit in ``lastReadShare`` of the message's weight.
  private func termsToReadLast(_ query: Query) -> [Int] {
    var budget = Matcher.lastReadShare * min(query.norm, query.regularNorm) - query.stopWeight
    let long = query.contentTerms.indices.filter { position in
      index.faqPostings.count(of: query.contentTerms[position]) > Matcher.longPostingList
    }
    var chosen: [Int] = []
    for position in long.sorted(by: { query.contentWeights[$0] < query.contentWeights[$1] }) {
      guard query.contentWeights[position] <= budget else { break }
      budget -= query.contentWeights[position]
      chosen.append(position)
    }
    return chosen
  }

  /// A posting list longer than this is worth setting aside.
  static let longPostingList = 32

  /// The FAQs left out because they expired or an exclusion occurs, among those that
  /// share a content term with the query, in the order the terms reach them.
  func exclusions(_ query: Query, now: Date) -> [ScoredFAQs.Exclusion] {
    let hits = PatternHits(query: query, index: index)
    var seen = Set<Int32>()
    var exclusions: [ScoredFAQs.Exclusion] = []
    for term in query.contentTerms {
      for position in index.faqPostings.positions(of: term) {
        let faq = index.faqPostings[position].faq
        guard seen.insert(faq).inserted else { continue }
        if let expiry = expiryInstants[Int(faq)], now >= expiry {
          exclusions.append(.init(faq: Int(faq), pattern: nil))
        } else if hits.firstExclusion[Int(faq)] >= 0 {
          exclusions.append(.init(faq: Int(faq), pattern: Int(hits.firstExclusion[Int(faq)])))
        }
      }
    }
    return exclusions
  }

  /// Whether `lhs` ranks before `rhs`: higher score, then intent id in byte order.
  func precedes(_ lhs: ScoredFAQ, _ rhs: ScoredFAQ) -> Bool {
    if lhs.score != rhs.score { return lhs.score > rhs.score }
    return index.idRanks[lhs.faq] < index.idRanks[rhs.faq]
  }

  /// The lowest score with which an FAQ not yet scored could still change the top five
  /// candidates, the runner-up, the margin's contender, the menu options or the answered
  /// small talk of `ranked`.
  ///
  /// It never falls as `ranked` grows, which is what lets scoring drop FAQs for good.
  func cutoff(_ ranked: [ScoredFAQ]) -> Double {
    guard ranked.count >= 5 else { return -.infinity }
    let settings = ruleSet.settings
    var regularCount = 0
    var runnerUp = -Double.infinity
    // The margin is taken over the first FAQ after the best that has its required words:
    // an FAQ below the best by more than the margin cannot change that, nor one below
    // the contender found so far.
    var contenderFloor = -Double.infinity
    var hasContender = false
    var optionFloor = settings.choiceThreshold
    var optionCount = 0
    var thirdOption: Double?
    var bestSmallTalk: Double?
    for item in ranked {
      if index.boundShapes[item.faq].isSmallTalk {
        if bestSmallTalk == nil { bestSmallTalk = item.score }
        continue
      }
      regularCount += 1
      if regularCount == 1 {
        optionFloor = max(settings.choiceThreshold, item.score - Matcher.optionWindow)
        contenderFloor = item.score - settings.margin
      }
      if regularCount == 2 { runnerUp = item.score }
      if regularCount >= 2, !hasContender, item.missingRequiredGroups == 0 {
        hasContender = true
        contenderFloor = max(contenderFloor, item.score)
      }
      if item.score >= optionFloor, ruleSet.faqs[item.faq].action != .handover {
        optionCount += 1
        if optionCount == 3 { thirdOption = item.score }
      }
    }
    return min(
      ranked[4].score, runnerUp, contenderFloor, thirdOption ?? optionFloor,
      max(bestSmallTalk ?? settings.answerThreshold, settings.answerThreshold))
  }

  /// The most an example of an FAQ can score for its words, when the message shares at
  /// most `shared` of its weight with the FAQ.
  ///
  /// An example's similarity is `a / sqrt(norm × n)`, where `a` is the weight it shares
  /// and `n` its own norm; `a` is at most `shared` and at most `n` times the FAQ's
  /// coverable ratio. Over the FAQ's range of example norms that peaks where the two
  /// limits meet, or at the end of the range nearest to that point.
  func similarityBound(shared: Double, norm: Double, shape: MatcherIndex.BoundShape) -> Double {
    guard shared > 0 else { return 0 }
    let ratio = shape.coverableNormRatio
    let peak = shared / ratio
    if peak <= shape.smallestNorm { return shared / (norm * shape.smallestNorm).squareRoot() }
    if peak >= shape.largestNorm { return ratio * (shape.largestNorm / norm).squareRoot() }
    return (ratio * shared / norm).squareRoot()
  }

  /// The most any example of the rules can score for its words, when the message shares
  /// at most `shared` of its weight with it: ``similarityBound(shared:norm:shape:)`` over
  /// the real example norms instead of one FAQ's range.
  ///
  /// The similarity rises with the example's norm up to where `shared` meets the norm's
  /// coverable share, and falls after it, so the examples nearest to that point on either
  /// side hold the maximum.
  ///
  /// - Complexity: O(log n) in the number of examples.
  func similarityBoundOverAllExamples(shared: Double, norm: Double) -> Double {
    let norms = index.sortedExampleNorms
    guard shared > 0, !norms.isEmpty else { return 0 }
    let ratio = index.largestCoverableNormRatio
    let peak = shared / ratio
    var low = 0
    var high = norms.count
    while low < high {
      let middle = (low + high) / 2
      if norms[middle] < peak { low = middle + 1 } else { high = middle }
    }
    func similarity(_ exampleNorm: Double) -> Double {
      min(shared, ratio * exampleNorm) / (norm * exampleNorm).squareRoot()
    }
    let below = low > 0 ? similarity(norms[low - 1]) : 0
    let above = low < norms.count ? similarity(norms[low]) : 0
    return max(below, above)
  }

  /// The bonus for `count` matched keyword groups.
  func keywordBonus(_ count: UInt16) -> Double {
    Double(min(Int(count), weights.keywordGroups)) * weights.keyword
  }

  /// Per FAQ, how many of the message's two-word phrases occur in some example of it,
  /// and the FAQs with at least one, ascending.
  func sharedPhraseCounts(_ query: Query) -> (counts: [UInt8], faqs: [Int]) {
    var counts = [UInt8](repeating: 0, count: index.entries.count)
    var faqs: [Int] = []
    for bigram in query.bigrams {
      for faq in index.faqsByBigram[bigram] ?? [] where counts[Int(faq)] < UInt8.max {
        if counts[Int(faq)] == 0 { faqs.append(Int(faq)) }
        counts[Int(faq)] += 1
      }
    }
    return (counts, faqs.sorted())
  }
}

/// The state of scoring one message: what has been read, bounded and scored so far.
private struct Scoring {
  let matcher: Matcher
  let query: Query
  let now: Date
  let skipped: Int?
  let hits: PatternHits
  let phraseHits: [UInt8]
  /// The FAQs with a two-word phrase of the message, ascending.
  let phraseFAQs: [Int]

  /// Per FAQ, the weight shared with the terms read so far.
  var partialShared: [Double]
  /// The FAQs reached by a term read since they were last bounded.
  var reached: [Int] = []
  /// The FAQs whose bound is known (or that are left out).
  var isBounded: [Bool]
  /// The FAQs waiting to be scored in full.
  var pending: [BoundHeap.Item] = []
  /// The FAQs scored in full, in ranking order.
  var ranked: [ScoredFAQ] = []
  /// The weight of the content terms not read yet.
  var unreadWeight = 0.0
  /// Scratch space for the examples' shared weights.
  var exampleShared: [Double]

  init(matcher: Matcher, query: Query, now: Date, skipping skipped: Int?) {
    self.matcher = matcher
    self.query = query
    self.now = now
    self.skipped = skipped
    let faqCount = matcher.index.entries.count
    hits = PatternHits(query: query, index: matcher.index)
    (phraseHits, phraseFAQs) = matcher.sharedPhraseCounts(query)
    partialShared = Array(repeating: 0, count: faqCount)
    isBounded = Array(repeating: false, count: faqCount)
    exampleShared = Array(repeating: 0, count: matcher.index.mostExamples)
  }

  /// The cutoff for the FAQs scored so far.
  ///
  /// Worked out again only when an FAQ scores at least the cutoff: one that scores less
  /// is below the fifth candidate, the runner-up, the menu's floor and the small talk's,
  /// so it cannot change any of them.
  private(set) var cutoff = -Double.infinity

  /// The most that an FAQ reached by no term read so far can score: it shares at most
  /// the unread weight, and has no keyword group and no phrase (those FAQs are bounded).
  var unreachedBound: Double {
    guard unreadWeight > 0 else { return 0 }
    let norm = min(query.norm, query.regularNorm)
    guard norm > 0 else { return 0 }
    let similarity = matcher.similarityBoundOverAllExamples(
      shared: unreadWeight + query.stopWeight, norm: norm)
    let coverage = min(1, unreadWeight / norm) * matcher.weights.coverage
    return min(1, max(similarity, coverage))
  }

  /// Reads the content term at `position` of the query: adds its weight to the FAQs
  /// it reaches.
  mutating func read(_ position: Int) {
    let weight = query.contentWeights[position]
    let postings = matcher.index.faqPostings
    for position in postings.positions(of: query.contentTerms[position]) {
      let posting = postings[position]
      let faq = Int(posting.faq)
      if partialShared[faq] == 0 { reached.append(faq) }
      partialShared[faq] += weight * posting.credit
    }
  }

  /// Bounds the FAQs reached by the terms read that share enough weight to pass the
  /// cutoff, once all the terms have been read; the others can never pass it.
  mutating func boundReachedFAQs() {
    let minimum = minimumSharedWeight(toPass: cutoff)
    for faq in reached where !isBounded[faq] && partialShared[faq] + unreadWeight >= minimum {
      bound(faq)
    }
    reached = []
  }

  /// Bounds the `count` reached FAQs that share the most weight with the message.
  mutating func boundMostSharingFAQs(count: Int) {
    var most: [Int] = []
    for faq in reached
    where most.count < count || partialShared[faq] > partialShared[most[most.count - 1]] {
      let position = most.firstIndex { partialShared[faq] > partialShared[$0] } ?? most.count
      most.insert(faq, at: position)
      if most.count > count { most.removeLast() }
    }
    for faq in most where !isBounded[faq] { bound(faq) }
  }

  /// Bounds the FAQs that have a keyword group or a phrase of the message, when a term
  /// read reaches them or one of the terms at `positions`, not read yet, would: their
  /// bonus may lift them above FAQs that share more weight, so neither
  /// ``minimumSharedWeight(toPass:)`` nor ``unreachedBound`` counts on their words.
  mutating func boundFAQsWithKeywordsOrPhrases(reachedThrough positions: [Int]) {
    for faq in hits.faqsWithKeywords + phraseFAQs where !isBounded[faq] {
      let isReached =
        partialShared[faq] > 0
        || positions.contains { matcher.credit(of: faq, for: query.contentTerms[$0]) > 0 }
      if isReached { bound(faq) }
    }
  }

  /// The least weight an FAQ without keyword groups or phrases must share with the
  /// message to score `cutoff`: its score is at most the larger of the best similarity
  /// any example could reach with that weight and its coverage, both rising with it.
  ///
  /// - Complexity: O(log n) in the number of examples, by bisection.
  func minimumSharedWeight(toPass cutoff: Double) -> Double {
    let norm = min(query.norm, query.regularNorm)
    guard cutoff > 0, norm > 0 else { return 0 }
    func reach(_ shared: Double) -> Double {
      let similarity = matcher.similarityBoundOverAllExamples(
        shared: shared + query.stopWeight, norm: norm)
      let coverage = min(1, shared / norm) * matcher.weights.coverage
      return min(1, max(similarity, coverage)) + Matcher.roundingSlack
    }
    var low = 0.0
    var high = norm
    guard reach(high) >= cutoff else { return .infinity }
    for _ in 0..<40 {
      let middle = (low + high) / 2
      if reach(middle) >= cutoff { high = middle } else { low = middle }
    }
    return low
  }

  /// Works out the bound of `faq` and queues it, unless it is left out.
  ///
  /// The weights of terms not read yet count in full, as if the FAQ had them all.
  private mutating func bound(_ faq: Int) {
    isBounded[faq] = true
    let shape = matcher.index.boundShapes[faq]
    if let expiry = matcher.expiryInstants[faq], now >= expiry { return }
    guard hits.firstExclusion[faq] < 0, shape.isSmallTalk || query.hasRegularContent else {
      return
    }
    let norm = shape.isSmallTalk ? query.norm : query.regularNorm
    guard norm > 0 else { return }
    let shared = partialShared[faq] + unreadWeight
    let weights = matcher.weights
    let coverage = min(1, shared / norm) * weights.coverage
    let phrases = Double(min(weights.bigrams, Int(phraseHits[faq]))) * weights.bigram
    let similarity = matcher.similarityBound(
      shared: shared + query.stopWeight, norm: norm, shape: shape)
    let bound = min(
      1,
      max(similarity + phrases, coverage)
        + matcher.keywordBonus(
          hits.keywordGroups[faq]))
    pending.append(.init(bound: bound, faq: faq))
  }

  /// Scores in full the few queued FAQs with the highest bounds, so that the cutoff can
  /// drop the rest of the queue at once.
  mutating func scoreSeeds() {
    let seeds = Matcher.highestBounds(in: pending, count: Matcher.seedCount)
    for item in seeds { scoreInFull(item.faq) }
    let seeded = Set(seeds.map(\.faq))
    let floor = cutoff
    pending.removeAll { $0.bound + Matcher.roundingSlack < floor || seeded.contains($0.faq) }
  }

  /// Scores the queued FAQs from the highest bound down while their bound passes the
  /// cutoff; the others can never pass it, and are dropped.
  mutating func scoreWhileBoundsPass() {
    let floor = cutoff
    var heap = BoundHeap(pending.filter { $0.bound + Matcher.roundingSlack >= floor })
    pending = []
    while let top = heap.top, top.bound + Matcher.roundingSlack >= cutoff {
      _ = heap.pop()
      scoreInFull(top.faq)
    }
  }

  private mutating func scoreInFull(_ faq: Int) {
    let shared: Double
    if let skipped, Int(matcher.index.examples[skipped].faq) == faq {
      shared = matcher.coverageWithout(example: skipped, of: faq, query: query)
    } else {
      shared = matcher.sharedWeight(of: faq, query: query)
    }
    let scored = matcher.fullScore(
      of: faq, query: query, shared: shared, hits: hits, phraseHits: phraseHits[faq],
      skipping: skipped, buffer: &exampleShared)
    let position = ranked.firstIndex { matcher.precedes(scored, $0) } ?? ranked.count
    ranked.insert(scored, at: position)
    if !matcher.scoresEveryFAQ, scored.score >= cutoff { cutoff = matcher.cutoff(ranked) }
  }
}

extension Matcher {
  /// The `count` items with the highest bounds, highest first.
  ///
  /// - Complexity: O(n × count), close to O(n) since most items fail the first comparison.
  static func highestBounds(in items: [BoundHeap.Item], count: Int) -> [BoundHeap.Item] {
    var highest: [BoundHeap.Item] = []
    highest.reserveCapacity(count + 1)
    for item in items where highest.count < count || item.bound > highest[highest.count - 1].bound {
      let position = highest.firstIndex { item.bound > $0.bound } ?? highest.count
      highest.insert(item, at: position)
      if highest.count > count { highest.removeLast() }
    }
    return highest
  }
}
