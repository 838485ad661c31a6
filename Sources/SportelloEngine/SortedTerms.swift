/// Sets of term ids as sorted arrays without repeats, for building the index.
///
/// The index stores every term set sorted; building them as arrays, sorted once when
/// complete, costs less than hashing each id into a `Set` and sorting it afterwards.
enum SortedTerms {
  /// The ids of `terms` (term ids, or pairs of them) in ascending order, each once.
  ///
  /// Sorted and thinned in one copy of `terms`. Building the index calls this for every
  /// example and FAQ, mostly on a few dozen ids, which an insertion sort orders without
  /// the scratch buffer of the standard (stable) sort; equal ids are indistinguishable,
  /// so any sort gives the same result.
  static func unique<Term: FixedWidthInteger>(_ terms: [Term]) -> [Term] {
    var result = terms
    formUnique(&result)
    return result
  }

  /// Sorts and thins `terms` in place, as ``unique(_:)`` does in a copy: a message's
  /// terms are thinned in storage kept from one message to the next.
  static func formUnique<Term: FixedWidthInteger>(_ terms: inout [Term]) {
    guard terms.count > 1 else { return }
    let count = terms.withUnsafeMutableBufferPointer { buffer -> Int in
      if buffer.count <= insertionSortLimit {
        for index in 1..<buffer.count {
          let term = buffer[index]
          var place = index
          while place > 0, buffer[place - 1] > term {
            buffer[place] = buffer[place - 1]
            place -= 1
          }
          buffer[place] = term
        }
      } else {
        buffer.sort()
      }
      var written = 1
      for index in 1..<buffer.count where buffer[index] != buffer[written - 1] {
        buffer[written] = buffer[index]
        written += 1
      }
      return written
    }
    terms.removeLast(terms.count - count)
  }

  /// The most ids ``unique(_:)`` orders by insertion.
  static let insertionSortLimit = 32

  /// The ids of sorted, unique `terms` that are not in sorted, unique `removed`.
  static func subtracting(_ removed: [Int32], from terms: [Int32]) -> [Int32] {
    var result: [Int32] = []
    result.reserveCapacity(terms.count)
    var next = 0
    for term in terms {
      while next < removed.count, removed[next] < term { next += 1 }
      if next < removed.count, removed[next] == term { continue }
      result.append(term)
    }
    return result
  }

  /// An example's terms (sorted, unique `all`) with the words of its phrases replaced by
  /// their concepts, stop words kept: every term of `sequence` leaves, every term of
  /// `conceptual` comes in.
  static func replacingPhrases(
    _ all: [Int32], sequence: [Int32], conceptual: [Int32]
  ) -> [Int32] {
    guard sequence != conceptual else { return all }
    return unique(subtracting(unique(sequence), from: all) + conceptual)
  }
}
