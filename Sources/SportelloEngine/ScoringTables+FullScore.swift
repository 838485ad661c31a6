import Foundation

extension ScoringTables {
  /// The exact score of one FAQ: its best example, its coverage and its keyword groups.
  ///
  /// - Parameters:
  ///   - faqShared: The weight the FAQ shares with the query (see ``sharedWeight(of:query:)``),
  ///     or nil to add it up here, with the same sum, from the credits of the FAQ's terms.
  ///   - hits: What occurs of the FAQ's keyword and required groups.
  ///   - phraseHits: How many of the message's two-word phrases the FAQ has anywhere.
  ///   - buffer: Scratch space for the examples' shared weights, at least as long as the
  ///     FAQ's examples; reused from one FAQ to the next.
  ///   - codes: The query's terms, coded (or not, if it has too many).
  func fullScore(
    of faq: Int, query: Query, shared faqShared: Double?, hits: PatternHits.Counts,
    phraseHits: UInt8, skipping skipped: Int?, buffer shared: inout [Double],
    codes: inout MessageTermCodes
  ) -> ScoredFAQ {
    let examples = exampleRanges[faq]
    guard examples.count <= FAQTermIndex.maskWidth else {
      return fullScoreFromPostings(
        of: faq, query: query, shared: faqShared, hits: hits, phraseHits: phraseHits,
        skipping: skipped, buffer: &shared)
    }
    let isSmallTalk = index.boundShapes[faq].isSmallTalk
    let contentWeights = isSmallTalk ? query.contentWeights : query.regularContentWeights
    for offset in 0..<examples.count { shared[offset] = 0 }

    // Content words first, in message order, then stop words, only where a content
    // word is shared: the order in which the weights add up is part of the result. Each
    // example's weights are added in the same order as term by term through the postings.
    let faqTerms = self.faqTerms
    // Where the FAQ has each term of the message: all found in one pass over its list
    // when the message's terms are coded, else searched one by one.
    let isCoded = codes.isCoded
    if isCoded { codes.match(faq, in: faqTerms) }
    let places = codes.found
    let stopCodes = query.contentTerms.count + 1
    @inline(__always) func place(of term: Int32, code: Int) -> Int? {
      guard isCoded else { return faqTerms.position(of: term, in: faq) }
      let place = places[code]
      return place >= 0 ? Int(place) : nil
    }
    let (maskBase, exampleTermEnd) = faqTerms.maskLayout(of: faq)
    var addedFAQShared = 0.0
    shared.withUnsafeMutableBufferPointer { shared in
      faqTerms.withExampleMasks { masks in
        for (position, term) in query.contentTerms.enumerated() {
          guard let found = place(of: term, code: position + 1) else { continue }
          if faqShared == nil {
            addedFAQShared += query.contentWeights[position] * faqTerms.credit(at: found)
          }
          var mask = masks[maskBase + min(found, exampleTermEnd)]
          let weight = contentWeights[position]
          while mask != 0 {
            shared[mask.trailingZeroBitCount] += weight
            mask &= mask - 1
          }
        }
        for (position, term) in query.stopTerms.enumerated() {
          guard let found = place(of: term, code: stopCodes + position) else { continue }
          var mask = masks[maskBase + min(found, exampleTermEnd)]
          let weight = query.stopWeights[position]
          while mask != 0 {
            let offset = mask.trailingZeroBitCount
            if shared[offset] > 0 { shared[offset] += weight }
            mask &= mask - 1
          }
        }
      }
    }
    return fullScore(
      of: faq, query: query, shared: faqShared ?? addedFAQShared, hits: hits,
      phraseHits: phraseHits, skipping: skipped, exampleWeights: shared,
      from: examples.lowerBound)
  }

