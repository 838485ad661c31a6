/// An ``AnalyzerConfiguration`` compiled for analysis: one lookup per word, by
/// its folded letters, answers whether it is a stop word, protected, in the
/// vocabulary or an abbreviation, and gives its folded string and stem ready
/// made.
///
/// The table is keyed by letters rather than by `String`, so a known word costs
/// neither a string hash nor a new string.
struct Lexicon: Sendable {
  /// What the lexicon knows about one folded word, as it is being compiled.
  struct Entry: Sendable {
    var folded: String
    var stem: String
    var isStopWord = false
    var isProtected = false
    var isInVocabulary = false
    /// Whether the expansion only adds accents (`perche` → `perché`).
    var restoresAccentOnly = false
  }

  /// The flags of one entry and where its expansion lies, kept apart from the
  /// strings so that reading them costs no reference counting.
  struct Properties: Sendable {
    var isStopWord: Bool
    var isProtected: Bool
    var isInVocabulary: Bool
    /// Whether the expansion only adds accents (`perche` → `perché`).
    var restoresAccentOnly: Bool
    /// The expansion's first entry in ``Lexicon/expansionEntries``.
    var expansionStart: Int32 = 0
    /// How many entries the expansion has; 0 for a word that is no abbreviation.
    var expansionCount: Int32 = 0

    /// Whether the word is an abbreviation.
    var hasExpansion: Bool { expansionCount > 0 }
  }

  /// Each entry's folded word, by entry number.
  private(set) var foldedWords: [String] = []

  /// Each entry's stem, by entry number (the folded word for protected words).
  private(set) var stems: [String] = []

  /// Each entry's flags and expansion, by entry number.
  private(set) var properties: [Properties] = []

  /// The entries of every abbreviation's expansion, back to back.
  private(set) var expansionEntries: [Int32] = []

  /// Every entry's folded letters, numbered as the entries are.
  private var words = FoldedWordSet()

  /// Compiles `configuration`, stemming every known word once.
  init(configuration: AnalyzerConfiguration, stemmer: ItalianStemmer) {
    // Each word's position in `entries`, which keeps them in the order first met: the
    // order numbers the entries, and any fixed order answers the same lookups. (Sorting
    // the words first, as this once did, cost more than the rest of the work.)
    var positions: [String: Int] = [:]
    // Room for the words up front: a vocabulary has thousands, and growing the table
    // step by step rehashes it each time.
    positions.reserveCapacity(
      configuration.stopWords.count + configuration.protectedWords.count
        + (configuration.vocabulary?.count ?? 0))
    var entries: [Entry] = []
    func change(_ word: String, _ body: (inout Entry) -> Void) {
      if let position = positions[word] {
        body(&entries[position])
        return
      }
      positions[word] = entries.count
      var entry = Entry(folded: word, stem: word)
      body(&entry)
      entries.append(entry)
    }
    for word in configuration.stopWords {
      change(word) { $0.isStopWord = true }
    }
    for word in configuration.protectedWords {
      change(word) { $0.isProtected = true }
    }
    if let vocabulary = configuration.vocabulary {
      entries.reserveCapacity(entries.count + vocabulary.count)
      for word in vocabulary.words {
        change(word) { $0.isInVocabulary = true }
      }
    }
    var expansions: [String: [String]] = [:]
    for (key, expansion) in configuration.abbreviations.sorted(by: { $0.key < $1.key }) {
      let parts = expansion.split(separator: " ").map(String.init)
      guard !parts.isEmpty else { continue }
      expansions[key] = parts
      let restoresAccentOnly =
        TextFolding.withoutAccents(expansion) == TextFolding.withoutAccents(key)
      change(key) { $0.restoresAccentOnly = restoresAccentOnly }
      for part in parts { change(part) { _ in } }
    }
    words = FoldedWordSet(minimumCapacity: entries.count)
    for var entry in entries {
      if !entry.isProtected { entry.stem = stemmer.stem(entry.folded) }
      insert(entry)
    }
    for key in expansions.keys.sorted() {
      guard let number = self.number(of: key), let parts = expansions[key] else { continue }
      let numbers = parts.compactMap { self.number(of: $0).map(Int32.init) }
      properties[number].expansionStart = Int32(expansionEntries.count)
      properties[number].expansionCount = Int32(numbers.count)
      expansionEntries += numbers
    }
  }

  /// This lexicon with `words` (folded) known too, each as a word that is nothing but
  /// its stem; a word it knows already keeps its entry.
  ///
  /// Such an entry gives a word the token that stemming it gives: the lookup that finds
  /// it falls through, as a miss does, to the typo correction and then to the entry's
  /// stem, which is the one the token builder would work out (both stem the same folded
  /// letters). Building an index analyses the same words in text after text; knowing
  /// them stems each once.
  func knowing(_ words: Set<String>, stemmer: ItalianStemmer) -> Lexicon {
    var lexicon = self
    // Room for every word up front: each table is copied once, at its final size, rather
    // than copied and then grown step by step, which raised the peak memory of indexing.
    lexicon.reserveCapacity(count + words.count, letters: words.reduce(0) { $0 + $1.utf8.count })
    for word in words where !word.isEmpty {
      // One probe finds a known word or adds a new one; only a new one is stemmed.
      guard lexicon.words.insert(word) == lexicon.foldedWords.count else { continue }
      lexicon.append(Entry(folded: word, stem: stemmer.stem(word)))
    }
    return lexicon
  }

  /// The number of entries.
  var count: Int { foldedWords.count }

  /// Makes room for `capacity` entries in all, with `letters` more letters.
  private mutating func reserveCapacity(_ capacity: Int, letters: Int) {
    foldedWords.reserveCapacity(capacity)
    stems.reserveCapacity(capacity)
    properties.reserveCapacity(capacity)
    words.reserveCapacity(capacity, letters: letters)
  }

  /// The entries of the words entry `number` expands to; empty when it is no
  /// abbreviation.
  func expansion(of number: Int) -> ArraySlice<Int32> {
    let start = Int(properties[number].expansionStart)
    return expansionEntries[start..<start + Int(properties[number].expansionCount)]
  }

  private mutating func insert(_ entry: Entry) {
    // Entries are distinct words, so each is new to `words` and gets the next number.
    let number = words.insert(entry.folded)
    assert(number == foldedWords.count, "a lexicon entry was added twice")
    append(entry)
  }

  /// Adds the strings and flags of `entry`, whose word `words` has just numbered.
  private mutating func append(_ entry: Entry) {
    foldedWords.append(entry.folded)
    stems.append(entry.stem)
    properties.append(
      Properties(
        isStopWord: entry.isStopWord, isProtected: entry.isProtected,
        isInVocabulary: entry.isInVocabulary, restoresAccentOnly: entry.restoresAccentOnly))
  }

  /// The entry number of a folded word given as letters, or `nil`.
  func number(of word: UnsafeBufferPointer<UInt32>) -> Int? {
    words.number(of: word)
  }

  /// The entry number of a folded word, or `nil`.
  func number(of word: String) -> Int? {
    let letters = ScalarString.scalars(of: word)
    return letters.withUnsafeBufferPointer { number(of: $0) }
  }
}
