import Foundation
import SportelloStore
import Testing

@testable import SportelloServer

@Suite struct JSONValueTests {
  static func parse(_ text: String) throws -> JSONValue {
    try JSONValue.parse(Array(text.utf8))
  }

  @Test func valuesOfEveryKindAreRead() throws {
    let value = try Self.parse(
      #" {"s":"è\n\u00e8\/\ud83d\udc4d","n":-12.5e2,"z":0,"t":true,"f":false,"#
        + #""x":null,"a":[[],{}]} "#)
    #expect(value["s"] == .string("è\nè/👍"))
    #expect(value["n"] == .number(-1250))
    #expect(value["z"] == .number(0))
    #expect(value["t"] == .bool(true))
    #expect(value["f"] == .bool(false))
    #expect(value["x"] == .null)
    #expect(value["a"] == .array([.array([]), .object([:])]))
  }

  @Test(arguments: [
    "", "{", "[1,]", #"{"a":1,}"#, "01", "1.", ".5", "+1", "1e", "tru", "nul", #"{"a" 1}"#,
    #"{1:2}"#, #"["\x"]"#, #"["\ud83d"]"#, #"["\udc4d"]"#, #"["\u12g4"]"#, "[\"a\nb\"]",
    "{} {}", "[1] x", "1e999", #""unterminated"#,
  ])
  func invalidDocumentsAreRefused(text: String) {
    #expect(throws: JSONValue.ParseError.self) { try Self.parse(text) }
  }

  @Test func invalidUTF8InAStringIsRefused() {
    let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
    #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(bytes) }
  }

  @Test func deepNestingIsRefusedNotRecursedInto() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONValue.ParseError.self) { try Self.parse(deep) }
    let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    _ = try Self.parse(allowed)
  }

  @Test func randomBytesNeverCrashTheParser() {
    var generator = SeededGenerator(seed: 20_261_203)
    let alphabet = Array(#"{}[],:"\/bfnrtu0123456789.eE+-truefalsenull è"#.utf8) + [0, 0xFF, 0x0A]
    for _ in 0..<20_000 {
      let count = Int.random(in: 0..<40, using: &generator)
      let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
      _ = try? JSONValue.parse(bytes)
    }
  }

  @Test(arguments: Samples.names)
  func everySampleReadsAsFoundationReadsIt(name: String) throws {
    let body = try Samples.body(name)
    let ours = try WebhookEvents.decode(body, receivedAt: Date(timeIntervalSince1970: 0))
    let payload = try JSONDecoder().decode(WebhookPayload.self, from: Data(body))
    let theirs = try WebhookEvents.events(of: payload, receivedAt: Date(timeIntervalSince1970: 0))
    #expect(ours.messages == theirs.messages)
    #expect(ours.statuses == theirs.statuses)
  }

  @Test(arguments: [
    #"{"entry":[{"changes":[{"value":{"messages":[{"from":1}]}}]}]}"#,
    #"{"entry":[{"changes":[{"value":{"statuses":[{"errors":[{"code":1.5}]}]}}]}]}"#,
    #"{"entry":{"changes":[]}}"#, #"{"entry":["x"]}"#,
  ])
  func membersOfTheWrongTypeAreRefusedAsFoundationRefusesThem(text: String) {
    #expect(throws: WebhookError.self) { try WebhookEvents.decode(Array(text.utf8)) }
    #expect(throws: (any Error).self) {
      try JSONDecoder().decode(WebhookPayload.self, from: Data(text.utf8))
    }
  }
}

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