  /// ``fullScore(of:query:shared:hits:phraseHits:skipping:buffer:)`` through the example
  /// postings, for an FAQ with too many examples for a mask (``FAQTermIndex/maskWidth``).
  private func fullScoreFromPostings(
    of faq: Int, query: Query, shared faqShared: Double?, hits: PatternHits.Counts,
    phraseHits: UInt8, skipping skipped: Int?, buffer shared: inout [Double]
  ) -> ScoredFAQ {
    let examples = exampleRanges[faq]
    let isSmallTalk = index.boundShapes[faq].isSmallTalk
    let contentWeights = isSmallTalk ? query.contentWeights : query.regularContentWeights
    let first = examples.lowerBound
    for offset in 0..<examples.count { shared[offset] = 0 }

    let postings = index.examplePostings
    var addedFAQShared = 0.0
    for (position, term) in query.contentTerms.enumerated() {
      if faqShared == nil {
        // Every term of an example is a term of its FAQ, with a credit above 0.
        let credit = self.credit(of: faq, for: term)
        guard credit > 0 else { continue }
        addedFAQShared += query.contentWeights[position] * credit
      }
      forEachExample(in: examples, having: term, postings) {
        shared[$0 - first] += contentWeights[position]
      }
    }
    for (position, term) in query.stopTerms.enumerated() {
      forEachExample(in: examples, having: term, postings) { example in
        if shared[example - first] > 0 { shared[example - first] += query.stopWeights[position] }
      }
    }
    return fullScore(
      of: faq, query: query, shared: faqShared ?? addedFAQShared, hits: hits,
      phraseHits: phraseHits, skipping: skipped, exampleWeights: shared, from: first)
  }

  /// The exact score of one FAQ, with its examples' shared weights already added up.
  ///
  /// - Parameters:
  ///   - exampleWeights: The weight each example of the FAQ shares with the query, added up
  ///     as ``fullScore(of:query:shared:hits:phraseHits:skipping:buffer:)`` adds it: that
  ///     of example `e` at `e - base`.
  ///   - base: The example whose weight is first in `exampleWeights`.
  @inline(__always)
  func fullScore(
    of faq: Int, query: Query, shared faqShared: Double, hits: PatternHits.Counts,
    phraseHits: UInt8, skipping skipped: Int?, exampleWeights shared: [Double], from base: Int
  ) -> ScoredFAQ {
    let isSmallTalk = index.boundShapes[faq].isSmallTalk
    let norm = isSmallTalk ? query.norm : query.regularNorm
    var best = 0.0
    var bestExample: Int?
    let examples = exampleRanges[faq]
    // On the raw buffers: most examples share nothing and are passed over after one load,
    // which a bounds check per example doubled. Every example of the FAQ is below the
    // length of `exampleNorms`, and at `base` or after in `shared` (the caller's promise).
    precondition(examples.isEmpty || examples.upperBound - base <= shared.count)
    shared.withUnsafeBufferPointer { shared in
      exampleNorms.withUnsafeBufferPointer { exampleNorms in
        for example in examples where example != skipped && shared[example - base] > 0 {
          let weight = shared[example - base]
          let phrases =
            phraseHits == 0
            ? 0
            : min(
              weights.bigrams,
              Matcher.sharedCount(query.bigrams, index.examples[example].bigrams))
          let similarity =
            (weight / norm * weight / exampleNorms[example]).squareRoot()
            + Double(phrases) * weights.bigram
          if similarity > best {
            best = similarity
            bestExample = example
          }
        }
      }
    }
    let coverage = min(1, faqShared / norm)
    let keywords = keywordBonus(hits.keywordGroups)
    let raw = min(1, max(best, coverage * weights.coverage) + keywords)
    return ScoredFAQ(
      faq: faq, score: (raw * 10_000).rounded() / 10_000, exampleScore: min(1, best),
      bestExample: bestExample, coverage: coverage,
      matchedKeywordGroups: Int(hits.keywordGroups),
      missingRequiredGroups: requiredGroupCounts[faq] - Int(hits.requiredGroups))
  }

  /// How many example postings the query's terms have: the work of
  /// ``addSharedWeights(ofEveryExample:to:)``, which reads them all.
  func examplePostingCount(of query: Query) -> Int {
    let postings = index.examplePostings
    var count = 0
    for term in query.contentTerms { count += postings.count(of: term) }
    for term in query.stopTerms { count += postings.count(of: term) }
    return count
  }

