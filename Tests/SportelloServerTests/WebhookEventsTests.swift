import Foundation
import SportelloStore
import Testing

@testable import SportelloServer

@Suite struct WebhookEventsTests {
  private func events(_ name: String) throws -> WebhookEvents {
    try WebhookEvents.decode(try Samples.body(name))
  }

  @Test func textMessageCarriesSenderNameAndTime() throws {
    let message = try #require(try events("text-message.json").messages.first)
    #expect(message.channel == "whatsapp")
    #expect(message.citizenID == "16505551234")
    #expect(message.displayName == "Sheena Nelson")
    #expect(message.kind == .text)
    #expect(message.text == "Does it come in another color?")
    #expect(message.sentAt == Date(timeIntervalSince1970: 1_749_416_383))
  }

  @Test func escapedItalianTextIsDecoded() throws {
    let message = try #require(try events("text-message-italian.json").messages.first)
    #expect(message.text == "cm faccio x la carta d'identità? e' urgente, grz / anagrafe")
    #expect(message.messageID == "wamid.TEST_IT_0001")
  }

  @Test func interactiveRepliesCarryTheChosenID() throws {
    let button = try #require(try events("button-reply.json").messages.first)
    #expect(button.kind == .interactive)
    #expect(button.choiceID == "id_button_reply")
    #expect(button.text == "Yes")
    let row = try #require(try events("list-reply.json").messages.first)
    #expect(row.kind == .interactive)
    #expect(row.choiceID == "id_list_reply")
  }

  @Test(arguments: [
    ("location.json", MessageKind.location), ("voice-note.json", .voice),
    ("unsupported.json", .unsupported),
  ])
  func nonTextMessagesKeepTheirKind(name: String, kind: MessageKind) throws {
    let message = try #require(try events(name).messages.first)
    #expect(message.kind == kind)
  }

  @Test func locationTextNamesThePlace() throws {
    let message = try #require(try events("location.json").messages.first)
    #expect(message.text == "Main Street Beach, Main Street Beach, Santa Cruz, CA")
  }

  @Test func bothCopiesOfTheDuplicateAreDecodedForTheDeskToDeduplicate() throws {
    let messages = try events("duplicate.json").messages
    #expect(messages.count == 2)
    #expect(Set(messages.map(\.messageID)) == ["wamid.TEST_IT_DUP"])
  }

  @Test func statusesAreDecodedWithTheirErrors() throws {
    let sent = try events("status-sent.json")
    #expect(sent.messages.isEmpty)
    #expect(sent.statuses.first?.status == "sent")
    let failed = try #require(try events("failed-status.json").statuses.first)
    #expect(failed.providerMessageID == "wamid.OUTBOUND_FAILED_1")
    #expect(failed.status == "failed")
    #expect(
      failed.error
        == "131047 Re-engagement message: Message failed to send because more than 24 hours "
        + "have passed since the customer last replied to this number.")
  }

  @Test func everyEntryChangeAndMessageIsRead() throws {
    let message = { (id: String) in
      #"{"from":"39333","id":"\#(id)","timestamp":"1","type":"text","text":{"body":"\#(id)"}}"#
    }
    let change = { (ids: [String]) in
      #"{"field":"messages","value":{"messages":[\#(ids.map(message).joined(separator: ","))]}}"#
    }
    let body = #"""
      {"object":"whatsapp_business_account","entry":[
      {"id":"1","changes":[\#(change(["a", "b"])),\#(change(["c"]))]},
      {"id":"2","changes":[\#(change(["d"]))]}]}
      """#
    let events = try WebhookEvents.decode(Array(body.utf8))
    #expect(events.messages.map(\.messageID) == ["a", "b", "c", "d"])
  }

  @Test(arguments: ["", "{", "[]", #"{"entry":"nope"}"#, #"{"object":"page","entry":[]}"#])
  func malformedBodiesAreRefused(body: String) {
    #expect(throws: WebhookError.self) { try WebhookEvents.decode(Array(body.utf8)) }
  }
}
