import SportelloText

/// A message reduced to weighted terms, ready to be scored against the index.
///
/// A class, immutable once built: scoring hands the query to every step, and a value of
/// a dozen arrays cost a retain and a release of each of them at every copy. Its arrays
/// come from the rule set's spares (``QueryScratch``) and go back to them when the query
/// is freed, so that a message does not allocate them again.
final class Query: Sendable {
  /// Content terms in message order, -1 for words no rule uses.
  let plain: [Int32]
  /// The same after synonyms were applied.
  let conceptual: [Int32]
  /// The concepts found.
  let concepts: [Int32]
  /// Known content terms (concepts included), unique.
  let contentTerms: [Int32]
  /// Known stop-word terms, unique.
  let stopTerms: [Int32]
  /// The sum of the weights of every term, unknown words included.
  let norm: Double
  /// `norm` with small-talk terms lowered, for the other FAQs.
  let regularNorm: Double
  /// Adjacent content-term pairs, sorted, unique.
  let bigrams: [Int64]
  /// Whether the message has a content word besides greetings and thanks (a word no
  /// rule uses counts); without one, only small-talk FAQs are scored. Numbers alone are
  /// not content: a lone "2" is a menu choice that came too late, not a question about
  /// an example that mentions two years.
  let hasRegularContent: Bool
  /// The weight of each of `contentTerms` when scoring a small-talk FAQ.
  let contentWeights: [Double]
  /// The weight of each of `contentTerms` when scoring any other FAQ (small-talk terms lowered).
  let regularContentWeights: [Double]
  /// The weight of each of `stopTerms`.
  let stopWeights: [Double]
  /// The sum of `stopWeights`: the most that stop words can add to a shared weight.
  let stopWeight: Double
  /// The message's tokens, for the exclusions that are matched on words.
  let tokens: [Token]
  /// The words of the message that no rule uses, each once: only their number counts,
  /// but the array is kept to be handed back with the others.
  private let unknownWords: [String]
  /// Where the arrays go back when the query is freed.
  private let pool: ScoringScratchPool

  /// Builds the query of an analysed message.
  init(message: AnalyzedMessage, tables: ScoringTables, unknownFactor: Double) {
    // The term table is read in place through `tables`: a local copy of it, or of the
    // index, retains and releases each of its arrays.
    let isSmallTalkTerm = tables.index.isSmallTalkTerm
    var spare = tables.scratch.takeQueryScratch()
    // Each array is swapped out of the spare, not copied: appending to a copy while the
    // spare still holds the array would copy it whole. A message has a few dozen terms at
    // most: arrays searched in full cost less than sets, which hash every term.
    var unknown: [String] = []
    swap(&unknown, &spare.unknownWords)
    let count = message.tokens.count
    var plain: [Int32] = []
    swap(&plain, &spare.plain)
    plain.reserveCapacity(count)
    var stopTerms: [Int32] = []
    swap(&stopTerms, &spare.stopTerms)
    TermUnit.forEachUnit(of: message) { name, isStop in
      guard let id = tables.index.terms.id(of: name) else {
        if !isStop {
          plain.append(-1)
          if !unknown.contains(name) { unknown.append(name) }
        }
        return
      }
      if tables.index.terms.isStop[Int(id)] {
        if !stopTerms.contains(id) { stopTerms.append(id) }
      } else {
        plain.append(id)
      }
    }
    let (conceptual, concepts) = tables.index.concepts.apply(to: plain)
    // Stop terms and content terms are never the same term.
    var contentTerms: [Int32] = []
    swap(&contentTerms, &spare.contentTerms)
    contentTerms.reserveCapacity(conceptual.count)
    for id in conceptual where id >= 0 && !contentTerms.contains(id) { contentTerms.append(id) }
    var norm = Double(unknown.count) * tables.index.rarestIDF * unknownFactor
    var regularNorm = norm
    var contentWeights: [Double] = []
    swap(&contentWeights, &spare.contentWeights)
    contentWeights.reserveCapacity(contentTerms.count)
    for id in contentTerms {
      let weight = tables.index.terms.weight(id)
      contentWeights.append(weight)
      norm += weight
    }
    // Written out even when equal to `contentWeights` (no small-talk term): in the spare's
    // storage that costs less than sharing one array, which would leave a spare unused.
    var regularContentWeights: [Double] = []
    swap(&regularContentWeights, &spare.regularContentWeights)
    regularContentWeights.reserveCapacity(contentTerms.count)
    for (position, id) in contentTerms.enumerated() {
      let weight = contentWeights[position]
      regularContentWeights.append(
        isSmallTalkTerm[Int(id)] ? weight * MatcherIndex.smallTalkTermFactor : weight)
    }
    for weight in regularContentWeights { regularNorm += weight }
    var stopWeights: [Double] = []
    swap(&stopWeights, &spare.stopWeights)
    stopWeights.reserveCapacity(stopTerms.count)
    var stopWeight = 0.0
    for id in stopTerms {
      let weight = tables.index.terms.weight(id)
      stopWeights.append(weight)
      stopWeight += weight
      norm += weight
      regularNorm +=
        isSmallTalkTerm[Int(id)] ? weight * MatcherIndex.smallTalkTermFactor : weight
    }
    let tokens = message.tokens
    // By index, reading the kind only: binding each token copies it, with its strings.
    let hasWords = tokens.indices.contains { tokens[$0].kind == .word || tokens[$0].kind == .code }
    self.plain = plain
    self.conceptual = conceptual
    self.concepts = concepts
    self.contentTerms = contentTerms
    self.stopTerms = stopTerms
    self.norm = norm
    self.regularNorm = regularNorm
    var bigrams: [Int64] = []
    swap(&bigrams, &spare.bigrams)
    MatcherIndex.formBigrams(of: conceptual, into: &bigrams)
    self.bigrams = bigrams
    hasRegularContent =
      hasWords && (!unknown.isEmpty || contentTerms.contains { !isSmallTalkTerm[Int($0)] })
    self.contentWeights = contentWeights
    self.regularContentWeights = regularContentWeights
    self.stopWeights = stopWeights
    self.stopWeight = stopWeight
    self.tokens = tokens
    unknownWords = unknown
    pool = tables.scratch
  }

