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
  /// answer only). An FAQ with more than ``maskWidth`` examples lists all its terms as
  /// other terms.
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

  /// Lists the terms of each FAQ of `index`, as its FAQ and example postings have them.
  ///
  /// FAQ by FAQ, from its examples' terms, its keyword terms and its answer terms, with
  /// the credits of ``MatcherIndex/postingCredit(_:isRegularFAQ:isSmallTalkTerm:)``: the
  /// arrays are written in order, where gathering the postings term by term scattered
  /// every write across them.
  ///
  /// - Complexity: O(*n* log *n*) in each FAQ's terms.
  init(_ index: MatcherIndex) {
    let faqCount = index.entries.count
    let isStop = index.terms.isStop
    let isSmallTalkTerm = index.isSmallTalkTerm
    // Per term, the last FAQ that listed it, and where: each FAQ lists a term once.
    var listedBy = [Int32](repeating: -1, count: isStop.count)
    var place = [Int32](repeating: 0, count: isStop.count)
    var exampleTerms: [(term: Int32, mask: UInt64)] = []
    var otherTerms: [(term: Int32, credit: Double)] = []
    var starts: [Int32] = [0]
    var exampleTermEnds: [Int32] = []
    var maskStarts: [Int32] = [0]
    var terms: [Int32] = []
    var creditCodes: [UInt8] = []
    var creditValues: [Double] = []
    var overflowCredits: [Double] = []
    var masks: [UInt64] = []
    starts.reserveCapacity(faqCount + 1)
    exampleTermEnds.reserveCapacity(faqCount)
    maskStarts.reserveCapacity(faqCount + 1)
    // Room for every FAQ posting and example posting: more than the entries, which
    // share the postings of a term's examples in one FAQ and leave out its other stop
    // words, but not by much.
    let faqPostingCount = index.faqPostings.total
    let examplePostingCount = index.examplePostings.total
    terms.reserveCapacity(faqPostingCount + examplePostingCount / 4)
    creditCodes.reserveCapacity(faqPostingCount + examplePostingCount / 4)
    masks.reserveCapacity(examplePostingCount + faqCount)

    func append(_ term: Int32, credit: Double) {
      terms.append(term)
      var code = creditValues.firstIndex(of: credit).map(UInt8.init)
      if code == nil, creditValues.count < Int(Self.creditOverflow) {
        code = UInt8(creditValues.count)
        creditValues.append(credit)
      }
      if code == nil, overflowCredits.isEmpty {
        // Never with the index's credits; kept exact all the same.
        overflowCredits = Array(repeating: 0, count: terms.count - 1)
      }
      creditCodes.append(code ?? Self.creditOverflow)
      if !overflowCredits.isEmpty { overflowCredits.append(credit) }
    }

    for faq in 0..<faqCount {
      let examples = index.entries[faq].examples
      let isRegular = !index.entries[faq].isSmallTalk
      let hasMasks = examples.count <= Self.maskWidth
      func credit(_ term: Int32, _ credit: Double) -> Double {
        // A stop word has no FAQ posting.
        guard !isStop[Int(term)] else { return 0 }
        return MatcherIndex.postingCredit(
          credit, isRegularFAQ: isRegular, isSmallTalkTerm: isSmallTalkTerm[Int(term)])
      }

      exampleTerms.removeAll(keepingCapacity: true)
      for example in examples {
        // An FAQ with too many examples for a mask lists all its terms as other terms.
        let bit: UInt64 = hasMasks ? 1 << UInt64(example - examples.lowerBound) : 0
        for term in index.examples[example].terms {
          if listedBy[Int(term)] == Int32(faq) {
            exampleTerms[Int(place[Int(term)])].mask |= bit
          } else {
            listedBy[Int(term)] = Int32(faq)
            place[Int(term)] = Int32(exampleTerms.count)
            exampleTerms.append((term, bit))
          }
        }
      }
      // The keywords' content terms count in full, the answer's others at half.
      otherTerms.removeAll(keepingCapacity: true)
      if !hasMasks { otherTerms = exampleTerms.map { ($0.term, credit($0.term, 1)) } }
      let keywordTerms = index.entries[faq].keywordTerms
      let answerTerms = index.entries[faq].answerTerms
      for (list, share) in [(keywordTerms, 1.0), (answerTerms, MatcherIndex.answerCredit)] {
        for term in list where !isStop[Int(term)] && listedBy[Int(term)] != Int32(faq) {
          listedBy[Int(term)] = Int32(faq)
          otherTerms.append((term, credit(term, share)))
        }
      }

      if hasMasks {
        exampleTerms.sort { $0.term < $1.term }
        for (term, mask) in exampleTerms {
          append(term, credit: credit(term, 1))
          masks.append(mask)
        }
      }
      exampleTermEnds.append(Int32(terms.count))
      masks.append(0)
      maskStarts.append(Int32(masks.count))
      otherTerms.sort { $0.term < $1.term }
      for (term, credit) in otherTerms { append(term, credit: credit) }
      starts.append(Int32(terms.count))
    }
    self.starts = starts
    self.exampleTermEnds = exampleTermEnds
    // Copied to their size: the room reserved above would otherwise stay with them.
    self.terms = Array(terms[...])
    self.creditCodes = Array(creditCodes[...])
    self.creditValues = creditValues
    self.overflowCredits = overflowCredits
    self.exampleMasks = Array(masks[...])
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
