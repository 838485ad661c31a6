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
    if maximum == 1 { return distanceWithinOne(a, b) }
    // No distance exceeds the longer length: a larger maximum only widens the band to
    // the whole row.
    return bandedOptimalStringAlignment(a, b, maximum: Swift.min(maximum, Swift.max(n, m)))
  }

  /// ``optimalStringAlignment(_:_:maximum:)`` with a maximum of 1, in one pass:
  /// the strings are equal (0), or differ by one substitution, one
  /// transposition of adjacent letters or one insertion (1), or are further
  /// apart (`nil`). Most candidates of a typo lookup are checked this way.
  ///
  /// - Complexity: O(*n*).
  private static func distanceWithinOne(
    _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>
  ) -> Int? {
    let (shorter, longer) = a.count <= b.count ? (a, b) : (b, a)
    var index = 0
    while index < shorter.count, shorter[index] == longer[index] { index += 1 }
    if index == shorter.count { return longer.count - shorter.count }
    if shorter.count == longer.count {
      // One substitution, or one transposition of `index` and `index + 1`.
      var rest = index + 1
      if rest < shorter.count, shorter[index] == longer[rest], shorter[rest] == longer[index] {
        rest += 1
      }
      while rest < shorter.count {
        if shorter[rest] != longer[rest] { return nil }
        rest += 1
      }
      return 1
    }
    // One insertion into the shorter, at `index`.
    while index < shorter.count {
      if shorter[index] != longer[index + 1] { return nil }
      index += 1
    }
    return 1
  }

  /// ``optimalStringAlignment(_:_:maximum:)`` for a `maximum` up to the longer length:
  /// only the cells within `maximum` of the diagonal are computed (Ukkonen's band), as
  /// any alignment that strays further costs more than `maximum`.
  ///
  /// Cells just outside the band hold `maximum + 1`, which stands for any
  /// larger value, so every distance within `maximum` comes out exact.
  ///
  /// - Complexity: O(*n* × `maximum`).
  private static func bandedOptimalStringAlignment(
    _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, maximum: Int
  ) -> Int? {
    let n = a.count
    let m = b.count
    let beyond = maximum + 1
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { rows in
      var beforePrevious = rows.baseAddress.unsafelyUnwrapped
      var previous = beforePrevious + (m + 1)
      var current = previous + (m + 1)
      for j in 0...m {
        previous[j] = j <= maximum ? j : beyond
        beforePrevious[j] = beyond
        current[j] = beyond
      }
      for i in 1...n {
        let low = Swift.max(1, i - maximum)
        let high = Swift.min(m, i + maximum)
        // The cells left and right of the band are read by this row and the
        // next two; they stand for "more than `maximum`".
        current[low - 1] = low == 1 ? (i <= maximum ? i : beyond) : beyond
        if high < m { current[high + 1] = beyond }
        var rowMinimum = current[low - 1]
        let letter = a[i - 1]
        var j = low
        while j <= high {
          let cost = letter == b[j - 1] ? 0 : 1
          var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          if i > 1, j > 1, letter == b[j - 2], a[i - 2] == b[j - 1] {
            value = Swift.min(value, beforePrevious[j - 2] + 1)
          }
          current[j] = value
          rowMinimum = Swift.min(rowMinimum, value)
          j += 1
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
