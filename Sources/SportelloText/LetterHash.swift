/// The hash of a word's letters (Unicode scalar values) for the open-addressing tables of
/// ``Lexicon`` and ``FoldedWordSet``.
///
/// Words are short, so the hash is a short chain of multiplications, two letters at a time:
/// the lookups run for every word of every message, and for every word of the rules when they
/// are indexed. The high 32 bits serve the tables as a fingerprint, the low bits as a slot.
enum LetterHash {
  /// The hash of `letters`.
  @inline(__always)
  static func of(_ letters: UnsafeBufferPointer<UInt32>) -> UInt64 {
    let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD
    var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(letters.count)
    var index = 0
    while index + 1 < letters.count {
      let pair = UInt64(letters[index]) | UInt64(letters[index + 1]) << 32
      hash = (hash ^ pair) &* multiplier
      hash ^= hash >> 32
      index += 2
    }
    if index < letters.count {
      hash = (hash ^ UInt64(letters[index])) &* multiplier
    }
    return hash ^ (hash >> 29)
  }
}
