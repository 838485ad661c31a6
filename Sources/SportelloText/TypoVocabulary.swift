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
/// Ties are broken deterministically: the smallest distance wins, then the
/// word given most often to ``init(words:)``, then the word that sorts first by
/// Unicode scalar values.
///
///     let vocabulary = TypoVocabulary(words: ["residenza", "identità"])
///     vocabulary.correction(for: "residneza")   // "residenza"
///     vocabulary.correction(for: "identià")     // "identità"
public struct TypoVocabulary: Sendable {
  /// The folded words, in the order first given.
  public let words: [String]

  /// How often each word was given, by word number.
  private let frequencies: [Int32]

  /// The letters of every word, back to back.
  private let letters: [UInt32]

  /// Where each word's letters start in ``letters``; one more entry than words.
  private let starts: [Int32]

  /// Word numbers by folded word.
  private let numbers: [String: Int32]

  private let index: DeleteIndex

  /// Builds the vocabulary and its index.
  ///
  /// - Parameter words: The vocabulary, repetitions allowed (they count as
  ///   frequency for the tie-break). Empty strings are ignored.
  /// - Complexity: O(*n* × *k*³) for *n* words of *k* letters; about 100 ms for
  ///   20,000 words in a release build.
  public init(words: some Sequence<String>) {
    var unique: [String] = []
    var frequencies: [Int32] = []
    var numbers: [String: Int32] = [:]
    var letters: [UInt32] = []
    var starts: [Int32] = [0]
    var buffer: [UInt32] = []
    var expectedKeys = 0
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
      expectedKeys += 1 + n + (n >= 6 ? n * (n - 1) / 2 : 0)
    }
    var index = DeleteIndex(expectedKeys: expectedKeys)
    letters.withUnsafeBufferPointer { all in
      for number in 0..<unique.count {
        let start = Int(starts[number])
        let word = UnsafeBufferPointer(rebasing: all[start..<Int(starts[number + 1])])
        DeleteIndex.forEachDeletedForm(of: word, upTo: word.count >= 6 ? 2 : 1) { hash, _ in
          index.insert(hash: hash, word: Int32(number))
          return true
        }
      }
    }
    self.words = unique
    self.frequencies = frequencies
    self.letters = letters
    self.starts = starts
    self.numbers = numbers
    self.index = index
  }

  /// The number of distinct words.
  public var count: Int { words.count }

  /// Whether the vocabulary holds `word` (compared folded).
  public func contains(_ word: String) -> Bool {
    numbers[word] != nil || numbers[TextFolding.foldedWord(word)] != nil
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
    if numbers[ScalarString.make(buffer)] != nil { return nil }
    return correction(forFoldedLetters: buffer).map { words[Int($0)] }
  }

  /// The word number of the best correction of folded, unknown letters.
  func correction(forFoldedLetters query: [UInt32]) -> Int32? {
    let length = query.count
    guard length >= 4 else { return nil }
    let maximum = length >= 8 ? 2 : 1
    var best: (distance: Int, word: Int32)?
    var seen: [Int32] = []
    query.withUnsafeBufferPointer { query in
      letters.withUnsafeBufferPointer { all in
        func consider(_ word: Int32) {
          if seen.contains(word) { return }
          seen.append(word)
          let start = Int(starts[Int(word)])
          let candidate = UnsafeBufferPointer(rebasing: all[start..<Int(starts[Int(word) + 1])])
          let bound = best.map { Swift.min($0.distance, maximum) } ?? maximum
          guard
            let distance = EditDistance.optimalStringAlignment(query, candidate, maximum: bound)
          else { return }
          if let current = best, !isBetter(word, distance, than: current.word, current.distance) {
            return
          }
          best = (distance, word)
        }
        // Distance-1 candidates are all reachable with one deletion from the
        // query; deeper deletions are only needed when none was found.
        DeleteIndex.forEachDeletedForm(of: query, upTo: maximum) { hash, deletions in
          if deletions == 2, let found = best, found.distance <= 1 { return false }
          index.forEachWord(hash: hash, consider)
          return true
        }
      }
    }
    return best?.word
  }

  /// The documented tie-break: distance, then frequency, then scalar order.
  private func isBetter(_ word: Int32, _ distance: Int, than other: Int32, _ otherDistance: Int)
    -> Bool
  {
    if distance != otherDistance { return distance < otherDistance }
    let frequency = frequencies[Int(word)]
    let otherFrequency = frequencies[Int(other)]
    if frequency != otherFrequency { return frequency > otherFrequency }
    return words[Int(word)].unicodeScalars.lexicographicallyPrecedes(
      words[Int(other)].unicodeScalars)
  }
}
