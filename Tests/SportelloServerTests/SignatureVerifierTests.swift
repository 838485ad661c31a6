import Foundation
import Testing

@testable import SportelloServer

@Suite struct SignatureVerifierTests {
  private let verifier = SignatureVerifier(appSecret: Samples.appSecret)

  @Test(arguments: Samples.names)
  func everySampleVerifiesAgainstItsPublishedSignature(name: String) throws {
    let signature = try #require(try Samples.signatures()[name])
    let body = try Samples.body(name)
    #expect(verifier.verify(body: body, header: signature) == .valid)
    #expect(verifier.signature(of: body) == signature)
  }

  @Test func missingMalformedAndWrongSignaturesAreToldApart() throws {
    let body = try Samples.body("text-message.json")
    let right = verifier.signature(of: body)
    #expect(verifier.verify(body: body, header: nil) == .missing)
    #expect(verifier.verify(body: body, header: "") == .malformed)
    #expect(verifier.verify(body: body, header: "sha1=" + right.dropFirst(7)) == .malformed)
    #expect(verifier.verify(body: body, header: "sha256=abc") == .malformed)
    #expect(
      verifier.verify(body: body, header: "sha256=" + String(repeating: "g", count: 64))
        == .malformed)
    let flipped = String(right.dropLast()) + (right.hasSuffix("0") ? "1" : "0")
    #expect(verifier.verify(body: body, header: flipped) == .mismatch)
    let other = SignatureVerifier(appSecret: "another secret")
    #expect(other.verify(body: body, header: right) == .mismatch)
  }

  @Test func theItalianBodyReencodedAfterSigningNoLongerVerifies() throws {
    let body = try Samples.body("text-message-italian.json")
    let signature = try #require(try Samples.signatures()["text-message-italian.json"])
    let object = try JSONSerialization.jsonObject(with: Data(body))
    let reencoded = Array(try JSONSerialization.data(withJSONObject: object))
    #expect(reencoded != body)
    #expect(verifier.verify(body: reencoded, header: signature) == .mismatch)
    #expect(verifier.verify(body: body, header: signature) == .valid)
  }
}
