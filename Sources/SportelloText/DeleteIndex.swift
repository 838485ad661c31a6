/// The symmetric-delete index behind ``TypoVocabulary``: every string obtained by
/// deleting up to two letters from a vocabulary word points back to the word.
///
/// Keys are 64-bit hashes of the deleted forms, not the forms themselves: a hash
/// collision only adds a candidate, and every candidate is checked with the real
/// distance, so the index can never produce a wrong correction. Storage is an
/// open-addressing table of 64-bit slots (a 32-bit fingerprint and the head of a
/// chain of word numbers), which keeps both the build and a lookup to a handful
/// of memory accesses per key.
struct DeleteIndex: Sendable {
  /// Slots: fingerprint in the high 32 bits, chain head + 1 in the low 32; 0 is empty.
  private var slots: [UInt64]

  /// Word number of each chain node.
  private var nodeWords: [Int32] = []

  /// Next node of each chain node, or -1.
  private var nodeNext: [Int32] = []

  private let mask: Int

  /// Creates an index sized for about `expectedKeys` keys.
  init(expectedKeys: Int) {
    var capacity = 16
    while capacity < expectedKeys * 2 { capacity <<= 1 }
    slots = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
    nodeWords.reserveCapacity(expectedKeys)
    nodeNext.reserveCapacity(expectedKeys)
  }

  /// Adds `word` under `hash`, unless the latest entry under it is already `word`.
  mutating func insert(hash: UInt64, word: Int32) {
    let fingerprint = UInt32(truncatingIfNeeded: hash >> 32) | 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 {
        nodeWords.append(word)
        nodeNext.append(-1)
        slots[slot] = UInt64(fingerprint) << 32 | UInt64(nodeWords.count)
        return
      }
      if UInt32(truncatingIfNeeded: entry >> 32) == fingerprint {
        let head = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if nodeWords[head] == word { return }
        nodeWords.append(word)
        nodeNext.append(Int32(head))
        slots[slot] = UInt64(fingerprint) << 32 | UInt64(nodeWords.count)
        return
      }
      slot = (slot + 1) & mask
    }
  }

  /// Calls `body` with every word stored under `hash` (and, rarely, a few
  /// words of a colliding hash).
  func forEachWord(hash: UInt64, _ body: (Int32) -> Void) {
    let fingerprint = UInt32(truncatingIfNeeded: hash >> 32) | 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return }
      if UInt32(truncatingIfNeeded: entry >> 32) == fingerprint {
        var node = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        while node >= 0 {
          body(nodeWords[node])
          node = Int(nodeNext[node])
        }
        return
      }
      slot = (slot + 1) & mask
    }
  }

  // MARK: Hashing deleted forms

  /// FNV-1a offset basis.
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// One FNV-1a step.
  @inline(__always)
  static func step(_ hash: UInt64, _ value: UInt32) -> UInt64 {
    (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
  }

  /// Mixes the length in and spreads the bits (the MurmurHash3 finaliser).
  @inline(__always)
  static func finish(_ hash: UInt64, length: Int) -> UInt64 {
    var mixed = hash ^ UInt64(length) &* 0x9E37_79B9_7F4A_7C15
    mixed ^= mixed >> 33
    mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
    mixed ^= mixed >> 33
    mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
    mixed ^= mixed >> 33
    return mixed
  }

  /// Calls `body` with the hash of `letters` with no deletion, then with one
  /// deletion at each position (when `deletions >= 1`), then with two deletions
  /// (when `deletions >= 2`), in that order.
  ///
  /// - Parameter ofDeletions: the number of deletions the hash stands for,
  ///   passed to `body` with it.
  static func forEachDeletedForm(
    of letters: UnsafeBufferPointer<UInt32>, upTo deletions: Int,
    _ body: (_ hash: UInt64, _ ofDeletions: Int) -> Bool
  ) {
    let n = letters.count
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n + 1) { prefix in
      prefix[0] = seed
      for index in 0..<n {
        prefix[index + 1] = step(prefix[index], letters[index])
      }
      guard body(finish(prefix[n], length: n), 0) else { return }
      guard deletions >= 1, n >= 1 else { return }
      for first in 0..<n {
        var hash = prefix[first]
        for index in (first + 1)..<n {
          hash = step(hash, letters[index])
        }
        guard body(finish(hash, length: n - 1), 1) else { return }
      }
      guard deletions >= 2, n >= 2 else { return }
      for first in 0..<(n - 1) {
        for second in (first + 1)..<n {
          var hash = prefix[first]
          for index in (first + 1)..<second {
            hash = step(hash, letters[index])
          }
          for index in (second + 1)..<n {
            hash = step(hash, letters[index])
          }
          guard body(finish(hash, length: n - 2), 2) else { return }
        }
      }
    }
  }
}
