/// An ``AnalyzerConfiguration`` compiled for analysis: one dictionary lookup per
/// word answers whether it is a stop word, protected, in the vocabulary, an
/// abbreviation, and what its stem is.
struct Lexicon: Sendable {
  /// What the lexicon knows about one folded word.
  struct Entry: Sendable {
    var isStopWord = false
    var isProtected = false
    var isInVocabulary = false
    /// The folded words an abbreviation expands to.
    var expansion: [String]?
    /// The stem, computed once; `nil` only while building.
    var stem: String?
  }

  private(set) var entries: [String: Entry] = [:]

  /// Compiles `configuration`, stemming every known word once.
  init(configuration: AnalyzerConfiguration, stemmer: ItalianStemmer) {
    for word in configuration.stopWords {
      entries[word, default: Entry()].isStopWord = true
    }
    for word in configuration.protectedWords {
      entries[word, default: Entry()].isProtected = true
    }
    if let vocabulary = configuration.vocabulary {
      for word in vocabulary.words {
        entries[word, default: Entry()].isInVocabulary = true
      }
    }
    for (key, expansion) in configuration.abbreviations {
      let words = expansion.split(separator: " ").map(String.init)
      guard !words.isEmpty else { continue }
      entries[key, default: Entry()].expansion = words
      for word in words where entries[word] == nil {
        entries[word] = Entry()
      }
    }
    for (word, entry) in entries {
      entries[word]?.stem = entry.isProtected ? word : stemmer.stem(word)
    }
  }

  /// The entry of a folded word.
  @inline(__always)
  subscript(word: String) -> Entry? {
    entries[word]
  }
}
