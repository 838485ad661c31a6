import Foundation
import SportelloStore
import Testing

@testable import SportelloServer

@Suite struct GraphMessageBuilderTests {
  private func options(_ titles: [String]) -> [OutboundOption] {
    titles.enumerated().map { OutboundOption(id: "intent.\($0.offset)", title: $0.element) }
  }

  @Test func shortTextIsOneTextMessage() throws {
    let bodies = GraphMessageBuilder.bodies(for: .text("Ciao"), to: "39333")
    let body = try #require(bodies.first)
    #expect(bodies.count == 1)
    #expect(body["messaging_product"] as? String == "whatsapp")
    #expect(body["to"] as? String == "39333")
    #expect(body["type"] as? String == "text")
    #expect((body["text"] as? [String: Any])?["body"] as? String == "Ciao")
  }

  @Test func longTextIsSplitOnParagraphs() {
    let paragraph = String(repeating: "parola ", count: 280)  // 1,960 characters
    let text = [paragraph, paragraph, paragraph].joined(separator: "\n\n")
    let parts = GraphMessageBuilder.split(text)
    #expect(parts.count == 2)
    #expect(parts.allSatisfy { $0.utf16.count <= 4096 })
    #expect(
      parts[0]
        == [paragraph, paragraph].joined(separator: "\n\n").trimmingCharacters(in: .whitespaces))
    #expect(parts.joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
  }

  @Test func unbreakableTextIsCutAtTheLimit() {
    let parts = GraphMessageBuilder.split(String(repeating: "à", count: 9000))
    #expect(parts.map(\.count) == [4096, 4096, 808])
  }

  @Test func threeOptionsBecomeReplyButtonsWithShortUniqueTitles() throws {
    let content = OutboundContent.choice(
      text: "Quale?\n1) Carta d'identità elettronica\n2) Certificati anagrafici\n3) Passaporto",
      options: options(["Carta d'identità elettronica", "Certificati anagrafici", "Passaporto"]))
    let body = try #require(GraphMessageBuilder.bodies(for: content, to: "39333").first)
    #expect(body["type"] as? String == "interactive")
    let interactive = try #require(body["interactive"] as? [String: Any])
    #expect(interactive["type"] as? String == "button")
    let action = try #require(interactive["action"] as? [String: Any])
    let buttons = try #require(action["buttons"] as? [[String: Any]])
    let replies = buttons.compactMap { $0["reply"] as? [String: String] }
    #expect(replies.map { $0["id"] } == ["intent.0", "intent.1", "intent.2"])
    #expect(
      replies.map { $0["title"] } == ["Carta d'identità el…", "Certificati anagraf…", "Passaporto"])
    #expect(replies.allSatisfy { ($0["title"]?.count ?? 99) <= 20 })
  }

  @Test func titlesThatCollideWhenCutAreNumbered() throws {
    let content = OutboundContent.choice(
      text: "Quale?",
      options: options(["Certificato di residenza storico", "Certificato di residenza attuale"]))
    let body = try #require(GraphMessageBuilder.bodies(for: content, to: "1").first)
    let action = (body["interactive"] as? [String: Any])?["action"] as? [String: Any]
    let titles = (action?["buttons"] as? [[String: Any]])?.compactMap {
      ($0["reply"] as? [String: String])?["title"]
    }
    #expect(titles == ["1. Certificato di r…", "2. Certificato di r…"])
  }

  @Test func fourToTenOptionsBecomeAList() throws {
    let titles = (1...5).map { "Servizio comunale numero \($0) per i cittadini" }
    let content = OutboundContent.choice(text: "Quale?", options: options(titles))
    let body = try #require(GraphMessageBuilder.bodies(for: content, to: "1").first)
    let interactive = try #require(body["interactive"] as? [String: Any])
    #expect(interactive["type"] as? String == "list")
    let action = try #require(interactive["action"] as? [String: Any])
    #expect(action["button"] as? String == "Scegli")
    let sections = try #require(action["sections"] as? [[String: Any]])
    let rows = try #require(sections.first?["rows"] as? [[String: Any]])
    #expect(rows.count == 5)
    #expect(rows.allSatisfy { ($0["title"] as? String)?.count ?? 99 <= 24 })
    #expect(rows.allSatisfy { ($0["description"] as? String)?.count ?? 99 <= 72 })
  }

  @Test func elevenOptionsFallBackToTheNumberedText() throws {
    let content = OutboundContent.choice(
      text: "1) a\n2) b", options: options((1...11).map { "Opzione \($0)" }))
    let body = try #require(GraphMessageBuilder.bodies(for: content, to: "1").first)
    #expect(body["type"] as? String == "text")
    #expect((body["text"] as? [String: Any])?["body"] as? String == "1) a\n2) b")
  }

  @Test func templateCarriesItsParameters() throws {
    let content = OutboundContent.template(
      name: "avviso_chiusura", parameters: ["24 dicembre"], text: "Chiuso il 24 dicembre")
    let body = try #require(GraphMessageBuilder.bodies(for: content, to: "1").first)
    #expect(body["type"] as? String == "template")
    let template = try #require(body["template"] as? [String: Any])
    #expect(template["name"] as? String == "avviso_chiusura")
    #expect((template["language"] as? [String: String])?["code"] == "it")
  }
}
