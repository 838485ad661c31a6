/// A set of folded words kept as their letters (Unicode scalar values), back to
/// back in one array, with an open-addressing table over them.
///
/// Words are numbered 0, 1, 2, … in the order they were first inserted, so the set also
/// serves as the table of ``Lexicon``, whose entries are found by that number.
///
/// Built for a large fixed word list such as ``ItalianLexicon``: a word costs
/// no `String` of its own, no allocation and no SipHash, and a lookup by
/// letters needs no string either. A `Set<String>` of the 34,552 Italian words
/// took about 60 ms to build; this takes a few.
///
///     var words = FoldedWordSet()
///     words.insert(letters: [0x63, 0x61, 0x73, 0x61])   // "casa"
///     words.contains(letters: [0x63, 0x61, 0x73, 0x61]) // true
///
/// Invariants: ``starts`` has one more entry than there are words, and word
/// *n*'s letters are `letters[starts[n]..<starts[n + 1]]`; every word is stored
/// once; ``slots`` has a power-of-two count, at least twice the word count, so
/// it always has an empty slot, where every probe stops.
struct FoldedWordSet: Sendable {
  /// Every word's letters, back to back.
  private var letters: [UInt32] = []

  /// Where each word's letters start in ``letters``; one more than there are words.
  private var starts: [Int32] = [0]

  /// Open-addressing slots: a 32-bit fingerprint of the word's hash in the high
  /// half, word number + 1 in the low half; 0 is empty.
  ///
  /// The fingerprint settles most probes without reading the letters.
  private var slots = [UInt64](repeating: 0, count: 16)

  /// The number of distinct words.
  var count: Int { starts.count - 1 }

  /// An empty set with room for `capacity` words before its table grows.
  init(minimumCapacity capacity: Int = 0) {
    var slotCount = 16
    while slotCount < capacity * 2 { slotCount <<= 1 }
    slots = [UInt64](repeating: 0, count: slotCount)
  }

  /// Makes room for `capacity` words in all, with `extraLetters` more letters, before
  /// the set grows.
  mutating func reserveCapacity(_ capacity: Int, letters extraLetters: Int) {
    letters.reserveCapacity(letters.count + extraLetters)
    starts.reserveCapacity(capacity + 1)
    var slotCount = slots.count
    while slotCount < capacity * 2 { slotCount <<= 1 }
    if slotCount != slots.count { rehash(slotCount: slotCount) }
  }

  /// Adds the word spelt by `word` (folded letters), unless it is there already.
  ///
  /// - Returns: The word's number, new or as first inserted.
  /// - Complexity: O(*k*) on average for a word of *k* letters.
  @discardableResult
  mutating func insert(letters word: UnsafeBufferPointer<UInt32>) -> Int {
    let hash = LetterHash.of(word)
    switch find(word, hash: hash) {
    case .found(let number): return number
    case .empty(let slot):
      letters.append(contentsOf: word)
      return addLastLetters(at: slot, hash: hash)
    }
  }

  /// Adds the word spelt by `word` (folded letters), unless it is there already.
  ///
  /// - Returns: The word's number, new or as first inserted.
  @discardableResult
  mutating func insert(letters word: [UInt32]) -> Int {
    word.withUnsafeBufferPointer { insert(letters: $0) }
  }

  /// Adds the folded word `word`, unless it is there already; its letters are spelt out
  /// on the stack, with no array of their own.
  ///
  /// An ASCII word, the usual kind, is spelt from its bytes: walking a string's Unicode
  /// scalars costs more than the rest of the insertion, and a word the set holds already
  /// (as most are, when indexing) costs no more than the probe.
  ///
  /// - Returns: The word's number, new or as first inserted.
  @discardableResult
  mutating func insert(_ word: String) -> Int {
    // A string has no more Unicode scalars than UTF-8 bytes.
    let capacity = Swift.max(1, word.utf8.count)
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
      // The letters' count when the bytes are all ASCII, nil otherwise.
      let asciiCount: Int? =
        word.utf8.withContiguousStorageIfAvailable { bytes in
          var combined: UInt8 = 0
          for (index, byte) in bytes.enumerated() {
            combined |= byte
            buffer[index] = UInt32(byte)
          }
          return combined < 0x80 ? bytes.count : nil
        } ?? nil
      var count = asciiCount ?? 0
      if asciiCount == nil {
        for scalar in word.unicodeScalars {
          buffer[count] = scalar.value
          count += 1
        }
      }
      return insert(letters: UnsafeBufferPointer(rebasing: buffer[..<count]))
    }
  }

  /// Makes the letters after the last word's end a word of its own, in the empty `slot`
  /// its `hash` probed to, and returns its number.
  private mutating func addLastLetters(at slot: Int, hash: UInt64) -> Int {
    let number = count
    starts.append(Int32(letters.count))
    slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
    // Half full at most, so that probe runs stay short and one slot stays empty.
    if count * 2 > slots.count { rehash(slotCount: slots.count * 2) }
    return number
  }

  /// The number of the word spelt by `word` (folded letters), or nil when it is not held.
  ///
  /// - Complexity: O(*k*) on average for a word of *k* letters.
  @inline(__always)
  func number(of word: UnsafeBufferPointer<UInt32>) -> Int? {
    if case .found(let number) = find(word, hash: LetterHash.of(word)) { return number }
    return nil
  }

  /// Whether the set holds the word spelt by `word` (folded letters).
  func contains(letters word: UnsafeBufferPointer<UInt32>) -> Bool {
    number(of: word) != nil
  }

  /// Whether the set holds the word spelt by `word` (folded letters).
  func contains(letters word: [UInt32]) -> Bool {
    word.withUnsafeBufferPointer { contains(letters: $0) }
  }

  /// Where a probe for a word ended.
  private enum Probe {
    /// The word is stored, with this number.
    case found(Int)
    /// The word is not stored; this empty slot is where it would go.
    case empty(Int)
  }

  /// Probes for `word`, whose hash is `hash`, from its home slot on.
  private func find(_ word: UnsafeBufferPointer<UInt32>, hash: UInt64) -> Probe {
    let fingerprint = hash & 0xFFFF_FFFF_0000_0000
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      letters.withUnsafeBufferPointer { all in
        starts.withUnsafeBufferPointer { starts in
          while true {
            let stored = slots[slot]
            if stored == 0 { return .empty(slot) }
            if stored & 0xFFFF_FFFF_0000_0000 == fingerprint {
              let number = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
              let start = Int(starts[number])
              if Int(starts[number + 1]) - start == word.count {
                var index = 0
                while index < word.count, all[start + index] == word[index] { index += 1 }
                if index == word.count { return .found(number) }
              }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  /// Lays every word out again in a table of `slotCount` slots (a power of two).
  private mutating func rehash(slotCount: Int) {
    var table = [UInt64](repeating: 0, count: slotCount)
    let mask = slotCount - 1
    letters.withUnsafeBufferPointer { all in
      for number in 0..<count {
        let word = UnsafeBufferPointer(
          rebasing: all[Int(starts[number])..<Int(starts[number + 1])])
        let hash = LetterHash.of(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
      }
    }
    slots = table
  }
}
