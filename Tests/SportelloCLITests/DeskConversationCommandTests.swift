import Foundation
import SportelloStore
import Testing

/// The package's real rule set.
let realRules = BinaryRunner.packageRoot.appendingPathComponent("Rules").path

/// One inbound message as a line of `desk replay` input.
func replayLine(
  _ id: String, from citizen: String, at seconds: Int, _ text: String, type: String = "text"
) -> String {
  let object: [String: Any] = [
    "id": id, "from": citizen, "name": "Cittadino", "time": 1_796_288_400 + seconds, "type": type,
    "text": text,
  ]
  let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
  return String(decoding: data, as: UTF8.self)
}

@Suite struct DeskConversationCommandTests {
  @Test func chatWithADatabaseOpensATicketThatStaffCanAnswer() throws {
    let folder = try DeskFolder()
    let chat = try desk(
      ["chat", "--rules", realRules, "--from", "393471234567", "--name", "Maria"], folder,
      input: Data("devo parlare col sindaco\n".utf8))
    #expect(chat.status == 0)
    #expect(
      chat.output
        == "Certo! Scrivi pure qui la tua domanda, anche con i dettagli del tuo caso: la leggerà "
        + "un operatore dello Sportello Unico.\n\n")
    let list = try desk(["queue", "list"], folder)
    #expect(list.output.contains("1   0s   open"))
    #expect(list.output.contains("***567 Maria  devo parlare col sindaco"))
    _ = try desk(["queue", "claim", "1", "--operator", "Giulia"], folder)
    let quiet = try desk(
      ["chat", "--rules", realRules, "--from", "393471234567"], folder,
      input: Data("come faccio la carta d'identità\n".utf8))
    #expect(quiet.output == "")
    #expect(quiet.error == "(ticket 1 is with a person: the message joined it, no bot reply)\n")
    _ = try desk(
      ["queue", "reply", "1", "--text", "Buongiorno Maria, di che lettera si tratta?"], folder)
    let outbox = try desk(["outbox", "list", "--status", "pending", "--json"], folder)
    #expect(outbox.output.contains(#""text" : "Buongiorno Maria, di che lettera si tratta?""#))
    #expect(outbox.output.contains(#""operator" : "Giulia""#))
  }

  @Test func chatWithoutADatabaseLeavesNoFileBehind() throws {
    let folder = try DeskFolder()
    let result = try BinaryRunner.run(
      ["chat", "--rules", realRules], input: Data("quanto costa la carta d'identità\n".utf8),
      in: folder.url, environment: ["SPORTELLO_DB": ""])
    #expect(result.status == 0)
    #expect(result.output.contains("carta d'identità"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }

  @Test func teachAddsTheMessageToTheFAQFileAndKeepsTheRest() throws {
    let folder = try DeskFolder()
    let rules = folder.url.appendingPathComponent("Rules")
    try FileManager.default.copyItem(atPath: realRules, toPath: rules.path)
    _ = try desk(
      ["chat", "--rules", rules.path], folder,
      input: Data("devo parlare col sindaco\n".utf8))
    let file = rules.appendingPathComponent("tributi/tari.faq")
    let before = try String(contentsOf: file, encoding: .utf8)
    let result = try desk(
      ["queue", "teach", "1", "--intent", "tributi.tari", "--rules", rules.path], folder)
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("Added 'devo parlare col sindaco' to tributi.tari at "))
    let after = try String(contentsOf: file, encoding: .utf8)
    var lines = after.components(separatedBy: "\n")
    let added = try #require(lines.firstIndex(of: "- devo parlare col sindaco"))
    lines.remove(at: added)
    #expect(lines.joined(separator: "\n") == before)
    #expect(lines[added - 1].hasPrefix("- "))
    let again = try desk(
      ["queue", "teach", "1", "--intent", "tributi.tari", "--rules", rules.path], folder)
    #expect(again.output.contains("is already an example of tributi.tari"))
    #expect(try String(contentsOf: file, encoding: .utf8) == after)
    let unknown = try desk(
      ["queue", "teach", "1", "--intent", "tributi.nope", "--rules", rules.path], folder)
    #expect(unknown.status == 1)
    #expect(unknown.error == "Error: no FAQ with intent 'tributi.nope'\n")
  }

  @Test func replayAnswersEachMessageOnceAndReportsBadLines() throws {
    let folder = try DeskFolder()
    let stream = [
      replayLine("w1", from: "391", at: 0, "quanto costa la carta d'identità"),
      replayLine("w1", from: "391", at: 0, "quanto costa la carta d'identità"),
      "{not json",
      replayLine("w2", from: "", at: 5, "ciao"),
      replayLine("w3", from: "391", at: 9, "", type: "image"),
    ].joined(separator: "\n")
    let file = folder.url.appendingPathComponent("stream.jsonl")
    try stream.write(to: file, atomically: true, encoding: .utf8)
    let result = try desk(["desk", "replay", file.path, "--rules", realRules], folder)
    #expect(result.status == 1)
    #expect(
      result.output == "Replayed: 2 recorded, 1 duplicates, 0 conflicts, 2 rejected; 0 recovered.\n"
    )
    #expect(result.error.contains("\(file.path):3: error: not a message"))
    #expect(result.error.contains("\(file.path):4: error: invalid citizen id ''"))
    let store = try SQLiteDeskStore(path: folder.database)
    #expect(try store.database.scalarInt("SELECT count(*) FROM inbound_messages") == 2)
    #expect(
      try store.database.scalarInt("SELECT count(*) FROM tickets WHERE reason = 'non_text'") == 1)
  }
}
