import Foundation

extension Matcher {
  /// How far below the best regular FAQ an FAQ may score and still be offered in a menu.
  static let optionWindow = 0.25

  /// Scores the FAQs that share a content term with the query, as far as the decision needs.
  ///
  /// Every such FAQ first gets a bound, the most it can score, from what is cheap to know:
  /// its coverage, its keyword groups, and the share of the message its examples can hold.
  /// FAQs are then scored in full from the highest bound down, until no bound left can
  /// change the top five candidates, the best and runner-up regular FAQ, the menu options
  /// or the best small talk: the result is the one scoring every FAQ would give.
  ///
  /// - Parameter skipped: An example left out (the overlap lint scores each example
  ///   as if it were not written, to see where else it would go).
  /// - Complexity: Linear in the postings of the message's terms, plus the examples of
  ///   the FAQs scored in full.
  func score(_ query: Query, now: Date, skipping skipped: Int? = nil) -> ScoredFAQs {
    let index = self.index
    var faqShared = [Double](repeating: 0, count: index.entries.count)
    var touchedFAQs: [Int] = []
    for (position, term) in query.contentTerms.enumerated() {
      let weight = query.contentWeights[position]
      for (faq, credit) in index.faqPostings[Int(term)] {
        if faqShared[Int(faq)] == 0 { touchedFAQs.append(Int(faq)) }
        faqShared[Int(faq)] += weight * credit
      }
    }
    if let skipped {
      let faq = Int(index.examples[skipped].faq)
      faqShared[faq] = coverageWithout(example: skipped, of: faq, query: query)
    }
    let hits = PatternHits(query: query, index: index)
    let phraseHits = sharedPhraseCounts(query)

    var result = ScoredFAQs()
    var pending: [BoundHeap.Item] = []
    pending.reserveCapacity(touchedFAQs.count)
    for faq in touchedFAQs {
      let entry = index.entries[faq]
      if let expiry = expiryInstants[faq], now >= expiry {
        result.excluded.append(.init(faq: faq, pattern: nil))
        continue
      }
      if hits.firstExclusion[faq] >= 0 {
        result.excluded.append(.init(faq: faq, pattern: Int(hits.firstExclusion[faq])))
        continue
      }
      guard entry.isSmallTalk || query.hasRegularContent else { continue }
      let norm = entry.isSmallTalk ? query.norm : query.regularNorm
      guard norm > 0 else { continue }
      let coverage = min(1, faqShared[faq] / norm) * weights.coverage
      let keywords = keywordBonus(hits.keywordGroups[faq])
      let phrases = Double(min(weights.bigrams, Int(phraseHits[faq]))) * weights.bigram
      let similarity = similarityBound(
        shared: faqShared[faq] + query.stopWeight, norm: norm, entry: entry)
      let bound = min(1, max(similarity + phrases, coverage) + keywords)
      pending.append(.init(bound: bound, faq: faq))
    }

    // A score is rounded to four decimals, so it may exceed its bound by half a unit.
    let roundingSlack = 0.000_1
    var heap = BoundHeap(pending)
    var exampleShared = [Double](repeating: 0, count: index.mostExamples)
    while let top = heap.top, top.bound + roundingSlack >= cutoff(result.ranked) {
      _ = heap.pop()
      let scored = fullScore(
        of: top.faq, query: query, shared: faqShared[top.faq], hits: hits, skipping: skipped,
        buffer: &exampleShared)
      let position = result.ranked.firstIndex { precedes(scored, $0) } ?? result.ranked.count
      result.ranked.insert(scored, at: position)
    }
    return result
  }

  /// Whether `lhs` ranks before `rhs`: higher score, then intent id in byte order.
  private func precedes(_ lhs: ScoredFAQ, _ rhs: ScoredFAQ) -> Bool {
    if lhs.score != rhs.score { return lhs.score > rhs.score }
    return index.idRanks[lhs.faq] < index.idRanks[rhs.faq]
  }

