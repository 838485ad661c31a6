/// Sets of term ids as sorted arrays without repeats, for building the index.
///
/// The index stores every term set sorted; building them as arrays, sorted once when
/// complete, costs less than hashing each id into a `Set` and sorting it afterwards.
enum SortedTerms {
  /// The ids of `terms` in ascending order, each once.
  static func unique(_ terms: [Int32]) -> [Int32] {
    guard terms.count > 1 else { return terms }
    let sorted = terms.sorted()
    var result: [Int32] = []
    result.reserveCapacity(sorted.count)
    for term in sorted where result.last != term { result.append(term) }
    return result
  }

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
