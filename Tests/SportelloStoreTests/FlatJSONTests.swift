import Foundation
import Testing

@testable import SportelloStore

@Suite struct FlatJSONTests {
  static let awkwardStrings = [
    "", "perché", "a \"quoted\" word", #"back\slash"#, "line\nbreak\r\ttab", "\u{0}\u{1f}\u{7f}",
    "https://www.comune.arezzo.it/anagrafe", "emoji 👍🏽 and 𝄞", "\u{2028}\u{2029}", "\u{08}\u{0C}",
  ]

  @Test func writtenArraysAreJSONThatFoundationReadsBack() throws {
    let text = FlatJSON.array(Self.awkwardStrings)
    let decoded = try JSONDecoder().decode([String].self, from: Data(text.utf8))
    #expect(decoded == Self.awkwardStrings)
    #expect(FlatJSON.strings(from: text) == Self.awkwardStrings)
  }

  @Test func writtenObjectsAreJSONThatFoundationReadsBack() throws {
    let candidates = Self.awkwardStrings.enumerated().map { index, title in
      TicketCandidate(intent: "intent.\(index)", title: title, score: Double(index) / 7)
    }
    guard case .text(let text) = StoredLists.candidates(candidates) else {
      Issue.record("not text")
      return
    }
    #expect(try JSONDecoder().decode([TicketCandidate].self, from: Data(text.utf8)) == candidates)
    let row = Row(values: [.text(text)], columns: ["c"])
    #expect(try StoredLists.candidates(in: row, "c") == candidates)
  }

  @Test func textFoundationWroteIsReadTheSame() throws {
    let options = [OutboundOption(id: "a/b", title: "Carta d'identità \"CIE\" 👍")]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let text = String(decoding: try encoder.encode(options), as: UTF8.self)
    #expect(try StoredLists.options(in: Row(values: [.text(text)], columns: ["o"]), "o") == options)
    #expect(FlatJSON.strings(from: #"["\u00e8 \/ \ud83d\udc4d"]"#) == ["è / 👍"])
  }

  @Test(arguments: [
    "", "[", "[1]", #"["a",]"#, #"["a"] x"#, #"["\x"]"#, #"["\ud83d"]"#, #"["\u+0041"]"#,
    "[\"raw\ncontrol\"]",
  ])
  func malformedArraysAreRefused(_ text: String) {
    #expect(FlatJSON.strings(from: text) == nil)
  }

  @Test(arguments: [#"[{"a":true}]"#, #"[{"a":{"b":1}}]"#, #"[{"a" 1}]"#, #"[{"a":1,}]"#, "{}"])
  func objectsThatAreNotFlatAreRefused(_ text: String) {
    #expect(FlatJSON.objects(from: text) == nil)
  }

  @Test func listsTheFastReaderRefusesFallBackToFoundation() throws {
    // Valid JSON with an extra field of another type: Foundation ignores it, as before.
    let text = #"[{"id":"x","title":"X","extra":true}]"#
    let row = Row(values: [.text(text)], columns: ["o"])
    #expect(try StoredLists.options(in: row, "o") == [OutboundOption(id: "x", title: "X")])
    let broken = Row(values: [.text("[{")], columns: ["o"])
    #expect(throws: StoreError.self) { try StoredLists.options(in: broken, "o") }
  }
}
