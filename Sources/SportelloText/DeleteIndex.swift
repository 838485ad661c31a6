/// The symmetric-delete index behind ``TypoVocabulary``: every string obtained by
/// deleting up to two letters from a vocabulary word points back to the word.
///
/// Keys are 64-bit hashes of the deleted forms, not the forms themselves: a hash
/// collision only adds a candidate, and every candidate is checked with the real
/// distance, so the index can never produce a wrong correction.
///
/// Storage is one flat table of 64-bit slots, each holding the top 32 bits of a
/// key's hash (its fingerprint) and a word number. The top bits of the
/// fingerprint, as many as the table needs (its rank), scaled to the table give
/// the key's home slot, and the entries are laid out in order of rank, each at
/// its home or just after the entry before. A lookup reads the few slots from
/// its home on, usually one cache line, and stops at the first rank above its
/// own. The table is built by sorting the entries by rank (a radix sort, which
/// reads and writes memory in order) rather than by inserting them one at a
/// time at random places, which on a large vocabulary is bound by cache and TLB
/// misses.
struct DeleteIndex: Sendable {
  /// Fingerprint in the high 32 bits, word number + 1 in the low 32; 0 is
  /// empty. Ordered by rank; the last slot is always empty.
  private let slots: [UInt64]

  /// How many home slots there are (``slots`` has a few more, for the entries
  /// pushed past the last home).
  private let homeCount: UInt64

  /// How many top bits of a hash make its rank: enough for one rank per home.
  private let rankBits: Int

  /// The shift that leaves a hash's rank: 64 - ``rankBits``, from 32 to 60.
  private var rankShift: UInt64 { UInt64(64 - rankBits) }

  /// A bit per place, set for the fingerprint of every entry (see ``filterBit(_:_:)``): a
  /// lookup whose bit is clear has no entry, and need not read the table.
  ///
  /// Most deleted forms of a misspelt word are in no vocabulary word, and the table is a
  /// megabyte or more, beyond the processor's nearer caches, so each such lookup would wait
  /// for memory; the filter, at four bits an entry, is a twelfth of the table's size.
  private let filter: [UInt64]

  /// How many top bits of a mixed fingerprint pick a bit of ``filter``.
  private let filterBits: Int

