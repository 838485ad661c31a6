import Foundation

/// A table from plain-ASCII strings to numbers, keyed by their bytes: a cheap front for a
/// `[String: Int32]` that is asked the same few thousand names hundreds of thousands of
/// times.
///
/// A `Dictionary` keyed by `String` hashes each key with SipHash and compares keys by
/// canonical equivalence; this table hashes the bytes with a short multiply chain and
/// compares bytes. For ASCII strings the two agree (byte-equal ASCII strings are equal
/// strings), so a hit here is the dictionary's answer. The table holds ASCII keys only:
/// a non-ASCII string may equal a string of other bytes, so it is left to the dictionary,
/// and so is every miss.
///
///     var table = ASCIIKeyTable()
///     table.insert("cart", value: 3)
///     table.value(of: "cart")   // 3
///     table.value(of: "carta")  // nil
///
/// Invariants: ``starts`` has one more entry than there are keys, and key *n*'s bytes are
/// `bytes[starts[n]..<starts[n + 1]]`, its value `values[n]`; every key is stored once;
/// ``slots`` has a power-of-two count, more than twice the key count, so a probe always
/// meets an empty slot.
struct ASCIIKeyTable: Sendable {
  /// Every key's bytes, back to back.
  private var bytes: [UInt8] = []

  /// Where each key's bytes start in ``bytes``; one more than there are keys.
  private var starts: [Int32] = [0]

  /// Each key's value, by key number.
  private var values: [Int32] = []

  /// Open-addressing slots: a 32-bit fingerprint of the key's hash in the high half, key
  /// number + 1 in the low half; 0 is empty.
  private var slots = [UInt64](repeating: 0, count: 16)

  /// The number of keys.
  var count: Int { values.count }

  /// An empty table.
  init() {}

  /// The value stored for `key`, or nil when `key` is not ASCII or not stored.
  ///
  /// - Complexity: O(*k*) on average for a key of *k* bytes.
  func value(of key: String) -> Int32? {
    Self.withASCIIBytes(of: key) { key in
      guard let key else { return nil }
      guard case .found(let number) = find(key.bytes, hash: key.hash) else { return nil }
      return values[number]
    }
  }

  /// What the table knows of a key: its value, that it is not stored, or that it is not
  /// ASCII (and so was never stored).
  enum Lookup: Equatable {
    /// The key is stored with this value.
    case found(Int32)
    /// The key is ASCII and not stored.
    case absent
    /// The key is not ASCII.
    case notASCII
  }

  /// What the table knows of `key`: unlike ``value(of:)``, it tells an ASCII key that is
  /// not stored from a key that is not ASCII, for a table that holds every ASCII string
  /// equal to a key of its dictionary, where an ASCII miss is the dictionary's miss too.
  ///
  /// - Complexity: O(*k*) on average for a key of *k* bytes.
  func lookup(_ key: String) -> Lookup {
    Self.withASCIIBytes(of: key) { key in
      guard let key else { return .notASCII }
      guard case .found(let number) = find(key.bytes, hash: key.hash) else { return .absent }
      return .found(values[number])
    }
  }

  /// Stores `value` for `key`, when `key` is ASCII and not stored yet; a key that is not
  /// ASCII is left out (see the type's discussion).
  mutating func insert(_ key: String, value: Int32) {
    Self.withASCIIBytes(of: key) { key in
      guard let (key, hash) = key else { return }
      guard case .empty(let slot) = find(key, hash: hash) else { return }
      slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(values.count + 1)
      bytes.append(contentsOf: key)
      starts.append(Int32(bytes.count))
      values.append(value)
      if count * 2 >= slots.count { rehash(slotCount: slots.count * 2) }
    }
  }

  /// Stores `value` for the ASCII string equal to `key`, if there is one: `key` itself
  /// when it is ASCII, else its canonical composition (what `String` compares) when that
  /// is ASCII.
  ///
  /// A table filled this way with every key of a dictionary holds every ASCII string
  /// equal to one of them, so an ASCII string that ``lookup(_:)`` finds `absent` is not in
  /// the dictionary either.
  mutating func insertASCIIForm(of key: String, value: Int32) {
    let isASCII = key.utf8.allSatisfy { $0 < 0x80 }
    insert(isASCII ? key : key.precomposedStringWithCanonicalMapping, value: value)
  }

