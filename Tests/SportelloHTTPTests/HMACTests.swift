import Testing

@testable import SportelloHTTP

@Suite struct HMACTests {
  struct Vector: Sendable, CustomStringConvertible {
    var name: String
    var key: [UInt8]
    var data: [UInt8]
    var expected: String
    var truncatedTo: Int? = nil
    var description: String { name }
  }

  // RFC 4231 section 4, test cases 1 to 7 (HMAC-SHA-256 column).
  static let vectors: [Vector] = [
    Vector(
      name: "case 1", key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
      expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    Vector(
      name: "case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
      expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    Vector(
      name: "case 3", key: [UInt8](repeating: 0xaa, count: 20),
      data: [UInt8](repeating: 0xdd, count: 50),
      expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    Vector(
      name: "case 4", key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
      expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    Vector(
      name: "case 5", key: [UInt8](repeating: 0x0c, count: 20),
      data: Array("Test With Truncation".utf8),
      expected: "a3b6167473100ee06e0c796c2955552b", truncatedTo: 16),
    Vector(
      name: "case 6", key: [UInt8](repeating: 0xaa, count: 131),
      data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
      expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    Vector(
      name: "case 7", key: [UInt8](repeating: 0xaa, count: 131),
      data: Array(
        ("This is a test using a larger than block-size key and a larger than block-size data. "
          + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
      expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
  ]

  @Test(arguments: vectors)
  func tagMatchesRFC4231(vector: Vector) {
    let tag = HMAC.sha256(key: vector.key, message: vector.data)
    #expect(Hex.encode(tag.prefix(vector.truncatedTo ?? 32)) == vector.expected)
  }

  @Test func constantTimeComparisonTellsEqualFromUnequal() {
    #expect(HMAC.constantTimeEquals([1, 2, 3], [1, 2, 3]))
    #expect(!HMAC.constantTimeEquals([1, 2, 3], [1, 2, 4]))
    #expect(!HMAC.constantTimeEquals([1, 2, 3], [1, 2]))
    #expect(HMAC.constantTimeEquals([], []))
  }

  @Test func hexRoundTripsAndRejectsBadDigits() {
    #expect(Hex.decode("00ffAb") == [0, 255, 171])
    #expect(Hex.encode([0, 255, 171]) == "00ffab")
    #expect(Hex.decode("abc") == nil)
    #expect(Hex.decode("zz") == nil)
  }
}
