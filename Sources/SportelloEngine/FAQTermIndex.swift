/// For every FAQ, its terms in ascending order, each with its credit there and the
/// examples of the FAQ that have it.
///
/// The forward view of ``MatcherIndex/faqPostings`` and ``MatcherIndex/examplePostings``:
/// scoring one FAQ in full looks each of the message's terms up here, in one short list
/// that sits together in memory, instead of searching the posting list of every term,
/// which with a large rule set is long and scattered.
struct FAQTermIndex: Sendable {
  /// How many examples (title included) an FAQ may have for its terms to carry an
  /// ``exampleMasks`` entry: one bit per example.
  static let maskWidth = UInt64.bitWidth

  /// Where each FAQ's terms start in `terms`; one more entry than FAQs.
  private let starts: [Int32]

  /// Every FAQ's terms, ascending, FAQ after FAQ: its content terms (examples, title,
  /// keywords and answer) and the stop words of its examples.
  let terms: [Int32]

  /// The credit of each of `terms` in its FAQ, as in ``MatcherIndex/faqPostings``; 0 for
  /// a stop word.
  let credits: [Double]

  /// For each of `terms`, the FAQ's examples that have it: bit `i` for the example at
  /// offset `i` of the FAQ's range. Zero for a term of the keywords or answer only, and
  /// for every term of an FAQ with more than ``maskWidth`` examples.
  let exampleMasks: [UInt64]

  /// Gathers the postings of `index` FAQ by FAQ.
  ///
  /// Terms are walked in ascending order and each posting is placed under its FAQ, so
  /// every FAQ's list comes out sorted without a sort.
  ///
  /// - Complexity: O(*f* + *e* + *n*) for *f* FAQ postings, *e* example postings and *n*
  ///   FAQs and examples.
  init(_ index: MatcherIndex) {
    let faqCount = index.entries.count
    let faqPostings = index.faqPostings
    let examplePostings = index.examplePostings
    var exampleFAQs = [Int32](repeating: 0, count: index.examples.count)
    var exampleOffsets = [Int](repeating: 0, count: index.examples.count)
    var hasMasks = [Bool](repeating: false, count: faqCount)
    for (faq, entry) in index.entries.enumerated() {
      hasMasks[faq] = entry.examples.count <= Self.maskWidth
      for example in entry.examples {
        exampleFAQs[example] = Int32(faq)
        exampleOffsets[example] = example - entry.examples.lowerBound
      }
    }
    let termCount = max(faqPostings.termCount, examplePostings.termCount)

    // Each term's entries: one per FAQ that has it, from both posting lists, which are
    // ascending by FAQ (examples are numbered FAQ by FAQ).
    func forEachEntry(_ body: (_ term: Int32, _ faq: Int32, Double, UInt64) -> Void) {
      for term in 0..<Int32(termCount) {
        let faqs = term < faqPostings.termCount ? faqPostings.positions(of: term) : 0..<0
        let examples =
          term < examplePostings.termCount ? examplePostings.positions(of: term) : 0..<0
        var nextFAQ = faqs.lowerBound
        var nextExample = examples.lowerBound
        while nextFAQ < faqs.upperBound || nextExample < examples.upperBound {
          let fromFAQs = nextFAQ < faqs.upperBound ? faqPostings[nextFAQ].faq : .max
          let fromExamples =
            nextExample < examples.upperBound
            ? exampleFAQs[Int(examplePostings[nextExample])] : .max
          let faq = min(fromFAQs, fromExamples)
          var credit = 0.0
          if fromFAQs == faq {
            credit = faqPostings[nextFAQ].credit
            nextFAQ += 1
          }
          var mask: UInt64 = 0
          while nextExample < examples.upperBound,
            exampleFAQs[Int(examplePostings[nextExample])] == faq
          {
            let example = Int(examplePostings[nextExample])
            if hasMasks[Int(faq)] { mask |= 1 << UInt64(exampleOffsets[example]) }
            nextExample += 1
          }
          body(term, faq, credit, mask)
        }
      }
    }

    var starts = [Int32](repeating: 0, count: faqCount + 1)
    forEachEntry { _, faq, _, _ in starts[Int(faq) + 1] += 1 }
    for faq in 0..<faqCount { starts[faq + 1] += starts[faq] }
    let total = Int(starts[faqCount])
    var terms = [Int32](repeating: 0, count: total)
    var credits = [Double](repeating: 0, count: total)
    var masks = [UInt64](repeating: 0, count: total)
    var next = starts
    forEachEntry { term, faq, credit, mask in
      let position = Int(next[Int(faq)])
      terms[position] = term
      credits[position] = credit
      masks[position] = mask
      next[Int(faq)] += 1
    }
    self.starts = starts
    self.terms = terms
    self.credits = credits
    self.exampleMasks = masks
  }

  /// The positions of `faq`'s terms in ``terms``.
  func positions(of faq: Int) -> Range<Int> { Int(starts[faq])..<Int(starts[faq + 1]) }

  /// The position of `term` among `faq`'s terms (a binary search in its short list), or
  /// nil when the FAQ does not have it.
  ///
  /// - Complexity: O(log n) in the FAQ's terms.
  @inline(__always)
  func position(of term: Int32, in faq: Int) -> Int? {
    var low = Int(starts[faq])
    var high = Int(starts[faq + 1])
    let end = high
    terms.withUnsafeBufferPointer { terms in
      while low < high {
        // A shift, not a division: both are positions, never negative.
        let middle = (low &+ high) &>> 1
        if terms[middle] < term { low = middle + 1 } else { high = middle }
      }
    }
    return low < end && terms[low] == term ? low : nil
  }
}
