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
  /// 1. The message's frequent terms (in more than a tenth of the FAQs, so light) are set
  ///    aside; the rest are looked up, and each FAQ they reach gets a bound, the most it
  ///    can score, from its shared weight plus all the frequent terms' weight, its keyword
  ///    groups and its two-word phrases. FAQs with a keyword or a phrase are bounded too.
  /// 2. FAQs are scored in full from the highest bound down, while a bound can still change
  ///    the top five candidates, the runner-up, the menu options or the answered small talk
  ///    (the cutoff, which only rises as FAQs are scored).
  /// 3. If an FAQ reached only through the frequent terms could still pass the cutoff,
  ///    those terms are looked up after all and step 2 goes on with what they reach.
  /// The result is the one that scoring every FAQ would give.
  ///
  /// - Parameter skipped: An example left out (the overlap lint scores each example
  ///   as if it were not written, to see where else it would go).
  /// - Complexity: Linear in the postings of the message's rarer terms, plus the examples
  ///   of the FAQs scored in full.
  func score(_ query: Query, now: Date, skipping skipped: Int? = nil) -> ScoredFAQs {
    var scoring = Scoring(matcher: self, query: query, now: now, skipping: skipped)
    let frequentLimit = max(32, index.entries.count / 10)
    var frequent: [Int] = []
    for position in query.contentTerms.indices {
      if index.faqPostings.count(of: query.contentTerms[position]) > frequentLimit {
        frequent.append(position)
        scoring.unreadWeight += query.contentWeights[position]
      } else {
        scoring.read(position)
      }
    }
    scoring.boundReachedFAQs()
    scoring.boundFAQsWithKeywordsOrPhrases(reachedThrough: frequent)
    scoring.scoreSeeds()
    scoring.scoreWhileBoundsPass()
    if !frequent.isEmpty, scoring.unreachedBound + Matcher.roundingSlack >= scoring.cutoff {
      scoring.unreadWeight = 0
      for position in frequent { scoring.read(position) }
      scoring.boundReachedFAQs()
      scoring.scoreWhileBoundsPass()
    }
    return ScoredFAQs(ranked: scoring.ranked)
  }

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
  /// candidates, the runner-up, the menu options or the answered small talk of `ranked`.
  ///
  /// It never falls as `ranked` grows, which is what lets scoring drop FAQs for good.
  func cutoff(_ ranked: [ScoredFAQ]) -> Double {
    guard ranked.count >= 5 else { return -.infinity }
    let settings = ruleSet.settings
    var regularCount = 0
    var runnerUp = -Double.infinity
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
      }
      if regularCount == 2 { runnerUp = item.score }
      if item.score >= optionFloor, ruleSet.faqs[item.faq].action != .handover {
        optionCount += 1
        if optionCount == 3 { thirdOption = item.score }
      }
    }
    return min(
      ranked[4].score, runnerUp, thirdOption ?? optionFloor,
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

  /// The bonus for `count` matched keyword groups.
  func keywordBonus(_ count: UInt16) -> Double {
    Double(min(Int(count), weights.keywordGroups)) * weights.keyword
  }

  /// Per FAQ, how many of the message's two-word phrases occur in some example of it.
  func sharedPhraseCounts(_ query: Query) -> [UInt8] {
    var counts = [UInt8](repeating: 0, count: index.entries.count)
    for bigram in query.bigrams {
      for faq in index.faqsByBigram[bigram] ?? [] where counts[Int(faq)] < UInt8.max {
        counts[Int(faq)] += 1
      }
    }
    return counts
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
    phraseHits = matcher.sharedPhraseCounts(query)
    partialShared = Array(repeating: 0, count: faqCount)
    isBounded = Array(repeating: false, count: faqCount)
    exampleShared = Array(repeating: 0, count: matcher.index.mostExamples)
  }

  /// The cutoff for the FAQs scored so far.
  var cutoff: Double { matcher.scoresEveryFAQ ? -.infinity : matcher.cutoff(ranked) }

  /// The most that an FAQ reached by no term read so far can score: it shares at most
  /// the unread weight, and has no keyword group and no phrase (those FAQs are bounded).
  var unreachedBound: Double {
    guard unreadWeight > 0 else { return 0 }
    let norm = min(query.norm, query.regularNorm)
    guard norm > 0 else { return 0 }
    let similarity = matcher.similarityBound(
      shared: unreadWeight + query.stopWeight, norm: norm, shape: matcher.index.widestShape)
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

  /// Bounds the FAQs reached by the terms read, once all of them have been read.
  mutating func boundReachedFAQs() {
    for faq in reached where !isBounded[faq] { bound(faq) }
    reached = []
  }

  /// Bounds the FAQs that have a keyword group or a phrase of the message and are reached
  /// only through the content terms at `positions`, not read yet: their bonus may lift
  /// them above FAQs that share more weight, so ``unreachedBound`` leaves them out.
  mutating func boundFAQsWithKeywordsOrPhrases(reachedThrough positions: [Int]) {
    guard !positions.isEmpty else { return }
    for faq in hits.keywordGroups.indices
    where !isBounded[faq] && (hits.keywordGroups[faq] > 0 || phraseHits[faq] > 0)
      && positions.contains(where: { matcher.credit(of: faq, for: query.contentTerms[$0]) > 0 })
    {
      bound(faq)
    }
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
