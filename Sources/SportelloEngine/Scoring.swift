import Foundation

/// The state of scoring one message: what has been read, bounded and scored so far.
///
/// The steps are those of ``Matcher/score(_:now:skipping:)``, which calls them in order.
struct Scoring {
  /// What scoring reads of the matcher.
  let tables: ScoringTables
  let query: Query
  let skipped: Int?
  /// The rules' `soglia_risposta`, for the cutoff.
  let answerThreshold: Double
  /// The rules' `soglia_scelta`, for the cutoff.
  let choiceThreshold: Double
  /// The rules' `margine`, for the cutoff.
  let margin: Double
  /// Whether the cutoff rises as FAQs are scored; without it every FAQ that shares a term
  /// is scored in full (``Matcher/scoresEveryFAQ``).
  let updatesCutoff: Bool
  /// The keyword groups, required groups and exclusions that occur, by FAQ; their storage
  /// goes back to the scratch in ``recycleScratch()``.
  var hits: PatternHits
  /// The FAQs with a two-word phrase of the message, ascending.
  let phraseFAQs: [Int]
  /// How many of the message's phrases each of `phraseFAQs` has.
  let phraseCounts: [UInt8]

  /// Per FAQ, the weight shared with the terms read so far.
  var partialShared: [Double]
  /// The FAQs reached by a term read: the first `reachedCount`, in the order the terms
  /// reached them; those from `unboundedStart` on were reached since the last bounding.
  ///
  /// One longer than the rules: an FAQ is reached once, when its shared weight leaves 0
  /// (weights are positive), so the list never outgrows them, and is written without
  /// growing; ``read(_:)`` writes one place past the last FAQ reached. It is also what
  /// ``recycleScratch()`` clears.
  var reached: [Int32]
  /// How many of `reached` are in use.
  var reachedCount = 0
  /// Where the FAQs reached since the last bounding start in `reached`.
  var unboundedStart = 0
  /// Room for the reached FAQs that pass the weight test of ``boundReachedFAQs()``.
  var passing: [Int32]
  /// Per FAQ, whether its bound is known (or it is left out) and whether it has a
  /// phrase: most FAQs have none, and need not be looked up in that list.
  var flags: [UInt8]
  /// Where each FAQ's pattern hits are in ``hits``, from the scratch.
  var hitLookup: PatternHits.Tables

  /// The bound of the FAQ is known, or it is left out.
  static let boundedFlag: UInt8 = 1
  /// The FAQ is in ``phraseFAQs``.
  static let phraseFlag: UInt8 = 2

  /// `now`, as ``ScoringTables/expiryTimes`` counts time.
  let nowTime: Double
  /// The FAQs waiting to be scored in full.
  var pending: [BoundHeap.Item]
  /// The FAQs scored in full, in ranking order; the scratch's storage, so read it before
  /// ``recycleScratch()`` (which gives back a copy).
  var ranked: [ScoredFAQ]
  /// The weight of the content terms not read yet.
  var unreadWeight = 0.0
  /// Whether every content term was read, in the query's order: then ``partialShared`` is
  /// each FAQ's shared weight added up exactly as ``ScoringTables/sharedWeight(of:query:)``
  /// adds it, and scoring in full need not add it up again.
  var hasReadInQueryOrder = false
  /// Scratch space for the examples' shared weights, FAQ by FAQ.
  var exampleShared: [Double]
  /// The query's terms coded for matching FAQ term lists, when FAQs are weighed one by
  /// one.
  var termCodes: MessageTermCodes
  /// Whether the weight each example shares with the query is added up for every example
  /// at once (``ScoringTables/addSharedWeights(ofEveryExample:to:)``) rather than FAQ by
  /// FAQ; the sums are the same.
  let weighsEveryExample: Bool
  /// With ``weighsEveryExample``, those weights, from the first FAQ scored in full on
  /// (see ``hasWeighedEveryExample``); all 0 before.
  var everyExampleShared: [Double]
  /// Whether ``everyExampleShared`` holds this message's weights.
  var hasWeighedEveryExample = false

