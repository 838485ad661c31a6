/// For every term, the ascending list of things (FAQs or examples) that have it, stored
/// in one flat array.
///
/// One array instead of an array per term: reading a term's postings copies nothing and
/// touches no reference count, which matters when every message reads dozens of lists.
struct PostingLists<Element: Sendable>: Sendable {
  /// Where each term's postings start in `elements`; one more entry than terms.
  private let starts: [Int32]

  /// Every posting, term after term.
  private let elements: [Element]

  /// Flattens `lists`, one list per term.
  init(_ lists: [[Element]]) {
    var starts: [Int32] = [0]
    starts.reserveCapacity(lists.count + 1)
    var elements: [Element] = []
    elements.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    for list in lists {
      elements += list
      starts.append(Int32(elements.count))
    }
    self.starts = starts
    self.elements = elements
  }

  /// Gathers `postings`, each a term and one of its elements, into one list per term, the
  /// elements of a term in the order `postings` gives them.
  ///
  /// Counting the postings of each term first and then placing them costs two passes
  /// over one flat array, instead of growing an array for every term.
  ///
  /// - Parameters:
  ///   - termCount: How many terms there are; every term of `postings` is below it.
  ///   - postings: The postings, in any order of terms.
  /// - Complexity: O(*n* + `termCount`) for *n* postings.
  init(termCount: Int, postings: [(term: Int32, element: Element)]) {
    var starts = [Int32](repeating: 0, count: termCount + 1)
    for posting in postings { starts[Int(posting.term) + 1] += 1 }
    for term in 0..<termCount { starts[term + 1] += starts[term] }

    // Each term's next free position, from its start; every position is written once.
    var next = starts
    self.elements = [Element](unsafeUninitializedCapacity: postings.count) { buffer, count in
      for posting in postings {
        let position = Int(next[Int(posting.term)])
        (buffer.baseAddress.unsafelyUnwrapped + position).initialize(to: posting.element)
        next[Int(posting.term)] += 1
      }
      count = postings.count
    }
    self.starts = starts
  }

  /// The positions of `term`'s postings, for ``subscript(_:)-(Int)``.
  func positions(of term: Int32) -> Range<Int> {
    Int(starts[Int(term)])..<Int(starts[Int(term) + 1])
  }

  /// How many postings there are, of all terms.
  var total: Int { elements.count }

  /// How many terms there are lists for.
  var termCount: Int { starts.count - 1 }

  /// How many postings `term` has.
  func count(of term: Int32) -> Int { positions(of: term).count }

  /// Calls `body` with the postings of `term`, in order, as contiguous memory.
  ///
  /// For the loops that read every posting of a message's terms, which with a large rule
  /// set are most of the work: through the buffer they run without a bounds check per
  /// posting. The buffer points into this value's storage and is valid only inside `body`.
  func withPostings<Result>(
    of term: Int32, _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    let range = positions(of: term)
    return try elements.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[range]))
    }
  }

  /// The first index of `postings` whose key is not below `key`, for a buffer sorted by
  /// `key` (such as one given by ``withPostings(of:_:)``).
  ///
  /// - Complexity: O(log n).
  static func firstIndex(
    in postings: UnsafeBufferPointer<Element>, notBelow key: Int32, by keyOf: (Element) -> Int32
  ) -> Int {
    var low = 0
    var high = postings.count
    while low < high {
      let middle = (low + high) / 2
      if keyOf(postings[middle]) < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The posting at `position`.
  subscript(_ position: Int) -> Element { elements[position] }

  /// The first position in `positions` whose posting's key is not below `key`, for lists
  /// sorted by `key`.
  ///
  /// - Complexity: O(log n).
  func firstPosition(
    in positions: Range<Int>, notBelow key: Int32, by keyOf: (Element) -> Int32
  ) -> Int {
    var low = positions.lowerBound
    var high = positions.upperBound
    while low < high {
      let middle = (low + high) / 2
      if keyOf(elements[middle]) < key { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// An FAQ that has a term, with the term's credit there.
struct FAQPosting: Sendable {
  /// The FAQ.
  var faq: Int32
  /// 1 for a term of its examples, title or keywords, ``MatcherIndex/answerCredit`` for a
  /// term of its answer only; lowered for small-talk terms in other FAQs.
  var credit: Double
}
