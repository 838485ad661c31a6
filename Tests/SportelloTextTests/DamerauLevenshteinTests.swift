import Testing

@testable import SportelloText

@Suite struct DamerauLevenshteinTests {
  @Test(arguments: [
    ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("carta", "carta", 0),
    ("carta", "carte", 1),  // substitution
    ("identità", "identià", 1),  // deletion
    ("carta", "cartta", 1),  // insertion
    ("residenza", "residneza", 1),  // transposition
    ("ca", "abc", 3),  // optimal string alignment: no edit of a transposed pair
    ("kitten", "sitting", 3),
    ("città", "citta", 1),
  ])
  func measuresOptimalStringAlignment(a: String, b: String, distance: Int) {
    #expect(damerauLevenshtein(a, b) == distance)
    #expect(damerauLevenshtein(b, a) == distance)
  }

  @Test func boundedDistanceGivesUpPastTheMaximum() {
    let a = "residenza".unicodeScalars.map(\.value)
    let b = "presidente".unicodeScalars.map(\.value)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        #expect(EditDistance.optimalStringAlignment(a, b, maximum: 2) == nil)
        #expect(EditDistance.optimalStringAlignment(a, b, maximum: 4) == 3)
      }
    }
  }
}
