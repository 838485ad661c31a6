import Testing

@testable import SportelloText

@Suite struct FoldedWordSetTests {
  /// The letters of `word`.
  static func letters(_ word: String) -> [UInt32] { word.unicodeScalars.map(\.value) }

  @Test func holdsWhatWasInsertedAndNothingElse() {
    var set = FoldedWordSet()
    for word in ["casa", "cassa", "tari", "tarì", "a"] { set.insert(letters: Self.letters(word)) }
    #expect(set.count == 5)
    for word in ["casa", "cassa", "tari", "tarì", "a"] {
      #expect(set.contains(letters: Self.letters(word)))
    }
    for word in ["cas", "casaa", "tar", "", "b", "asac"] {
      #expect(!set.contains(letters: Self.letters(word)))
    }
  }

  @Test func aWordInsertedTwiceIsStoredOnce() {
    var set = FoldedWordSet()
    set.insert(letters: Self.letters("residenza"))
    set.insert(letters: Self.letters("residenza"))
    #expect(set.count == 1)
  }

  /// Words are numbered in the order first inserted, by letters or by string alike, and
  /// through growth of the table: ``Lexicon`` finds its entries by these numbers.
  @Test func wordsAreNumberedInTheOrderFirstInserted() {
    var set = FoldedWordSet()
    let words = (0..<100).map { "parola\($0)" } + ["città", "perché"]
    for (number, word) in words.enumerated() {
      let inserted =
        number.isMultiple(of: 2) ? set.insert(word) : set.insert(letters: Self.letters(word))
      #expect(inserted == number, "\(word)")
    }
    #expect(set.insert("parola7") == 7)
    #expect(set.insert(letters: Self.letters("città")) == 100)
    #expect(set.count == words.count)
    for (number, word) in words.enumerated() {
      #expect(Self.letters(word).withUnsafeBufferPointer { set.number(of: $0) } == number)
    }
    #expect(Self.letters("parola100").withUnsafeBufferPointer { set.number(of: $0) } == nil)
  }

  @Test func theEmptyWordIsAWordLikeAnyOther() {
    var set = FoldedWordSet()
    #expect(!set.contains(letters: []))
    set.insert(letters: [])
    #expect(set.contains(letters: []))
    #expect(set.count == 1)
  }

  @Test func growingPastItsCapacityKeepsEveryWord() {
    var set = FoldedWordSet(minimumCapacity: 2)
    let words = (0..<5_000).map { "parola\($0)" }
    for word in words { set.insert(letters: Self.letters(word)) }
    #expect(set.count == words.count)
    #expect(words.allSatisfy { set.contains(letters: Self.letters($0)) })
    #expect(!set.contains(letters: Self.letters("parola5000")))
  }
}
