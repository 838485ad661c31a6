/// The lookup behind ``TypoVocabulary/correction(for:)``, on folded letters.
extension TypoVocabulary {
  /// How many distinct candidates a lookup remembers, to check each once.
  ///
  /// Past this many (a pathological vocabulary), a candidate met again is
  /// checked again, which costs time but cannot change the result.
  static let rememberedCandidates = 64

  /// The word number of the best correction of folded, unknown letters.
  func correction(forFoldedLetters query: [UInt32]) -> Int32? {
    query.withUnsafeBufferPointer { correction(forFoldedLetters: $0) }
  }

  /// Calls `body` with the folded letters of word number `word`.
  func withLetters<Result>(
    of word: Int32, _ body: (UnsafeBufferPointer<UInt32>) -> Result
  ) -> Result {
    let storage = storage
    return storage.letters.withUnsafeBufferPointer { all in
      let start = Int(storage.starts[Int(word)])
      return body(UnsafeBufferPointer(rebasing: all[start..<Int(storage.starts[Int(word) + 1])]))
    }
  }

  /// The word number of the best correction of folded, unknown letters.
  ///
  /// Allocation-free: it runs for every unknown word of every message.
  func correction(forFoldedLetters query: UnsafeBufferPointer<UInt32>) -> Int32? {
    let length = query.count
    guard length >= 4, length <= Self.maximumWordLength else { return nil }
    let maximum = length >= 8 ? 2 : 1
    let storage = storage
    var best: (distance: Int, word: Int32)?
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.rememberedCandidates) {
      seen in
      var seenCount = 0
      storage.letters.withUnsafeBufferPointer { all in
        storage.starts.withUnsafeBufferPointer { starts in
          // Distance-1 candidates are all reachable with one deletion from the
          // query; deeper deletions are only needed when none was found.
          DeleteIndex.forEachDeletedForm(of: query, upTo: maximum) { hash, deletions in
            if deletions == 2, let found = best, found.distance <= 1 { return false }
            storage.index.forEachWord(hash: hash) { word in
              if seen[..<seenCount].contains(word) { return }
              if seenCount < seen.count {
                seen[seenCount] = word
                seenCount += 1
              }
              let start = Int(starts[Int(word)])
              let candidate = UnsafeBufferPointer(
                rebasing: all[start..<Int(starts[Int(word) + 1])])
              let bound = best.map { Swift.min($0.distance, maximum) } ?? maximum
              guard
                let distance = EditDistance.optimalStringAlignment(query, candidate, maximum: bound)
              else { return }
              if let current = best,
                !isBetter(word, distance, than: current.word, current.distance)
              {
                return
              }
              best = (distance, word)
            }
            return true
          }
        }
      }
      return best?.word
    }
  }

  /// The documented tie-break: distance, then frequency, then a word of the Italian
  /// lexicon before any other, then scalar order.
  ///
  /// The lexicon comes third because a rule set may hold foreign words (English
  /// synonyms for tourists): `didentita` is as far from `identity` as from `identità`,
  /// and a citizen writing Italian meant the Italian word.
  private func isBetter(_ word: Int32, _ distance: Int, than other: Int32, _ otherDistance: Int)
    -> Bool
  {
    if distance != otherDistance { return distance < otherDistance }
    let frequency = storage.frequencies[Int(word)]
    let otherFrequency = storage.frequencies[Int(other)]
    if frequency != otherFrequency { return frequency > otherFrequency }
    let isItalian = withLetters(of: word, ItalianLexicon.contains(foldedLetters:))
    if isItalian != withLetters(of: other, ItalianLexicon.contains(foldedLetters:)) {
      return isItalian
    }
    // The words' folded letters are their Unicode scalars.
    return withLetters(of: word) { letters in
      withLetters(of: other) { otherLetters in letters.lexicographicallyPrecedes(otherLetters) }
    }
  }
}
