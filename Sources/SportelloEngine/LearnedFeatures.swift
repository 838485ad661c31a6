import SportelloText

/// The features a ``LearnedModel`` reads of a message: its words, its pairs of neighbouring
/// words and its length.
///
/// A word is a token's folded form (chat-speak expanded, typos corrected, accents unified),
/// not its stem: "ho pagato" and "pago" tell different things. Numbers, dates, times,
/// amounts, codes, links and addresses stand for their kind (`#data`), since the model
/// learns that a message has a date, not which date. The length is the number of tokens
/// in fours, at most `#lunghezza:6`.
///
///     // "ho pagato il 3/10"
///     ["ho", "pagato", "il", "#data", "ho pagato", "pagato il", "il #data", "#lunghezza:1"]
///
/// Each feature counts once, however often it occurs.
public enum LearnedFeatures {
  /// The longest length bucket.
  static let longestLength = 6

  /// The features of `tokens` as text, each once, in the order they first occur.
  public static func keys(of tokens: [Token]) -> [String] {
    let words = tokens.map(word)
    var keys = words
    for (first, second) in zip(words, words.dropFirst()) { keys.append(first + " " + second) }
    keys.append(lengthKey(tokenCount: tokens.count))
    var seen = Set<String>()
    return keys.filter { seen.insert($0).inserted }
  }

  /// The hashes of the features of `tokens`, as ``hash(ofKey:)`` hashes ``keys(of:)``,
  /// each once, in ascending order.
  static func hashes(of tokens: [Token]) -> [UInt64] {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: hashCapacity(of: tokens)) {
      Array($0[..<writeHashes(of: tokens, into: $0)])
    }
  }

  /// The room ``writeHashes(of:into:)`` needs for the features of `tokens`.
  static func hashCapacity(of tokens: [Token]) -> Int {
    tokens.count * 2 + 1
  }

  /// Writes the ``hashes(of:)`` of `tokens` to the start of `hashes`, which has at least
  /// ``hashCapacity(of:)`` places, and returns how many it wrote.
  ///
  /// The matcher's path: each word is hashed once, a pair is mixed from its two words'
  /// hashes, and no strings are built. The matcher lends room on the stack, so reading a
  /// message's features allocates nothing.
  static func writeHashes(
    of tokens: [Token], into hashes: UnsafeMutableBufferPointer<UInt64>
  ) -> Int {
    var count = 0
    var previous: UInt64?
    for index in tokens.indices {
      let hash = wordHash(tokens[index])
      hashes[count] = hash
      count += 1
      if let previous {
        hashes[count] = pairHash(previous, hash)
        count += 1
      }
      previous = hash
    }
    hashes[count] = wordHash(lengthKey(tokenCount: tokens.count))
    count += 1
    var filled = UnsafeMutableBufferPointer(rebasing: hashes[..<count])
    filled.sort()
    var unique = 0
    for hash in filled where unique == 0 || filled[unique - 1] != hash {
      filled[unique] = hash
      unique += 1
    }
    return unique
  }

  /// The hash of a feature written as text: a pair of words (the only features with a
  /// space) mixes its words' hashes, any other feature is hashed as one word.
  static func hash(ofKey key: String) -> UInt64 {
    guard let space = key.utf8.firstIndex(of: UInt8(ascii: " ")) else { return wordHash(key) }
    let first = String(key.utf8[..<space])!
    let second = String(key.utf8[key.utf8.index(after: space)...])!
    return pairHash(wordHash(first), wordHash(second))
  }

  /// The FNV-1a hash of a word's UTF-8 bytes.
  static func wordHash(_ word: String) -> UInt64 {
    var hash = FNV1a()
    let utf8 = word.utf8
    let hashed: Void? = utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes { hash.add(byte) }
    }
    if hashed == nil {
      for byte in utf8 { hash.add(byte) }
    }
    return hash.value
  }

  /// The hash of the word that stands for `token`, without building it.
  ///
  /// A kind's word is hashed each time: it has a few bytes, and few tokens are not words.
  static func wordHash(_ token: Token) -> UInt64 {
    wordHash(kindWord(token.kind) ?? token.folded)
  }

  /// The hash of the pair of words hashed `first` and `second`: an odd multiplier keeps
  /// "a b" apart from "b a", and the finishing mix of SplitMix64 spreads the bits.
  static func pairHash(_ first: UInt64, _ second: UInt64) -> UInt64 {
    var mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ second
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// The word that stands for `token`.
  static func word(_ token: Token) -> String {
    kindWord(token.kind) ?? token.folded
  }

  /// The word for a token of `kind` that stands for its kind, or nil for words and emoji.
  static func kindWord(_ kind: TokenKind) -> String? {
    switch kind {
    case .word, .emoji: return nil
    case .number: return "#numero"
    case .date: return "#data"
    case .time: return "#ora"
    case .money: return "#importo"
    case .code: return "#codice"
    case .url: return "#link"
    case .email: return "#email"
    }
  }

  /// The length feature of a message of `tokenCount` tokens.
  static func lengthKey(tokenCount: Int) -> String {
    "#lunghezza:\(min(tokenCount / 4, longestLength))"
  }
}
