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
  /// each once (in no documented order).
  ///
  /// The matcher's path: it hashes each word once and a pair from its first word's hash,
  /// with no strings built.
  static func hashes(of tokens: [Token]) -> [UInt64] {
    var hashes: [UInt64] = []
    hashes.reserveCapacity(tokens.count * 2 + 1)
    var previous: UInt64?
    for token in tokens {
      var hash = FNV1a()
      add(token, to: &hash)
      hashes.append(hash.value)
      if var pair = previous.map(FNV1a.init(value:)) {
        pair.add(UInt8(ascii: " "))
        add(token, to: &pair)
        hashes.append(pair.value)
      }
      previous = hash.value
    }
    hashes.append(hash(ofKey: lengthKey(tokenCount: tokens.count)))
    hashes.sort()
    var unique = 0
    for hash in hashes where unique == 0 || hashes[unique - 1] != hash {
      hashes[unique] = hash
      unique += 1
    }
    hashes.removeLast(hashes.count - unique)
    return hashes
  }

  /// The hash of a feature written as text.
  static func hash(ofKey key: String) -> UInt64 {
    var hash = FNV1a()
    hash.add(Array(key.utf8))
    return hash.value
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

  private static func add(_ token: Token, to hash: inout FNV1a) {
    if let word = kindWord(token.kind) {
      hash.add(Array(word.utf8))
    } else {
      var folded = token.folded
      folded.withUTF8 { bytes in for byte in bytes { hash.add(byte) } }
    }
  }
}
