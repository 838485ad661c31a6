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

  @Test func everyMaximumAgreesWithTheFullMatrix() {
    var state: UInt64 = 20_261_204
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let letters = Array("aabcde".unicodeScalars.map(\.value))
    for _ in 0..<2_000 {
      let a = (0..<next(9)).map { _ in letters[next(letters.count)] }
      let b = (0..<next(9)).map { _ in letters[next(letters.count)] }
      let expected = Self.fullMatrixDistance(a, b)
      for maximum in [0, 1, 2, 3, 8, Int.max] {
        let bounded = a.withUnsafeBufferPointer { a in
          b.withUnsafeBufferPointer { b in
            EditDistance.optimalStringAlignment(a, b, maximum: maximum)
          }
        }
        #expect(bounded == (expected <= maximum ? expected : nil), "\(a) \(b) \(maximum)")
      }
    }
  }

  /// The textbook OSA recurrence over the whole matrix: the reference.
  static func fullMatrixDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