  init(
    tables: ScoringTables, query: Query, now: Date, skipping skipped: Int?,
    answerThreshold: Double, choiceThreshold: Double, margin: Double, updatesCutoff: Bool,
    weighing: Matcher.ExampleWeighing = .chosenPerMessage
  ) {
    self.tables = tables
    self.query = query
    self.skipped = skipped
    self.answerThreshold = answerThreshold
    self.choiceThreshold = choiceThreshold
    self.margin = margin
    self.updatesCutoff = updatesCutoff
    // Every array is moved out of the scratch, not copied: writing to a copy while the
    // scratch still holds the array copies it whole, and each copy costs a retain.
    var scratch = tables.scratch.take()
    func moved<Value>(_ value: inout Value, leaving empty: Value) -> Value {
      var result = empty
      swap(&result, &value)
      return result
    }
    var hitLookup = moved(&scratch.hitLookup, leaving: PatternHits.Tables())
    hits = PatternHits(query: query, tables: tables, lookup: &hitLookup)
    self.hitLookup = hitLookup
    (phraseFAQs, phraseCounts) = tables.sharedPhraseCounts(query)
    partialShared = moved(&scratch.partialShared, leaving: [])
    flags = moved(&scratch.flags, leaving: [])
    reached = moved(&scratch.reached, leaving: [])
    passing = moved(&scratch.passing, leaving: [])
    pending = moved(&scratch.pending, leaving: [])
    for faq in phraseFAQs { flags[faq] |= Scoring.phraseFlag }
    nowTime = now.timeIntervalSinceReferenceDate
    ranked = moved(&scratch.ranked, leaving: [])
    switch weighing {
    case .chosenPerMessage:
      weighsEveryExample = Scoring.weighsEveryExample(query, tables: tables)
    case .faqByFAQ: weighsEveryExample = false
    case .everyExampleAtOnce: weighsEveryExample = true
    }
    exampleShared = moved(&scratch.exampleShared, leaving: [])
    everyExampleShared = moved(&scratch.everyExampleShared, leaving: [])
    termCodes = moved(&scratch.termCodes, leaving: MessageTermCodes())
    if !weighsEveryExample { termCodes.code(query) }
  }

  /// Clears the entries this message set in the rule-long arrays and hands them back to
  /// the pool for the next message; scoring is over.
  ///
  /// - Returns: The FAQs scored in full, in ranking order, in an array of their own: the
  ///   storage ``ranked`` grew in stays with the scratch, so that the next message does
  ///   not allocate room for a few dozen again.
  ///
  /// Every FAQ with a shared weight or a flag is in `reached`, in ``PatternHits/hits`` or
  /// in `phraseFAQs`: only an FAQ reached by a term, or with a keyword group or a phrase,
  /// is ever bounded.
  mutating func recycleScratch() -> [ScoredFAQ] {
    var scored: [ScoredFAQ] = []
    scored.reserveCapacity(ranked.count)
    scored.append(contentsOf: ranked)
    ranked.removeAll(keepingCapacity: true)
    let count = reachedCount
    partialShared.withUnsafeMutableBufferPointer { shared in
      flags.withUnsafeMutableBufferPointer { flags in
        reached.withUnsafeBufferPointer { reached in
          for index in 0..<count {
            shared[Int(reached[index])] = 0
            flags[Int(reached[index])] = 0
          }
        }
      }
    }
    for hit in hits.hits { flags[Int(hit.faq)] = 0 }
    hits.recycle(into: &hitLookup)
    for faq in phraseFAQs { flags[faq] = 0 }
    pending.removeAll(keepingCapacity: true)
    termCodes.clear(query)
    if hasWeighedEveryExample {
      tables.clearSharedWeights(ofEveryExample: query, in: &everyExampleShared)
      hasWeighedEveryExample = false
    }
    let scratch = ScoringScratch(
      partialShared: partialShared, flags: flags, reached: reached, passing: passing,
      exampleShared: exampleShared, everyExampleShared: everyExampleShared,
      pending: pending, ranked: ranked, termCodes: termCodes, hitLookup: hitLookup)
    partialShared = []
    flags = []
    reached = []
    passing = []
    exampleShared = []
    everyExampleShared = []
    pending = []
    ranked = []
    termCodes = MessageTermCodes()
    hitLookup = PatternHits.Tables()
    tables.scratch.giveBack(scratch)
    return scored
  }