  /// Adds to `shared` the weight every example of the rules shares with the query, by
  /// example, term after term as
  /// ``fullScore(of:query:shared:hits:phraseHits:skipping:buffer:codes:)`` adds it up
  /// example by example: for each example the content terms in message order, then the
  /// stop terms only where a content term is shared, so the sums are the same.
  ///
  /// With few FAQs, one pass over the postings costs less than a binary search of every
  /// term for each FAQ scored in full. The buffer is the caller's, kept between messages:
  /// a fresh one per message cost an allocation and the zeroing of every example, more
  /// than the pass itself; ``clearSharedWeights(ofEveryExample:in:)`` zeroes it again.
  ///
  /// - Parameters:
  ///   - query: The query.
  ///   - shared: One entry per example of the rules, all 0.
  /// - Complexity: O(n) for *n* postings of the query's terms.
  func addSharedWeights(ofEveryExample query: Query, to shared: inout [Double]) {
    precondition(shared.count == exampleNorms.count, "one entry per example")
    let postings = index.examplePostings
    let isSmallTalk = exampleIsSmallTalk
    // On the raw buffers: every posting is an example, below the length of both arrays.
    shared.withUnsafeMutableBufferPointer { shared in
      isSmallTalk.withUnsafeBufferPointer { isSmallTalk in
        for position in query.contentTerms.indices {
          let weight = query.contentWeights[position]
          let regularWeight = query.regularContentWeights[position]
          postings.withPostings(of: query.contentTerms[position]) { list in
            for example in list {
              shared[Int(example)] += isSmallTalk[Int(example)] ? weight : regularWeight
            }
          }
        }
        for position in query.stopTerms.indices {
          let weight = query.stopWeights[position]
          postings.withPostings(of: query.stopTerms[position]) { list in
            for example in list where shared[Int(example)] > 0 {
              shared[Int(example)] += weight
            }
          }
        }
      }
    }
  }

  /// Zeroes in `shared` what ``addSharedWeights(ofEveryExample:to:)`` added for `query`.
  ///
  /// Only the examples of the content terms' postings were written: a stop term adds
  /// only where a content term already did.
  ///
  /// - Complexity: O(n) for *n* postings of the query's content terms.
  func clearSharedWeights(ofEveryExample query: Query, in shared: inout [Double]) {
    let postings = index.examplePostings
    shared.withUnsafeMutableBufferPointer { shared in
      for term in query.contentTerms {
        postings.withPostings(of: term) { list in
          for example in list { shared[Int(example)] = 0 }
        }
      }
    }
  }

  /// The weight the query shares with `faq`: its terms' weights times their credit in
  /// the FAQ, added in the query's order.
  func sharedWeight(of faq: Int, query: Query) -> Double {
    var shared = 0.0
    for (position, term) in query.contentTerms.enumerated() {
      let credit = self.credit(of: faq, for: term)
      if credit > 0 { shared += query.contentWeights[position] * credit }
    }
    return shared
  }

  /// The credit of `term` in `faq` (1 in its examples, title or keywords, less in its
  /// answer or for small talk), or 0 when the FAQ does not have it.
  func credit(of faq: Int, for term: Int32) -> Double {
    guard let found = faqTerms.position(of: term, in: faq) else { return 0 }
    return faqTerms.credit(at: found)
  }

  /// Calls `body` with each example in `examples` (one FAQ's) that has `term`, in order.
  private func forEachExample(
    in examples: Range<Int>, having term: Int32, _ postings: PostingLists<Int32>,
    _ body: (Int) -> Void
  ) {
    postings.withPostings(of: term) { list in
      var position = PostingLists.firstIndex(in: list, notBelow: Int32(examples.lowerBound)) {
        $0
      }
      let end = Int32(examples.upperBound)
      while position < list.count, list[position] < end {
        body(Int(list[position]))
        position += 1
      }
    }
  }

  /// The FAQ's shared weight with the query as if `example` were not written.
  func coverageWithout(example skipped: Int, of faq: Int, query: Query) -> Double {
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
}

extension Matcher {
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
