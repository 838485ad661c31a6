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