  /// An entry for ``init(entries:)``: `word` under `hash`.
  @inline(__always)
  static func entry(hash: UInt64, word: Int32) -> UInt64 {
    hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: word))
  }

  /// Builds the index of `entries` (see ``entry(hash:word:)``), which it
  /// sorts in place.
  ///
  /// A word may be listed twice under one hash (deleting either letter of a
  /// double gives the same form); lookups ignore repeated candidates.
  ///
  /// - Complexity: O(*n*) for *n* entries.
  init(entries: inout [UInt64]) {
    // Three slots for every two entries keeps the runs from a home short.
    let homeCount = Swift.max(16, entries.count + entries.count / 2)
    let rankBits = Int.bitWidth - (homeCount - 1).leadingZeroBitCount
    self.homeCount = UInt64(homeCount)
    self.rankBits = rankBits
    Self.sortByRank(&entries, rankBits: rankBits)
    // Entries pushed past the last home need a few slots more, and the table
    // ends with an empty slot, where every lookup stops.
    var next = 0
    for entry in entries {
      let home = Self.home(ofRank: entry &>> (64 - rankBits), rankBits, UInt64(homeCount))
      next = Swift.max(home, next) + 1
    }
    let slotCount = Swift.max(homeCount, next) + 1
    var filterBits = 6
    while 1 << filterBits < entries.count * 4 { filterBits += 1 }
    var filter = [UInt64](repeating: 0, count: 1 << (filterBits - 6))
    for entry in entries {
      let bit = Self.filterBit(entry >> 32, filterBits)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    self.filter = filter
    self.filterBits = filterBits
    slots = [UInt64](unsafeUninitializedCapacity: slotCount) { slots, initialized in
      slots.initialize(repeating: 0)
      var next = 0
      for entry in entries {
        let home = Self.home(ofRank: entry &>> (64 - rankBits), rankBits, UInt64(homeCount))
        let position = Swift.max(home, next)
        slots[position] = entry + 1
        next = position + 1
      }
      initialized = slotCount
    }
  }

  /// The bit of ``filter`` for a fingerprint (a hash's top 32 bits, all an entry keeps of
  /// it): the fingerprint mixed by an odd multiplier, so that the bit does not follow the
  /// rank, and its top `bits` bits.
  @inline(__always)
  private static func filterBit(_ fingerprint: UInt64, _ bits: Int) -> Int {
    Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) &>> UInt64(64 - bits))
  }

  /// The home slot of a rank: the rank scaled to the table, so homes grow with
  /// ranks.
  @inline(__always)
  private static func home(ofRank rank: UInt64, _ rankBits: Int, _ homeCount: UInt64) -> Int {
    Int(truncatingIfNeeded: (rank &* homeCount) &>> rankBits)
  }

  /// Sorts entries by rank (their top `rankBits` bits) with a
  /// least-significant-digit radix sort, 11 bits a pass.
  ///
  /// Shifts are masking (`&>>`) throughout: their amounts are known to be
  /// below 64, and the checked shifts of `>>` cost a few branches each.
  private static func sortByRank(_ entries: inout [UInt64], rankBits: Int) {
    let count = entries.count
    guard count > 1 else { return }
    let digitBits = 11
    let radix = 1 << digitBits
    var scratch = [UInt64](repeating: 0, count: count)
    var shift = 64 - rankBits
    while shift < UInt64.bitWidth {
      entries.withUnsafeBufferPointer { source in
        scratch.withUnsafeMutableBufferPointer { target in
          withUnsafeTemporaryAllocation(of: Int.self, capacity: radix) { positions in
            positions.initialize(repeating: 0)
            for entry in source {
              positions[Int(truncatingIfNeeded: entry &>> shift) & (radix - 1)] += 1
            }
            var total = 0
            for digit in 0..<radix {
              let digitCount = positions[digit]
              positions[digit] = total
              total += digitCount
            }
            for entry in source {
              let digit = Int(truncatingIfNeeded: entry &>> shift) & (radix - 1)
              target[positions[digit]] = entry
              positions[digit] += 1
            }
          }
        }
      }
      swap(&entries, &scratch)
      shift += digitBits
    }
  }

  /// Calls `body` with every word stored under `hash` (and, rarely, a few
  /// words of a hash with the same fingerprint).
  ///
  /// Always inlined, as ``forEachDeletedForm(of:upTo:_:)``.
  @inline(__always)
  func forEachWord(hash: UInt64, _ body: (Int32) -> Void) {
    let fingerprint = hash >> 32
    let bit = Self.filterBit(fingerprint, filterBits)
    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return }
    let shift = rankShift
    let rank = hash &>> shift
    let home = Self.home(ofRank: rank, rankBits, homeCount)
    slots.withUnsafeBufferPointer { slots in
      var position = home
      while true {
        let slot = slots[position]
        if slot == 0 { return }
        let storedRank = slot &>> shift
        if storedRank > rank { return }
        if slot >> 32 == fingerprint {
          body(Int32(truncatingIfNeeded: (slot & 0xFFFF_FFFF) - 1))
        }
        position += 1
      }
    }
  }

  // MARK: Hashing deleted forms

  /// The base of the polynomial hash (odd, so that powers never vanish).
  private static let base: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// Mixes the length in and spreads the bits (the MurmurHash3 finaliser).
  @inline(__always)
  static func finish(_ hash: UInt64, length: Int) -> UInt64 {
    var mixed = hash ^ UInt64(length) &* 0xC2B2_AE3D_27D4_EB4F
    mixed ^= mixed >> 33
    mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
    mixed ^= mixed >> 33
    mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
    mixed ^= mixed >> 33
    return mixed
  }

  /// Calls `body` with the hash of `letters` with no deletion, then with one
  /// deletion at each position (when `deletions >= 1`), then with two deletions
  /// (when `deletions >= 2`), in that order, until `body` returns `false`.
  ///
  /// The hash is polynomial, `Σ letter × base^(position from the end)`, so the
  /// hash of a form with letters deleted comes from prefix hashes in a few
  /// multiplications, whatever the length of the word.
  ///
  /// Always inlined: `body` then runs as plain code, and the variables it
  /// updates need neither a box nor a run-time exclusivity check.
  ///
  /// - Parameter ofDeletions: the number of deletions the hash stands for,
  ///   passed to `body` with it.
  @inline(__always)
  static func forEachDeletedForm(
    of letters: UnsafeBufferPointer<UInt32>, upTo deletions: Int,
    _ body: (_ hash: UInt64, _ ofDeletions: Int) -> Bool
  ) {
    let n = letters.count
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (n + 1)) { buffer in
      let prefix = buffer.baseAddress.unsafelyUnwrapped
      let power = prefix + (n + 1)
      prefix[0] = 0
      power[0] = 1
      for index in 0..<n {
        prefix[index + 1] = prefix[index] &* base &+ UInt64(letters[index])
        power[index + 1] = power[index] &* base
      }
      /// The hash of `letters[start..<end]`.
      func infix(_ start: Int, _ end: Int) -> UInt64 {
        prefix[end] &- prefix[start] &* power[end - start]
      }
      guard body(finish(prefix[n], length: n), 0) else { return }
      guard deletions >= 1, n >= 1 else { return }
      for first in 0..<n {
        let hash = prefix[first] &* power[n - 1 - first] &+ infix(first + 1, n)
        guard body(finish(hash, length: n - 1), 1) else { return }
      }
      guard deletions >= 2, n >= 2 else { return }
      for first in 0..<(n - 1) {
        for second in (first + 1)..<n {
          let head = prefix[first] &* power[second - first - 1] &+ infix(first + 1, second)
          let hash = head &* power[n - 1 - second] &+ infix(second + 1, n)
          guard body(finish(hash, length: n - 2), 2) else { return }
        }
      }
    }
  }
}
