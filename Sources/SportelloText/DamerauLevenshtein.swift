/// The Damerau-Levenshtein distance between two strings, in its optimal string
/// alignment form (OSA).
///
/// Insertions, deletions, substitutions and transpositions of two adjacent
/// letters each cost 1; as in every OSA distance, no substring is edited twice,
/// so `ca` → `abc` costs 3 rather than 2. Strings are compared by Unicode
/// scalar.
///
///     damerauLevenshtein("residneza", "residenza")   // 1 (a transposition)
///     damerauLevenshtein("identià", "identità")      // 1 (an insertion)
///
/// - Complexity: O(*n* × *m*).
public func damerauLevenshtein(_ a: String, _ b: String) -> Int {
  let left = ScalarString.scalars(of: a)
  let right = ScalarString.scalars(of: b)
  return left.withUnsafeBufferPointer { left in
    right.withUnsafeBufferPointer { right in
      EditDistance.optimalStringAlignment(left, right, maximum: Int.max) ?? Int.max
    }
  }
}

/// The distance computations behind ``damerauLevenshtein(_:_:)`` and
/// ``TypoVocabulary``.
enum EditDistance {
  /// The OSA distance of `a` and `b`, or `nil` when it exceeds `maximum`.
  ///
  /// Stops as soon as a whole row exceeds `maximum`, so a bounded check of two
  /// unrelated words costs a few rows only.
  static func optimalStringAlignment(
    _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, maximum: Int
  ) -> Int? {
    let n = a.count
    let m = b.count
    if abs(n - m) > maximum { return nil }
    if n == 0 { return m }
    if m == 0 { return n }
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { rows in
      var beforePrevious = rows.baseAddress.unsafelyUnwrapped
      var previous = beforePrevious + (m + 1)
      var current = previous + (m + 1)
      for j in 0...m {
        previous[j] = j
        beforePrevious[j] = 0
      }
      for i in 1...n {
        current[0] = i
        var rowMinimum = i
        let letter = a[i - 1]
        for j in 1...m {
          let cost = letter == b[j - 1] ? 0 : 1
          var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          if i > 1, j > 1, letter == b[j - 2], a[i - 2] == b[j - 1] {
            value = Swift.min(value, beforePrevious[j - 2] + 1)
          }
          current[j] = value
          rowMinimum = Swift.min(rowMinimum, value)
        }
        if rowMinimum > maximum { return nil }
        let recycled = beforePrevious
        beforePrevious = previous
        previous = current
        current = recycled
      }
      let distance = previous[m]
      return distance <= maximum ? distance : nil
    }
  }
}
