/// A Snowball `among` list: suffixes grouped by their last letter, longest first,
/// so that the first match found is the longest one, as Snowball requires.
///
/// Stored flat (one array of letters, one of entries, one bucket per last
/// letter) so that matching allocates nothing and touches little memory.
struct SuffixTable: Sendable {
  /// Every suffix's letters, back to back, in bucket order.
  private let letters: [UInt32]

  /// Per entry, in bucket order: start in ``letters``, length and list index.
  private let entries: [(start: Int32, length: Int32, id: Int32)]

  /// For a last letter below 256, the range of its entries: `buckets[l]..<buckets[l + 1]`.
  private let buckets: [Int32]

  /// The length of each suffix, by its index in the list it was built from.
  let lengths: [Int]

  /// Builds a table; a match returns the suffix's index in `words`.
  init(_ words: [String]) {
    let suffixes = words.map { $0.unicodeScalars.map(\.value) }
    let order = suffixes.indices.sorted { a, b in
      let lastA = suffixes[a].last ?? 0
      let lastB = suffixes[b].last ?? 0
      if lastA != lastB { return lastA < lastB }
      if suffixes[a].count != suffixes[b].count { return suffixes[a].count > suffixes[b].count }
      return a < b
    }
    var letters: [UInt32] = []
    var entries: [(start: Int32, length: Int32, id: Int32)] = []
    var buckets = [Int32](repeating: 0, count: 257)
    for id in order {
      let suffix = suffixes[id]
      guard let last = suffix.last, last < 256 else { continue }
      entries.append((Int32(letters.count), Int32(suffix.count), Int32(id)))
      letters.append(contentsOf: suffix)
      buckets[Int(last) + 1] += 1
    }
    for index in 1..<buckets.count {
      buckets[index] += buckets[index - 1]
    }
    self.letters = letters
    self.entries = entries
    self.buckets = buckets
    lengths = suffixes.map(\.count)
  }

  /// The index of the longest suffix of `word[..<end]` that starts at or after
  /// `limit`, or `nil`.
  func longestMatch(in word: UnsafeBufferPointer<UInt32>, endingAt end: Int, limit: Int) -> Int? {
    guard end > 0 else { return nil }
    let last = word[end - 1]
    guard last < 256 else { return nil }
    let first = Int(buckets[Int(last)])
    let past = Int(buckets[Int(last) + 1])
    guard first < past else { return nil }
    return letters.withUnsafeBufferPointer { letters in
      entries.withUnsafeBufferPointer { entries in
        for entry in entries[first..<past] {
          let length = Int(entry.length)
          guard length <= end - limit else { continue }
          let start = Int(entry.start)
          var matches = true
          var offset = length - 2
          while offset >= 0 {
            if letters[start + offset] != word[end - length + offset] {
              matches = false
              break
            }
            offset -= 1
          }
          if matches { return Int(entry.id) }
        }
        return nil
      }
    }
  }
}