  deinit {
    pool.giveBack(
      QueryScratch(
        plain: plain, stopTerms: stopTerms, contentTerms: contentTerms, bigrams: bigrams,
        contentWeights: contentWeights, regularContentWeights: regularContentWeights,
        stopWeights: stopWeights, unknownWords: unknownWords))
  }

  /// The words of `tokens` as exclusions are matched: words, numbers and codes, folded,
  /// stop words included.
  static func words(of tokens: [Token]) -> [String] {
    var words: [String] = []
    words.reserveCapacity(tokens.count)
    for index in tokens.indices {
      switch tokens[index].kind {
      case .word, .number, .code: words.append(tokens[index].folded)
      default: continue
      }
    }
    return words
  }

  /// Whether `words` occur in `message` (a message's ``words(of:)``) one after the
  /// other, each as written or with another final vowel from five letters (`trovato` also
  /// finds `trovata` and `trovati`, not `trovare`; `casa` finds only `casa`).
  static func contains(_ words: [String], in message: [String]) -> Bool {
    guard !words.isEmpty, words.count <= message.count else { return false }
    for start in 0...(message.count - words.count) {
      var matched = 0
      while matched < words.count, sameWord(message[start + matched], words[matched]) {
        matched += 1
      }
      if matched == words.count { return true }
    }
    return false
  }

  /// Whether two folded words are the same word for an exclusion: equal, or of five
  /// letters or more and differing only in a final vowel (gender and number). Read on
  /// UTF-8 bytes, since it runs for every exclusion whose stems a message shares.
  static func sameWord(_ written: String, _ rule: String) -> Bool {
    if written == rule { return true }
    guard written.utf8.count == rule.utf8.count, rule.utf8.count >= 5 else { return false }
    // Read as contiguous bytes (a native string already is): the generic views cost a
    // call per byte.
    var written = written
    var rule = rule
    return written.withUTF8 { writtenBytes in
      rule.withUTF8 { ruleBytes in
        let last = ruleBytes.count - 1
        guard isFinalVowel(writtenBytes[last]), isFinalVowel(ruleBytes[last]) else {
          return false
        }
        for offset in 0..<last where writtenBytes[offset] != ruleBytes[offset] { return false }
        return true
      }
    }
  }

  /// Whether `byte` is a vowel that inflection changes at the end of a word.
  private static func isFinalVowel(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i")
      || byte == UInt8(ascii: "o")
  }

  /// Whether `pattern` occurs in the message, as written or through synonyms.
  func contains(_ pattern: MatcherIndex.Pattern) -> Bool {
    Query.occurs(pattern.conceptual, pattern.conceptual.indices, in: conceptual)
      || Query.occurs(pattern.plain, pattern.plain.indices, in: plain)
  }

  /// Whether the terms of `terms` in `range` occur in `haystack` one after the other.
  ///
  /// Takes an array and a range rather than a slice, so that the flat pattern terms of
  /// ``ScoringTables/patterns`` are read without a retain per pattern.
  static func occurs(_ terms: [Int32], _ range: Range<Int>, in haystack: [Int32]) -> Bool {
    guard !range.isEmpty, range.count <= haystack.count else { return false }
    let first = terms[range.lowerBound]
    if range.count == 1 { return haystack.contains(first) }
    for start in 0...(haystack.count - range.count) where haystack[start] == first {
      var matched = 1
      while matched < range.count, haystack[start + matched] == terms[range.lowerBound + matched] {
        matched += 1
      }
      if matched == range.count { return true }
    }
    return false
  }
}

/// One FAQ's score and what it was made of.
struct ScoredFAQ: Sendable {
  var faq: Int
  var score: Double
  var exampleScore: Double
  var bestExample: Int?
  var coverage: Double
  /// How many of the FAQ's keyword groups have an alternative in the message.
  var matchedKeywordGroups: Int
  /// How many of the FAQ's required groups have none (the FAQ cannot be answered).
  var missingRequiredGroups: Int
}

/// The FAQs that scored, ranked.
struct ScoredFAQs: Sendable {
  /// An FAQ that shared terms with the message but was left out.
  struct Exclusion: Sendable {
    /// The FAQ.
    var faq: Int
    /// The exclusion pattern that occurs in the message, or nil when the FAQ has expired.
    var pattern: Int?
  }

  /// By score descending, then intent id ascending. Holds every FAQ that can change the
  /// decision or the top five candidates; FAQs whose score bound shows they cannot are
  /// left unscored.
  var ranked: [ScoredFAQ] = []
}
