/// What an ``Analyzer`` knows: the chat-speak table, the protected words, the
/// stop words and, optionally, the vocabulary typos are corrected to.
///
/// The defaults are the built-in tables (``ChatSpeak/table``,
/// ``ProtectedWords/builtIn``, ``ItalianStopWords/defaultSet``) and no
/// vocabulary. A rule set extends them:
///
///     var configuration = AnalyzerConfiguration()
///     configuration.addAbbreviations(["rdc": "reddito di cittadinanza"])
///     configuration.addProtectedWords(["Saione"])
///     configuration.vocabulary = TypoVocabulary(words: ruleWords)
///     let analyzer = Analyzer(configuration: configuration)
public struct AnalyzerConfiguration: Sendable {
  /// Folded abbreviation → expansion, which may be several words.
  public var abbreviations: [String: String]

  /// Words never stemmed, corrected or expanded, folded (lowercase).
  public var protectedWords: Set<String>

  /// Words flagged as stop words, folded.
  public var stopWords: Set<String>

  /// The words typos are corrected to; `nil` turns correction off.
  public var vocabulary: TypoVocabulary?

  /// The built-in chat table, protected words and stop words, and no vocabulary.
  public init() {
    abbreviations = ChatSpeak.table
    protectedWords = ProtectedWords.builtIn
    stopWords = ItalianStopWords.defaultSet
    vocabulary = nil
  }

  /// Adds abbreviations, replacing built-in entries with the same key.
  ///
  /// Keys and expansions are folded first, so `"CMQ"` and `"cmq"` are the same.
  public mutating func addAbbreviations(_ entries: [String: String]) {
    for (key, expansion) in entries {
      let folded = TextFolding.foldedWord(key)
      guard !folded.isEmpty else { continue }
      abbreviations[folded] = TextFolding.foldedWord(expansion)
    }
  }

  /// Adds stop words (any case; they are folded): words that say nothing about what a
  /// message asks, such as the English "the" or "please" for a desk that reads Italian.
  public mutating func addStopWords(_ words: some Sequence<String>) {
    for word in words {
      let folded = TextFolding.foldedWord(word)
      if !folded.isEmpty { stopWords.insert(folded) }
    }
  }

  /// Adds protected words (any case; they are folded).
  public mutating func addProtectedWords(_ words: some Sequence<String>) {
    for word in words {
      let folded = TextFolding.foldedWord(word)
      if !folded.isEmpty { protectedWords.insert(folded) }
    }
  }
}
