/// For every FAQ, its terms, each with its credit there and the examples of the FAQ
/// that have it.
///
/// The forward view of ``MatcherIndex/faqPostings`` and ``MatcherIndex/examplePostings``:
/// scoring one FAQ in full looks each of the message's terms up here, in one short list
/// that sits together in memory, instead of searching the posting list of every term,
/// which with a large rule set is long and scattered.
struct FAQTermIndex: Sendable {
  /// How many examples (title included) an FAQ may have for its terms to carry an
  /// example mask: one bit per example.
  static let maskWidth = UInt64.bitWidth

  /// Where each FAQ's terms start in `terms`; one more entry than FAQs.
  private let starts: [Int32]

  /// Where each FAQ's terms of its examples end in `terms`, and its other terms begin.
  private let exampleTermEnds: [Int32]

  /// Every FAQ's terms, FAQ after FAQ: first, ascending, those of its examples and title
  /// (stop words included), then, ascending, its other content terms (of its keywords or
  /// answer only).
  let terms: [Int32]

  /// For each of `terms`, its credit in its FAQ as a number in `creditValues`, or
  /// `creditOverflow` when its credit is only in `overflowCredits`.
  private let creditCodes: [UInt8]

  /// The distinct credits of the FAQ postings: a handful (1, the answer's, and both
  /// lowered for small talk), so each entry keeps a byte instead of a `Double`.
  private let creditValues: [Double]

  /// Every entry's credit, only if the postings had more distinct credits than a byte
  /// can number; empty otherwise.
  private let overflowCredits: [Double]

  /// The code of a credit kept in `overflowCredits`.
  private static let creditOverflow = UInt8.max

  /// For each FAQ's terms of its examples, in the same order, the FAQ's examples that
  /// have it (bit `i` for the example at offset `i` of the FAQ's range), then one 0 for
  /// its other terms.
  private let exampleMasks: [UInt64]

  /// Where each FAQ's masks start in `exampleMasks`.
  private let maskStarts: [Int32]

  /// Gathers the postings of `index` FAQ by FAQ.
  ///
  /// Terms are walked in ascending order and each posting is placed under its FAQ, so
  /// every FAQ's two lists come out sorted without a sort.
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
    // ascending by FAQ (examples are numbered FAQ by FAQ). An FAQ with too many examples
    // for a mask lists all its terms as other terms.
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

    var exampleCounts = [Int32](repeating: 0, count: faqCount)
    var otherCounts = [Int32](repeating: 0, count: faqCount)
    forEachEntry { _, faq, _, mask in
      if mask != 0 { exampleCounts[Int(faq)] += 1 } else { otherCounts[Int(faq)] += 1 }
    }
    var starts = [Int32](repeating: 0, count: faqCount + 1)
    var maskStarts = [Int32](repeating: 0, count: faqCount + 1)
    for faq in 0..<faqCount {
      starts[faq + 1] = starts[faq] + exampleCounts[faq] + otherCounts[faq]
      maskStarts[faq + 1] = maskStarts[faq] + exampleCounts[faq] + 1
    }
    let total = Int(starts[faqCount])
    var terms = [Int32](repeating: 0, count: total)
    var creditCodes = [UInt8](repeating: 0, count: total)
    var creditValues: [Double] = []
    var overflowCredits: [Double] = []
    var masks = [UInt64](repeating: 0, count: Int(maskStarts[faqCount]))
    var nextExampleTerm = Array(starts.dropLast())
    var nextOtherTerm = (0..<faqCount).map { starts[$0] + exampleCounts[$0] }
    let exampleTermEnds = nextOtherTerm
    forEachEntry { term, faq, credit, mask in
      let faq = Int(faq)
      let position: Int
      if mask != 0 {
        position = Int(nextExampleTerm[faq])
        nextExampleTerm[faq] += 1
        masks[Int(maskStarts[faq]) + position - Int(starts[faq])] = mask
      } else {
        position = Int(nextOtherTerm[faq])
        nextOtherTerm[faq] += 1
      }
      terms[position] = term
      if let code = creditValues.firstIndex(of: credit) {
        creditCodes[position] = UInt8(code)
      } else if creditValues.count < Int(Self.creditOverflow) {
        creditCodes[position] = UInt8(creditValues.count)
        creditValues.append(credit)
      } else {
        // Never with the index's credits; kept exact all the same.
        if overflowCredits.isEmpty { overflowCredits = Array(repeating: 0, count: total) }
        creditCodes[position] = Self.creditOverflow
      }
      if !overflowCredits.isEmpty { overflowCredits[position] = credit }
    }
    self.starts = starts
    self.exampleTermEnds = exampleTermEnds
    self.terms = terms
    self.creditCodes = creditCodes
    self.creditValues = creditValues
    self.overflowCredits = overflowCredits
    self.exampleMasks = masks
    self.maskStarts = maskStarts
  }

  /// The positions of `faq`'s terms in ``terms``.
  func positions(of faq: Int) -> Range<Int> { Int(starts[faq])..<Int(starts[faq + 1]) }

  /// The position of `term` among `faq`'s terms (a binary search in each of its two
  /// short lists), or nil when the FAQ does not have it.
  ///
  /// - Complexity: O(log n) in the FAQ's terms.
  func position(of term: Int32, in faq: Int) -> Int? {
    let middle = Int(exampleTermEnds[faq])
    return Self.position(of: term, in: terms, Int(starts[faq])..<middle)
      ?? Self.position(of: term, in: terms, middle..<Int(starts[faq + 1]))
  }

  /// The position of `term` in the ascending `range` of `terms`, or nil.
  private static func position(of term: Int32, in terms: [Int32], _ range: Range<Int>) -> Int? {
    var low = range.lowerBound
    var high = range.upperBound
    terms.withUnsafeBufferPointer { terms in
      while low < high {
        // A shift, not a division: both are positions, never negative.
        let middle = (low &+ high) &>> 1
        if terms[middle] < term { low = middle + 1 } else { high = middle }
      }
    }
    return low < range.upperBound && terms[low] == term ? low : nil
  }

  /// The credit of the term at `position` of ``terms`` in its FAQ (as in
  /// ``MatcherIndex/faqPostings``), or 0 for a stop word.
  @inline(__always)
  func credit(at position: Int) -> Double {
    let code = creditCodes[position]
    return code == Self.creditOverflow ? overflowCredits[position] : creditValues[Int(code)]
  }

  /// Where `faq`'s example masks are read: the mask of the term at position `p` of
  /// ``terms`` is at `base + min(p, exampleTermEnd)` of ``exampleMasks(_:)``, which is 0
  /// for the FAQ's other terms.
  @inline(__always)
  func maskLayout(of faq: Int) -> (base: Int, exampleTermEnd: Int) {
    (Int(maskStarts[faq]) - Int(starts[faq]), Int(exampleTermEnds[faq]))
  }

  /// Calls `body` with the example masks, laid out as ``maskLayout(of:)`` tells.
  @inline(__always)
  func withExampleMasks<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
    exampleMasks.withUnsafeBufferPointer(body)
  }

  /// The examples of `faq` that have the term at `position` of ``terms``, as a mask: bit
  /// `i` for the example at offset `i` of the FAQ's range.
  func exampleMask(at position: Int, of faq: Int) -> UInt64 {
    let layout = maskLayout(of: faq)
    return exampleMasks[layout.base + min(position, layout.exampleTermEnd)]
  }
}
