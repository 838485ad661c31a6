import Testing

@testable import SportelloHTTP

@Suite struct SHA256Tests {
  // FIPS 180-4 examples (NIST CSRC "Examples with Intermediate Values", SHA-256).
  @Test(arguments: [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func digestMatchesTheStandardsVector(message: String, expected: String) {
    #expect(Hex.encode(SHA256.hash(Array(message.utf8))) == expected)
  }

  @Test func oneMillionLettersAHashToTheStandardsVector() {
    var hasher = SHA256()
    let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(block) }
    #expect(
      Hex.encode(hasher.finalize())
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func feedingInPiecesGivesTheSameDigestAsAllAtOnce() {
    let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
    for split in [1, 55, 56, 63, 64, 65, 127, 999] {
      var hasher = SHA256()
      hasher.update(message[..<split])
      hasher.update(message[split...])
      #expect(hasher.finalize() == SHA256.hash(message), "split at \(split)")
    }
  }

  @Test func messagesAroundThePaddingBoundaryHashDistinctly() {
    let digests = Set((54...66).map { SHA256.hash([UInt8](repeating: 0x61, count: $0)) })
    #expect(digests.count == 13)
    #expect(
      Hex.encode(SHA256.hash([UInt8](repeating: 0x61, count: 64)))
        == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }
}