  /// Whether adding up every example's shared weight at once costs less for `query` than
  /// adding up those of each FAQ scored in full, which searches the postings of each term
  /// for each FAQ: true when those postings, with the examples to clear, number at most a
  /// few per term for each of the FAQs that are at least scored (the seeds), as with a
  /// small rule set.
  static func weighsEveryExample(_ query: Query, tables: ScoringTables) -> Bool {
    let terms = query.contentTerms.count + query.stopTerms.count
    let budget = Matcher.seedCount * terms * Scoring.postingsPerSearch
    return tables.exampleNorms.count <= budget * 4
      && tables.examplePostingCount(of: query) <= budget
  }

  /// How many postings one pass reads for the cost of one binary search of a posting list
  /// with the steps after it (measured with callgrind on the shipped rules).
  static let postingsPerSearch = 16

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
    let similarity = tables.similarityBoundOverAllExamples(
      shared: unreadWeight + query.stopWeight, norm: norm)
    let coverage = min(1, unreadWeight / norm) * tables.weights.coverage
    return min(1, max(similarity, coverage))
  }

  /// Whether the bound of `faq` is known, or it is left out.
  @inline(__always)
  func isBounded(_ faq: Int) -> Bool { flags[faq] & Scoring.boundedFlag != 0 }

  /// What occurs of the patterns of `faq`.
  ///
  /// Inlined, like ``phraseCount(of:)``: a call of a method of this large value from a
  /// mutating one copies the whole value first (measured: a copy per FAQ bounded).
  @inline(__always)
  private func hits(of faq: Int) -> PatternHits.Counts {
    hits.counts(of: faq, in: hitLookup)
  }

  /// How many of the message's phrases `faq` has.
  @inline(__always)
  private func phraseCount(of faq: Int) -> UInt8 {
    guard flags[faq] & Scoring.phraseFlag != 0 else { return 0 }
    var low = 0
    var high = phraseFAQs.count
    while low < high {
      let middle = (low + high) / 2
      if phraseFAQs[middle] < faq { low = middle + 1 } else { high = middle }
    }
    return low < phraseFAQs.count && phraseFAQs[low] == faq ? phraseCounts[low] : 0
  }

  /// Reads the content term at `position` of the query: adds its weight to the FAQs
  /// it reaches.
  mutating func read(_ position: Int) {
    let weight = query.contentWeights[position]
    // A frequent term of a large rule set reaches most FAQs: the loop runs on raw buffers,
    // without a bounds check or a uniqueness check per posting. Every posting's FAQ is
    // below the FAQ count, the length of `partialShared`.
    // Both arrays are moved out while their buffers are written, so that the closures
    // touch locals, not two parts of `self` at once.
    var newlyReached: [Int32] = []
    swap(&newlyReached, &reached)
    var count = reachedCount
    tables.index.faqPostings.withPostings(of: query.contentTerms[position]) { postings in
      partialShared.withUnsafeMutableBufferPointer { shared in
        newlyReached.withUnsafeMutableBufferPointer { newly in
          // Whether a posting reaches its FAQ first is as good as random, so the FAQ is
          // always written and kept only by the count, without a branch to mispredict:
          // `reached` has a spare place for the write past the last FAQ.
          for posting in postings {
            let faq = Int(posting.faq)
            let before = shared[faq]
            newly[count] = posting.faq
            count &+= before == 0 ? 1 : 0
            shared[faq] = before + weight * posting.credit
          }
        }
      }
    }
    swap(&newlyReached, &reached)
    reachedCount = count
  }

  /// Bounds the FAQs reached by the terms read that share enough weight to pass the
  /// cutoff, once all the terms have been read; the others can never pass it.
  mutating func boundReachedFAQs() {
    let minimum = minimumSharedWeight(toPass: cutoff)
    // The weight first, in one scan on the raw buffers: with a large rule set most
    // reached FAQs fail it. Those that pass are listed in order.
    let unread = unreadWeight
    let start = unboundedStart
    let count = reachedCount
    var kept = 0
    var list: [Int32] = []
    swap(&list, &passing)
    partialShared.withUnsafeBufferPointer { shared in
      reached.withUnsafeBufferPointer { reached in
        list.withUnsafeMutableBufferPointer { list in
          for index in start..<count where shared[Int(reached[index])] + unread >= minimum {
            list[kept] = reached[index]
            kept += 1
          }
        }
      }
    }
    swap(&list, &passing)
    for index in 0..<kept where !isBounded(Int(passing[index])) { bound(Int(passing[index])) }
    unboundedStart = count
  }

  /// Bounds the `count` reached FAQs that share the most weight with the message.
  mutating func boundMostSharingFAQs(count: Int) {
    // Most FAQs share less than the last of a full list, and are passed over after one
    // comparison; ties keep the FAQ reached first.
    // The floor stays below every shared weight (all above 0) until the list is full.
    // The list has a handful of places, on the stack: an array would be allocated for
    // every message.
    withUnsafeTemporaryAllocation(of: (faq: Int, shared: Double).self, capacity: count + 1) {
      most in
      var kept = 0
      var floor = -Double.infinity
      forEachReachedFAQ { faq, shared in
        guard shared > floor else { return }
        // Added at the end and moved up past those that share less.
        most[kept] = (faq, shared)
        var position = kept
        kept += 1
        while position > 0, shared > most[position - 1].shared {
          most.swapAt(position, position - 1)
          position -= 1
        }
        if kept > count { kept -= 1 }
        if kept == count { floor = most[count - 1].shared }
      }
      for item in most[..<kept] where !isBounded(item.faq) { bound(item.faq) }
    }
  }

  /// Calls `body` with each FAQ reached since the last bounding, in order, and its shared
  /// weight so far.
  ///
  /// With a large rule set most FAQs are reached and few are kept, so the scan runs on
  /// the raw buffers, without a bounds check per FAQ: every reached FAQ is below the
  /// length of `partialShared`, and `reachedCount` is at most that of `reached`.
  @inline(__always)
  private func forEachReachedFAQ(_ body: (Int, Double) -> Void) {
    let start = unboundedStart
    let count = reachedCount
    partialShared.withUnsafeBufferPointer { shared in
      reached.withUnsafeBufferPointer { reached in
        for index in start..<count {
          let faq = Int(reached[index])
          body(faq, shared[faq])
        }
      }
    }
  }

  /// Bounds the FAQs that have a keyword group or a phrase of the message, when a term
  /// read reaches them or one of the terms at `positions`, not read yet, would: their
  /// bonus may lift them above FAQs that share more weight, so neither
  /// ``minimumSharedWeight(toPass:)`` nor ``unreachedBound`` counts on their words.
  mutating func boundFAQsWithKeywordsOrPhrases(reachedThrough positions: [Int]) {
    let contentTerms = query.contentTerms
    func boundIfReached(_ faq: Int) {
      guard !isBounded(faq) else { return }
      let isReached =
        partialShared[faq] > 0
        || positions.contains { tables.credit(of: faq, for: contentTerms[$0]) > 0 }
      if isReached { bound(faq) }
    }
    for hit in hits.hits where hit.counts.keywordGroups > 0 { boundIfReached(Int(hit.faq)) }
    for faq in phraseFAQs { boundIfReached(faq) }
  }

  /// The most an FAQ without keyword groups or phrases can score when it shares `shared`
  /// of the message's weight, plus the rounding slack: the larger of the best similarity
  /// any example could reach with that weight and its coverage, both rising with it.
  func reachableScore(sharing shared: Double) -> Double {
    let norm = min(query.norm, query.regularNorm)
    let similarity = tables.similarityBoundOverAllExamples(
      shared: shared + query.stopWeight, norm: norm)
    let coverage = min(1, shared / norm) * tables.weights.coverage
    return min(1, max(similarity, coverage)) + Matcher.roundingSlack
  }

  /// The least weight an FAQ without keyword groups or phrases must share with the
  /// message to score `cutoff` (see ``reachableScore(sharing:)``), or a little less; it is
  /// never more, so no FAQ that could pass the cutoff is dropped.
  ///
  /// Worked out in closed form. The coverage reaches `c` (the cutoff less the slack) at a
  /// share `c / coverage` of the norm `N`. An example of norm `n` reaches `c` once the
  /// weight shared with it, `x`, meets `c × sqrt(N × n)`, if its coverable share
  /// `ratio × n` can hold that much, that is when `n ≥ (c / ratio)² × N`: the smallest
  /// such norm needs the least. The result is checked, and bisected when the check fails.
  ///
  /// - Complexity: O(log n) in the number of examples.
  func minimumSharedWeight(toPass cutoff: Double) -> Double {
    let norm = min(query.norm, query.regularNorm)
    guard cutoff > 0, norm > 0 else { return 0 }
    guard reachableScore(sharing: norm) >= cutoff else { return .infinity }
    let needed = cutoff - Matcher.roundingSlack
    guard needed > 0 else { return 0 }

    let byCoverage =
      needed <= tables.weights.coverage ? needed / tables.weights.coverage * norm : .infinity
    var bySimilarity = Double.infinity
    let norms = tables.index.sortedExampleNorms
    let ratio = tables.index.largestCoverableNormRatio
    // Slightly lowered: an example just at the limit must not be missed to rounding.
    let smallestUsable = (needed / ratio) * (needed / ratio) * norm * (1 - 1e-9)
    var low = 0
    var high = norms.count
    while low < high {
      let middle = (low + high) / 2
      if norms[middle] < smallestUsable { low = middle + 1 } else { high = middle }
    }
    if low < norms.count {
      bySimilarity = needed * (norm * norms[low]).squareRoot() - query.stopWeight
    }
    let estimate = max(0, min(byCoverage, bySimilarity, norm) * (1 - 1e-9))
    if estimate == 0 || reachableScore(sharing: estimate) < cutoff { return estimate }
    return bisectedMinimumSharedWeight(toPass: cutoff)
  }

  /// ``minimumSharedWeight(toPass:)`` by bisection, for when rounding defeats the closed
  /// form: `low` always falls short of the cutoff, so it is never above the true minimum.
  /// Twenty-four steps leave a gap of 6e-8 of the norm.
  func bisectedMinimumSharedWeight(toPass cutoff: Double) -> Double {
    var low = 0.0
    var high = min(query.norm, query.regularNorm)
    for _ in 0..<24 {
      let middle = (low + high) / 2
      if reachableScore(sharing: middle) >= cutoff { high = middle } else { low = middle }
    }
    return low
  }

  /// Works out the bound of `faq` and queues it, unless it is left out.
  ///
  /// The weights of terms not read yet count in full, as if the FAQ had them all.
  private mutating func bound(_ faq: Int) {
    flags[faq] |= Scoring.boundedFlag
    let shape = tables.index.boundShapes[faq]
    if nowTime >= tables.expiryTimes[faq] { return }
    let counts = hits(of: faq)
    guard counts.firstExclusion < 0, shape.isSmallTalk || query.hasRegularContent else {
      return
    }
    let norm = shape.isSmallTalk ? query.norm : query.regularNorm
    guard norm > 0 else { return }
    let shared = partialShared[faq] + unreadWeight
    let weights = tables.weights
    let coverage = min(1, shared / norm) * weights.coverage
    let phrases = Double(min(weights.bigrams, Int(phraseCount(of: faq)))) * weights.bigram
    let similarity = tables.similarityBound(
      shared: shared + query.stopWeight, norm: norm, shape: shape)
    let bound = min(
      1, max(similarity + phrases, coverage) + tables.keywordBonus(counts.keywordGroups))
    pending.append(.init(bound: bound, faq: faq))
  }

  /// Scores in full the few queued FAQs with the highest bounds, so that the cutoff can
  /// drop the rest of the queue at once.
  mutating func scoreSeeds() {
    let room = Matcher.seedCount + 1
    withUnsafeTemporaryAllocation(of: BoundHeap.Item.self, capacity: room) { buffer in
      let count = ScoringTables.highestBounds(
        in: pending, count: Matcher.seedCount, into: buffer)
      let seeds = UnsafeBufferPointer(rebasing: buffer[..<count])
      for item in seeds { scoreInFull(item.faq) }
      let floor = cutoff
      pending.removeAll { item in
        item.bound + Matcher.roundingSlack < floor || seeds.contains { $0.faq == item.faq }
      }
    }
  }

  /// Scores the queued FAQs from the highest bound down while their bound passes the
  /// cutoff; the others can never pass it, and are dropped.
  mutating func scoreWhileBoundsPass() {
    let floor = cutoff
    // Those that pass are kept at the front, in order; the queue's storage becomes the
    // heap's and then the queue's again, so that nothing is allocated.
    var passing: [BoundHeap.Item] = []
    swap(&passing, &pending)
    var kept = 0
    for index in passing.indices where passing[index].bound + Matcher.roundingSlack >= floor {
      passing[kept] = passing[index]
      kept += 1
    }
    passing.removeLast(passing.count - kept)
    var heap = BoundHeap(consume passing)
    while let top = heap.top, top.bound + Matcher.roundingSlack >= cutoff {
      _ = heap.pop()
      scoreInFull(top.faq)
    }
    pending = heap.emptiedStorage()
  }

  private mutating func scoreInFull(_ faq: Int) {
    // Nil when the FAQ's shared weight is still to be added up in the query's order.
    let shared: Double?
    if let skipped, Int(tables.index.examples[skipped].faq) == faq {
      shared = tables.coverageWithout(example: skipped, of: faq, query: query)
    } else if hasReadInQueryOrder {
      shared = partialShared[faq]
    } else {
      shared = nil
    }
    let scored: ScoredFAQ
    if weighsEveryExample {
      if !hasWeighedEveryExample {
        tables.addSharedWeights(ofEveryExample: query, to: &everyExampleShared)
        hasWeighedEveryExample = true
      }
      scored = tables.fullScore(
        of: faq, query: query, shared: shared ?? tables.sharedWeight(of: faq, query: query),
        hits: hits(of: faq), phraseHits: phraseCount(of: faq), skipping: skipped,
        exampleWeights: everyExampleShared, from: 0)
    } else {
      scored = tables.fullScore(
        of: faq, query: query, shared: shared, hits: hits(of: faq),
        phraseHits: phraseCount(of: faq), skipping: skipped, buffer: &exampleShared,
        codes: &termCodes)
    }
    // Moved up from the end to its place: the ranking is a strict order (ties in score
    // are broken by intent id), so this is where an insertion would put it.
    ranked.append(scored)
    var position = ranked.count - 1
    while position > 0, tables.precedes(ranked[position], ranked[position - 1]) {
      ranked.swapAt(position, position - 1)
      position -= 1
    }
    if updatesCutoff, scored.score >= cutoff {
      cutoff = tables.cutoff(
        ranked, answerThreshold: answerThreshold, choiceThreshold: choiceThreshold,
        margin: margin)
    }
  }
}
