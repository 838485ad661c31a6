import Testing

@testable import SportelloEngine

/// Synonym phrases are replaced by their concept, longest first, left to right.
@Suite struct ConceptMapTests {
  @Test func theLongestPhraseIsReplacedFirst() {
    var map = ConceptMap()
    map.add([1, 2], concept: 10)
    map.add([1, 2, 3], concept: 11)
    map.add([1], concept: 12)
    let applied = map.apply(to: [5, 1, 2, 3, 1, 2, 4, 1, -1])
    #expect(applied.sequence == [5, 11, 10, 4, 12, -1])
    #expect(applied.concepts == [11, 10, 12])
  }

  @Test func aPhraseAlreadyTakenKeepsItsFirstConcept() {
    var map = ConceptMap()
    map.add([1, 2], concept: 10)
    map.add([1, 2], concept: 20)
    #expect(map.apply(to: [1, 2]).sequence == [10])
  }

  @Test func aSequenceWithoutAPhraseIsReturnedAsItIs() {
    var map = ConceptMap()
    map.add([1, 2, 3], concept: 10)
    let applied = map.apply(to: [7, 1, 2, -1, 40])
    #expect(applied.sequence == [7, 1, 2, -1, 40])
    #expect(applied.concepts.isEmpty)
  }

  @Test func aPhraseIsFoundAtTheEndOfTheSequence() {
    var map = ConceptMap()
    map.add([3, 4], concept: 9)
    #expect(map.apply(to: [1, 3, 4]).sequence == [1, 9])
  }
}
