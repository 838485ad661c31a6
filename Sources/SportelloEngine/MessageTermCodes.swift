/// The terms of one message numbered so that an FAQ's term list can be matched against
/// them in one pass without a branch (``match(_:in:)``).
///
/// A content term's code is its position in ``Query/contentTerms`` plus one, a stop
/// word's comes after those; every other term of the rules has code 0. Searching an FAQ's
/// list for each term of the message instead branched on every step, and whether a
/// step went left or right was as good as random.
struct MessageTermCodes {
  /// Per term of the rules, its code in the message, or 0; all 0 between messages.
  private(set) var codes: [UInt8]

  /// Per code, where the FAQ matched last has the term in ``FAQTermIndex/terms``, or -1;
  /// slot 0 takes every term the message lacks.
  private(set) var found: [Int32]

  /// How many content terms have codes (from 1).
  private(set) var contentCount = 0

  /// How many stop words have codes (after the content terms).
  private(set) var stopCount = 0

  /// The most terms a message may have for its terms to be coded.
  static let mostCodes = Int(UInt8.max)

  /// Codes for rules of `termCount` terms, with no message coded.
  init(termCount: Int) {
    codes = Array(repeating: 0, count: termCount)
    found = Array(repeating: -1, count: Self.mostCodes + 1)
  }

  /// No room at all, for a value whose arrays have been handed on.
  init() {
    codes = []
    found = []
  }

  /// Whether the terms of a message are coded: they are unless it has more than
  /// ``mostCodes`` of them.
  var isCoded: Bool { contentCount + stopCount > 0 }

  /// Codes the terms of `query`, unless it has more than ``mostCodes``.
  mutating func code(_ query: Query) {
    guard query.contentTerms.count + query.stopTerms.count <= Self.mostCodes else { return }
    for (position, term) in query.contentTerms.enumerated() {
      codes[Int(term)] = UInt8(position + 1)
    }
    for (position, term) in query.stopTerms.enumerated() {
      codes[Int(term)] = UInt8(query.contentTerms.count + position + 1)
    }
    contentCount = query.contentTerms.count
    stopCount = query.stopTerms.count
  }

  /// Clears the codes of `query`, coded last, for the next message.
  mutating func clear(_ query: Query) {
    guard isCoded else { return }
    for term in query.contentTerms { codes[Int(term)] = 0 }
    for term in query.stopTerms { codes[Int(term)] = 0 }
    contentCount = 0
    stopCount = 0
  }

  /// Finds which of the message's terms `faq` has: afterwards ``found`` holds, for each
  /// code, the term's position in `index`'s ``FAQTermIndex/terms``, or -1.
  ///
  /// Every term of the FAQ's list is written to the place of its code, the terms the
  /// message lacks all to slot 0, so the pass has no branch but its loop.
  ///
  /// - Complexity: O(n) in the FAQ's terms, plus the message's.
  mutating func match(_ faq: Int, in index: FAQTermIndex) {
    let range = index.positions(of: faq)
    let used = contentCount + stopCount
    codes.withUnsafeBufferPointer { codes in
      found.withUnsafeMutableBufferPointer { found in
        for code in 1...max(1, used) { found[code] = -1 }
        index.terms.withUnsafeBufferPointer { terms in
          // Every term of the rules is below the length of `codes`, and every code at
          // most ``mostCodes``, below that of `found`.
          for position in range {
            found[Int(codes[Int(terms[position])])] = Int32(truncatingIfNeeded: position)
          }
        }
      }
    }
  }
}
