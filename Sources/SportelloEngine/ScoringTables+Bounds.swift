extension ScoringTables {
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
  ///
  /// - Parameters:
  ///   - answerThreshold: The rules' `soglia_risposta`.
  ///   - choiceThreshold: The rules' `soglia_scelta`.
  ///   - margin: The rules' `margine`.
  func cutoff(
    _ ranked: [ScoredFAQ], answerThreshold: Double, choiceThreshold: Double, margin: Double
  ) -> Double {
    guard ranked.count >= 5 else { return -.infinity }
    var regularCount = 0
    var runnerUp = -Double.infinity
    // The margin is taken over the first FAQ after the best that has its required words
    // (``Matcher/lead(of:over:)``): an FAQ below the best by more than the margin cannot
    // change that, nor one below the contender found so far.
    var contenderFloor = -Double.infinity
    var hasContender = false
    var optionFloor = choiceThreshold
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
        optionFloor = max(choiceThreshold, item.score - Matcher.optionWindow)
        contenderFloor = item.score - margin
      }
      if regularCount == 2 { runnerUp = item.score }
      if regularCount >= 2, !hasContender, item.missingRequiredGroups == 0 {
        hasContender = true
        contenderFloor = max(contenderFloor, item.score)
      }
      // Only an FAQ with its required words is offered (``Matcher``'s menu): three that
      // lack them must not raise the cutoff above the options still to be found.
      if item.score >= optionFloor, !isHandover[item.faq], item.missingRequiredGroups == 0 {
        optionCount += 1
        if optionCount == 3 { thirdOption = item.score }
      }
    }
    return min(
      ranked[4].score, runnerUp, contenderFloor, thirdOption ?? optionFloor,
      max(bestSmallTalk ?? answerThreshold, answerThreshold))
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

  /// The FAQs with an example that has one of the message's two-word phrases, ascending,
  /// and how many of the phrases each has.
  func sharedPhraseCounts(_ query: Query) -> (faqs: [Int], counts: [UInt8]) {
    guard !query.bigrams.isEmpty else { return ([], []) }
    // Each phrase's list holds an FAQ once, so an FAQ's count is how often it appears.
    var all: [Int32] = []
    for bigram in query.bigrams {
      guard let faqs = index.faqsByBigram[bigram] else { continue }
      // Room for several phrases' lists at the first one, rather than growing list by list.
      if all.isEmpty { all.reserveCapacity(Swift.max(64, faqs.count)) }
      all += faqs
    }
    // Most messages share no phrase with any example: nothing more is allocated for them.
    guard !all.isEmpty else { return ([], []) }
    all.sort()
    var faqs: [Int] = []
    var counts: [UInt8] = []
    faqs.reserveCapacity(all.count)
    counts.reserveCapacity(all.count)
    for faq in all {
      if faqs.last == Int(faq) {
        if counts[counts.count - 1] < UInt8.max { counts[counts.count - 1] += 1 }
      } else {
        faqs.append(Int(faq))
        counts.append(1)
      }
    }
    return (faqs, counts)
  }

  /// Writes the `count` items with the highest bounds, highest first, to the start of
  /// `highest`, which has room for `count + 1`, and returns how many it wrote.
  ///
  /// The caller lends room on the stack: an array would be allocated for every message.
  ///
  /// - Complexity: O(n × count), close to O(n) since most items fail the first comparison.
  static func highestBounds(
    in items: [BoundHeap.Item], count: Int, into highest: UnsafeMutableBufferPointer<BoundHeap.Item>
  ) -> Int {
    var kept = 0
    for item in items where kept < count || item.bound > highest[kept - 1].bound {
      // Added at the end and moved up past the lower bounds.
      highest[kept] = item
      var position = kept
      kept += 1
      while position > 0, item.bound > highest[position - 1].bound {
        highest.swapAt(position, position - 1)
        position -= 1
      }
      if kept > count { kept -= 1 }
    }
    return kept
  }
}
