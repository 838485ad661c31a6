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

  /// Every entry's letters, back to back.
  private var letters: [UInt32] = []

  /// Where each entry's letters start; one more than there are entries.
  private var starts: [Int32] = [0]

  /// Open-addressing slots: a 32-bit fingerprint of the word's hash in the high
  /// half, entry number + 1 in the low half; 0 is empty.
  ///
  /// The fingerprint settles most probes without touching the letters.
  private var slots: [UInt64] = []
  private var mask = 0

  /// Compiles `configuration`, stemming every known word once.
  init(configuration: AnalyzerConfiguration, stemmer: ItalianStemmer) {
    // Each word's position in `entries`, which keeps them in the order first met: the
    // order numbers the entries, and any fixed order answers the same lookups. (Sorting
    // the words first, as this once did, cost more than the rest of the work.)
    var positions: [String: Int] = [:]
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
    var capacity = 16
    while capacity < entries.count * 2 { capacity <<= 1 }
    slots = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
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

  /// The entries of the words entry `number` expands to; empty when it is no
  /// abbreviation.
  func expansion(of number: Int) -> ArraySlice<Int32> {
    let start = Int(properties[number].expansionStart)
    return expansionEntries[start..<start + Int(properties[number].expansionCount)]
  }

  private mutating func insert(_ entry: Entry) {
    let number = foldedWords.count
    foldedWords.append(entry.folded)
    stems.append(entry.stem)
    properties.append(
      Properties(
        isStopWord: entry.isStopWord, isProtected: entry.isProtected,
        isInVocabulary: entry.isInVocabulary, restoresAccentOnly: entry.restoresAccentOnly))
    for scalar in entry.folded.unicodeScalars { letters.append(scalar.value) }
    starts.append(Int32(letters.count))
    let hash = letters.withUnsafeBufferPointer { all in
      let word = Int(starts[number])..<Int(starts[number + 1])
      return LetterHash.of(UnsafeBufferPointer(rebasing: all[word]))
    }
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
  }

  /// The entry number of a folded word given as letters, or `nil`.
  func number(of word: UnsafeBufferPointer<UInt32>) -> Int? {
    let hash = LetterHash.of(word)
    let fingerprint = hash & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      letters.withUnsafeBufferPointer { all in
        starts.withUnsafeBufferPointer { starts in
          while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if stored & 0xFFFF_FFFF_0000_0000 == fingerprint {
              let number = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
              let start = Int(starts[number])
              if Int(starts[number + 1]) - start == word.count {
                var index = 0
                while index < word.count, all[start + index] == word[index] { index += 1 }
                if index == word.count { return number }
              }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  /// The entry number of a folded word, or `nil`.
  func number(of word: String) -> Int? {
    let letters = ScalarString.scalars(of: word)
    return letters.withUnsafeBufferPointer { number(of: $0) }
  }
}
