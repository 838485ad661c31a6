/// The words typos are corrected to, indexed once for fast lookups.
///
/// Built from the words of the loaded rules; each word is folded (lowercase,
/// apostrophes and accents unified) and counted. An unknown word of 4-7 letters
/// is corrected to a vocabulary word at Damerau-Levenshtein (OSA) distance 1,
/// a word of 8 letters or more to one at distance at most 2; shorter words are
/// never corrected.
///
/// The index is a symmetric-delete index (every form of a vocabulary word with
/// up to two letters deleted), so a lookup costs a few hash probes rather than
/// a scan of the vocabulary.
///
/// Words longer than ``maximumWordLength`` letters are neither indexed nor
/// corrected (no Italian word is that long), which keeps a pathological message
/// of one huge "word" linear.
///
/// Ties are broken deterministically: the smallest distance wins, then the
/// word given most often to ``init(words:)``, then the word that sorts first by
/// Unicode scalar values.
///
/// The vocabulary is a value; its tables are shared by reference between
/// copies, so copying it costs one reference count.
///
///     let vocabulary = TypoVocabulary(words: ["residenza", "identità"])
///     vocabulary.correction(for: "residneza")   // "residenza"
///     vocabulary.correction(for: "identià")     // "identità"
public struct TypoVocabulary: Sendable {
  /// The longest word, in letters, that is indexed or corrected.
  public static let maximumWordLength = 40

  /// The tables, immutable once built, hence safe to share between threads.
  final class Storage: Sendable {
    /// The folded words, in the order first given.
    let words: [String]

    /// How often each word was given, by word number.
    let frequencies: [Int32]

    /// The letters of every word, back to back.
    let letters: [UInt32]

    /// Where each word's letters start in ``letters``; one more entry than words.
    let starts: [Int32]

    /// Word numbers by folded word.
    let numbers: [String: Int32]

    /// The deleted forms of every word.
    let index: DeleteIndex

    init(
      words: [String], frequencies: [Int32], letters: [UInt32], starts: [Int32],
      numbers: [String: Int32], index: DeleteIndex
    ) {
      self.words = words
      self.frequencies = frequencies
      self.letters = letters
      self.starts = starts
      self.numbers = numbers
      self.index = index
    }
  }

  /// The tables.
  let storage: Storage

  /// The folded words, in the order first given.
  public var words: [String] { storage.words }

  /// Builds the vocabulary and its index.
  ///
  /// - Parameter words: The vocabulary, repetitions allowed (they count as
  ///   frequency for the tie-break). Empty strings are ignored.
  /// - Complexity: O(*n* × *k*²) for *n* words of *k* letters; about 40 ms for
  ///   20,000 words in a release build.
  public init(words: some Sequence<String>) {
    var unique: [String] = []
    var frequencies: [Int32] = []
    var numbers: [String: Int32] = [:]
    var letters: [UInt32] = []
    var starts: [Int32] = [0]
    var buffer: [UInt32] = []
    var entryCount = 0
    for word in words {
      buffer.removeAll(keepingCapacity: true)
      TextFolding.appendFoldedLetters(of: word, to: &buffer)
      guard !buffer.isEmpty else { continue }
      let folded = ScalarString.make(buffer)
      if let number = numbers[folded] {
        frequencies[Int(number)] += 1
        continue
      }
      numbers[folded] = Int32(unique.count)
      unique.append(folded)
      frequencies.append(1)
      letters.append(contentsOf: buffer)
      starts.append(Int32(letters.count))
      let n = buffer.count
      if n <= Self.maximumWordLength { entryCount += 1 + n + (n >= 8 ? n * (n - 1) / 2 : 0) }
    }
    // Every word's deleted forms, written straight into place: `entryCount`
    // is exact.
    var entries = [UInt64](unsafeUninitializedCapacity: entryCount) { entries, initialized in
      letters.withUnsafeBufferPointer { all in
        for number in 0..<unique.count {
          let start = Int(starts[number])
          let word = UnsafeBufferPointer(rebasing: all[start..<Int(starts[number + 1])])
          guard word.count <= Self.maximumWordLength else { continue }
          // Two deletions on the vocabulary side are needed only when the
          // query is no longer than the word (two substitutions or deletions)
          // and has 8 letters or more; one deletion covers every other case.
          DeleteIndex.forEachDeletedForm(of: word, upTo: word.count >= 8 ? 2 : 1) { hash, _ in
            entries[initialized] = DeleteIndex.entry(hash: hash, word: Int32(number))
            initialized += 1
            return true
          }
        }
      }
    }
    let index = DeleteIndex(entries: &entries)
    storage = Storage(
      words: unique, frequencies: frequencies, letters: letters, starts: starts,
      numbers: numbers, index: index)
  }

  /// The number of distinct words.
  public var count: Int { storage.words.count }

  /// Whether the vocabulary holds `word` (compared folded).
  public func contains(_ word: String) -> Bool {
    storage.numbers[word] != nil || storage.numbers[TextFolding.foldedWord(word)] != nil
  }

  /// The vocabulary word `word` is a typo of, or `nil`.
  ///
  /// Returns `nil` for words the vocabulary holds (there is nothing to
  /// correct), for words of 3 letters or fewer, for words containing anything
  /// but letters, and when no word is close enough.
  ///
  /// - Complexity: O(*k*²) hash probes for a word of *k* letters, plus a
  ///   bounded distance check per candidate.
  public func correction(for word: String) -> String? {
    var buffer: [UInt32] = []
    TextFolding.appendFoldedLetters(of: word, to: &buffer)
    guard buffer.allSatisfy(TextFolding.isLetter) else { return nil }
    if storage.numbers[ScalarString.make(buffer)] != nil { return nil }
    return correction(forFoldedLetters: buffer).map { storage.words[Int($0)] }
  }
}
