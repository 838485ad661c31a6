import Testing

@testable import SportelloEngine

@Suite struct SortedTermsTests {
  @Test func uniqueSortsAndDropsRepeats() {
    #expect(SortedTerms.unique([5, 1, 5, 3, 1]) == [1, 3, 5])
    #expect(SortedTerms.unique([Int32]()) == [])
    #expect(SortedTerms.unique([7]) == [7])
  }

  @Test(arguments: [2, 31, 32, 33, 64, 500])
  func uniqueAgreesWithASetOnArraysOfEverySize(count: Int) {
    var random = SeededRandom(seed: UInt64(count))
    for _ in 0..<50 {
      let terms = (0..<count).map { _ in Int32(random.next(in: 0...(count / 2 + 1))) }
      #expect(SortedTerms.unique(terms) == Set(terms).sorted())
    }
  }

  @Test func subtractingKeepsWhatTheOtherSetLacks() {
    #expect(SortedTerms.subtracting([2, 3, 9], from: [1, 2, 4, 9, 10]) == [1, 4, 10])
    #expect(SortedTerms.subtracting([], from: [1, 2]) == [1, 2])
    #expect(SortedTerms.subtracting([1, 2], from: []) == [])
  }

  @Test func phraseWordsGiveWayToTheirConcept() {
    // "carta d'identità" (terms 4, 5) is concept 9; stop word 1 stays.
    #expect(
      SortedTerms.replacingPhrases([1, 4, 5, 6], sequence: [4, 5, 6], conceptual: [9, 6])
        == [1, 6, 9])
    #expect(SortedTerms.replacingPhrases([1, 4], sequence: [4], conceptual: [4]) == [1, 4])
  }

  @Test func randomSetsGiveWhatSetsGive() {
    var random = SeededRandom(seed: 23)
    for _ in 0..<500 {
      let draw = { (count: Int) in (0..<count).map { _ in Int32(random.next(in: 0...20)) } }
      let all = draw(random.next(in: 0...12))
      let sequence = draw(random.next(in: 0...6))
      let conceptual = random.next(in: 0...1) == 0 ? sequence : draw(random.next(in: 0...6))
      let removed = draw(random.next(in: 0...8))
      #expect(SortedTerms.unique(all) == Set(all).sorted())
      #expect(
        SortedTerms.subtracting(SortedTerms.unique(removed), from: SortedTerms.unique(all))
          == Set(all).subtracting(removed).sorted())
      let expected =
        sequence == conceptual
        ? Set(all).sorted() : Set(all).subtracting(sequence).union(conceptual).sorted()
      #expect(
        SortedTerms.replacingPhrases(
          SortedTerms.unique(all), sequence: sequence, conceptual: conceptual) == expected)
    }
  }
}