  /// Calls `body` with the UTF-8 bytes of `key` and their ``hash(_:)`` when they are all
  /// ASCII, and with nil otherwise.
  ///
  /// Always inlined: a call of it left generic cost more than the lookup itself.
  @inline(__always)
  private static func withASCIIBytes<Result>(
    of key: String, _ body: ((bytes: UnsafeBufferPointer<UInt8>, hash: UInt64)?) -> Result
  ) -> Result {
    let result = key.utf8.withContiguousStorageIfAvailable { bytes in
      // One pass finds both: the bytes are read a word at a time for the hash anyway.
      let (hash, highBits) = hashAndHighBits(bytes)
      return body(highBits == 0 ? (bytes, hash) : nil)
    }
    // A string whose bytes are not contiguous (a bridged one) is left to the dictionary.
    return result ?? body(nil)
  }

  /// Where a probe for a key ended.
  private enum Probe {
    /// The key is stored, with this number.
    case found(Int)
    /// The key is not stored; this empty slot is where it would go.
    case empty(Int)
  }

  /// Probes for `key`, whose hash is `hash`, from its home slot on.
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Probe {
    let fingerprint = hash & 0xFFFF_FFFF_0000_0000
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      bytes.withUnsafeBufferPointer { all in
        starts.withUnsafeBufferPointer { starts in
          while true {
            let stored = slots[slot]
            if stored == 0 { return .empty(slot) }
            if stored & 0xFFFF_FFFF_0000_0000 == fingerprint {
              let number = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
              let start = Int(starts[number])
              if Int(starts[number + 1]) - start == key.count,
                Self.bytesEqual(all, from: start, key)
              {
                return .found(number)
              }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  /// Whether the `key.count` bytes of `all` from `start` are `key`'s.
  @inline(__always)
  private static func bytesEqual(
    _ all: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let stored = all.baseAddress, let wanted = key.baseAddress else { return true }
    return memcmp(stored + start, wanted, key.count) == 0
  }

  /// Lays every key out again in a table of `slotCount` slots (a power of two).
  private mutating func rehash(slotCount: Int) {
    var table = [UInt64](repeating: 0, count: slotCount)
    let mask = slotCount - 1
    bytes.withUnsafeBufferPointer { all in
      for number in 0..<count {
        let range = Int(starts[number])..<Int(starts[number + 1])
        let key = UnsafeBufferPointer(rebasing: all[range])
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
      }
    }
    slots = table
  }

  /// A hash of a key's bytes, eight bytes per multiplication (terms are short).
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    hashAndHighBits(key).hash
  }

  /// ``hash(_:)`` of `key`, with the high bits of its bytes or-ed together (0 when every
  /// byte is ASCII).
  ///
  /// The bytes after the last full eight are read four, two and one at a time: most terms
  /// are shorter than eight bytes, and a loop over them cost more than the hashing. The
  /// word they make depends on the machine's byte order, which every key of a table
  /// shares, since it is filled and searched by this same function.
  @inline(__always)
  private static func hashAndHighBits(
    _ key: UnsafeBufferPointer<UInt8>
  ) -> (hash: UInt64, highBits: UInt64) {
    let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD
    var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return (hash ^ (hash >> 29), 0) }
    let raw = UnsafeRawPointer(base)
    var combined: UInt64 = 0
    var index = 0
    while index + 8 <= key.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      combined |= word
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 32
      index += 8
    }
    let rest = key.count - index
    if rest > 0 {
      var word: UInt64 = 0
      var shift: UInt64 = 0
      if rest & 4 != 0 {
        word = UInt64(raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
        shift = 32
        index += 4
      }
      if rest & 2 != 0 {
        word |= UInt64(raw.loadUnaligned(fromByteOffset: index, as: UInt16.self)) &<< shift
        shift &+= 16
        index += 2
      }
      if rest & 1 != 0 { word |= UInt64(base[index]) &<< shift }
      combined |= word
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 32
    }
    return (hash ^ (hash >> 29), combined & 0x8080_8080_8080_8080)
  }
}