  /// The lowest score with which an FAQ not yet scored could still change the top five
  /// candidates, the runner-up, the menu options or the best small talk of `ranked`.
  private func cutoff(_ ranked: [ScoredFAQ]) -> Double {
    guard ranked.count >= 5 else { return -.infinity }
    let settings = ruleSet.settings
    var regularCount = 0
    var runnerUp = -Double.infinity
    var optionFloor = settings.choiceThreshold
    var optionCount = 0
    var thirdOption: Double?
    var bestSmallTalk: Double?
    for item in ranked {
      if index.entries[item.faq].isSmallTalk {
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
      bestSmallTalk ?? settings.answerThreshold)
  }

  /// The most an example of `entry` can score for its words, when the message shares at
  /// most `shared` of its weight with the FAQ.
  ///
  /// An example's similarity is `a / sqrt(norm × n)`, where `a` is the weight it shares
  /// and `n` its own norm; `a` is at most `shared` and at most `n` times the entry's
  /// coverable ratio. Over the entry's range of example norms that peaks where the two
  /// limits meet, or at the end of the range nearest to that point.
  private func similarityBound(shared: Double, norm: Double, entry: MatcherIndex.Entry) -> Double {
    let ratio = entry.coverableNormRatio
    let norms = entry.exampleNorms
    let peak = shared / ratio
    if peak <= norms.lowerBound { return shared / (norm * norms.lowerBound).squareRoot() }
    if peak >= norms.upperBound { return ratio * (norms.upperBound / norm).squareRoot() }
    return (ratio * shared / norm).squareRoot()
  }

  /// The bonus for `count` matched keyword groups.
  private func keywordBonus(_ count: UInt16) -> Double {
    Double(min(Int(count), weights.keywordGroups)) * weights.keyword
  }

  /// Per FAQ, how many of the message's two-word phrases occur in some example of it.
  private func sharedPhraseCounts(_ query: Query) -> [UInt8] {
    var counts = [UInt8](repeating: 0, count: index.entries.count)
    for bigram in query.bigrams {
      for faq in index.faqsByBigram[bigram] ?? [] where counts[Int(faq)] < UInt8.max {
        counts[Int(faq)] += 1
      }
    }
    return counts
  }

  /// The exact score of one FAQ: its best example, its coverage and its keyword groups.
  ///
  /// - Parameter buffer: Scratch space for the examples' shared weights, at least as long
  ///   as the FAQ's examples; reused from one FAQ to the next.
  private func fullScore(
    of faq: Int, query: Query, shared faqShared: Double, hits: PatternHits, skipping skipped: Int?,
    buffer shared: inout [Double]
  ) -> ScoredFAQ {
    let entry = index.entries[faq]
    let norm = entry.isSmallTalk ? query.norm : query.regularNorm
    let contentWeights = entry.isSmallTalk ? query.contentWeights : query.regularContentWeights
    let first = entry.examples.lowerBound
    for offset in 0..<entry.examples.count { shared[offset] = 0 }

    // Content words first, in message order, then stop words, only where a content
    // word is shared: the order in which the weights add up is part of the result.
    for (position, term) in query.contentTerms.enumerated() {
      forEachExample(of: entry, having: term) { shared[$0 - first] += contentWeights[position] }
    }
    for (position, term) in query.stopTerms.enumerated() {
      forEachExample(of: entry, having: term) { example in
        if shared[example - first] > 0 { shared[example - first] += query.stopWeights[position] }
      }
    }

    var best = 0.0
    var bestExample: Int?
    for example in entry.examples where example != skipped && shared[example - first] > 0 {
      let item = index.examples[example]
      let weight = shared[example - first]
      let phrases = min(weights.bigrams, Matcher.sharedCount(query.bigrams, item.bigrams))
      let similarity =
        (weight / norm * weight / item.norm).squareRoot() + Double(phrases) * weights.bigram
      if similarity > best {
        best = similarity
        bestExample = example
      }
    }
    let coverage = min(1, faqShared / norm)
    let keywords = keywordBonus(hits.keywordGroups[faq])
    let raw = min(1, max(best, coverage * weights.coverage) + keywords)
    return ScoredFAQ(
      faq: faq, score: (raw * 10_000).rounded() / 10_000, exampleScore: min(1, best),
      bestExample: bestExample, coverage: coverage,
      matchedKeywordGroups: Int(hits.keywordGroups[faq]),
      missingRequiredGroups: entry.requiredGroups.count - Int(hits.requiredGroups[faq]))
  }

  /// Calls `body` with each example of `entry` that has `term`, in order.
  private func forEachExample(
    of entry: MatcherIndex.Entry, having term: Int32, _ body: (Int) -> Void
  ) {
    let postings = index.examplePostings[Int(term)]
    var low = 0
    var high = postings.count
    let first = Int32(entry.examples.lowerBound)
    while low < high {
      let middle = (low + high) / 2
      if postings[middle] < first { low = middle + 1 } else { high = middle }
    }
    let end = Int32(entry.examples.upperBound)
    while low < postings.count, postings[low] < end {
      body(Int(postings[low]))
      low += 1
    }
  }

  /// The FAQ's shared weight with the query as if `example` were not written.
  private func coverageWithout(example skipped: Int, of faq: Int, query: Query) -> Double {
    let entry = index.entries[faq]
    var shared = 0.0
    for term in query.contentTerms {
      let inOtherExample = entry.examples.contains { example in
        example != skipped && Matcher.contains(index.examples[example].terms, term)
      }
      if inOtherExample || Matcher.contains(entry.keywordTerms, term) {
        shared += index.terms.weight(term)
      } else if Matcher.contains(entry.answerTerms, term) {
        shared += index.terms.weight(term) * MatcherIndex.answerCredit
      }
    }
    return shared
  }

  /// Whether the sorted array `terms` holds `term` (binary search).
  static func contains(_ terms: [Int32], _ term: Int32) -> Bool {
    var low = 0
    var high = terms.count
    while low < high {
      let middle = (low + high) / 2
      if terms[middle] < term { low = middle + 1 } else { high = middle }
    }
    return low < terms.count && terms[low] == term
  }

  /// How many values two sorted, unique arrays share.
  static func sharedCount(_ a: [Int64], _ b: [Int64]) -> Int {
    var i = 0
    var j = 0
    var count = 0
    while i < a.count, j < b.count {
      if a[i] == b[j] {
        count += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return count
  }
}
