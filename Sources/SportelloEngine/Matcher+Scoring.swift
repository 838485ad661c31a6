import Foundation

extension Matcher {
  /// Scores every FAQ that shares a content term with the query.
  ///
  /// - Parameter skipped: An example left out (the overlap lint scores each example
  ///   as if it were not written, to see where else it would go).
  func score(_ query: Query, now: Date, skipping skipped: Int? = nil) -> ScoredFAQs {
    let index = self.index
    var exampleShared = [Double](repeating: 0, count: index.examples.count)
    var faqShared = [Double](repeating: 0, count: index.entries.count)
    var touchedFAQs: [Int] = []
    for term in query.contentTerms {
      let weight = index.terms.weight(term)
      let isSmallTalkTerm = index.isSmallTalkTerm[Int(term)]
      for example in index.examplePostings[Int(term)] {
        let isRegular = !index.entries[Int(index.examples[Int(example)].faq)].isSmallTalk
        exampleShared[Int(example)] +=
          isSmallTalkTerm && isRegular ? weight * MatcherIndex.smallTalkTermFactor : weight
      }
      for (faq, credit) in index.faqPostings[Int(term)] {
        if faqShared[Int(faq)] == 0 { touchedFAQs.append(Int(faq)) }
        faqShared[Int(faq)] += weight * credit
      }
    }
    if let skipped {
      exampleShared[skipped] = 0
      let faq = Int(index.examples[skipped].faq)
      faqShared[faq] = coverageWithout(example: skipped, of: faq, query: query)
    }
    var result = ScoredFAQs()
    for faq in touchedFAQs {
      let entry = index.entries[faq]
      let id = ruleSet.faqs[faq].id
      if let expiry = expiryInstants[faq], now >= expiry {
        result.excluded.append("\(id): expired")
        continue
      }
      if let exclusion = entry.exclusions.first(where: query.contains) {
        result.excluded.append("\(id): excluded by '\(exclusion.label)'")
        continue
      }
      guard entry.isSmallTalk || query.hasRegularContent else { continue }
      let norm = entry.isSmallTalk ? query.norm : query.regularNorm
      guard norm > 0 else { continue }
      var best = 0.0
      var bestExample: Int?
      for example in entry.examples where exampleShared[example] > 0 {
        let item = index.examples[example]
        var shared = exampleShared[example]
        for term in query.stopTerms where Matcher.contains(item.terms, term) {
          shared += index.terms.weight(term)
        }
        let phrases = min(weights.bigrams, Matcher.sharedCount(query.bigrams, item.bigrams))
        let similarity = (shared / norm * shared / item.norm).squareRoot()
          + Double(phrases) * weights.bigram
        if similarity > best {
          best = similarity
          bestExample = example
        }
      }
      let coverage = min(1, faqShared[faq] / norm)
      var matched: [String] = []
      for group in entry.keywordGroups {
        if let pattern = group.first(where: query.contains) { matched.append(pattern.label) }
      }
      let missing = entry.requiredGroups.filter { !$0.contains(where: query.contains) }
        .map { $0.map(\.label).joined(separator: ", ") }
      let keywords = Double(min(matched.count, weights.keywordGroups)) * weights.keyword
      let raw = min(1, max(best, coverage * weights.coverage) + keywords)
      result.ranked.append(
        ScoredFAQ(
          faq: faq, score: (raw * 10_000).rounded() / 10_000, exampleScore: min(1, best),
          bestExample: bestExample, coverage: coverage, matchedKeywords: matched,
          missingRequired: missing))
    }
    let faqs = ruleSet.faqs
    result.ranked.sort { lhs, rhs in
      if lhs.score != rhs.score { return lhs.score > rhs.score }
      return Array(faqs[lhs.faq].id.utf8).lexicographicallyPrecedes(faqs[rhs.faq].id.utf8)
    }
    return result
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
