import Foundation
import Testing

/// End-to-end tests of `sportello ask`, `chat` and `lint`.
@Suite struct EngineCommandTests {
  /// The engine's fixture rules, relative to the package root.
  private let fixture = "Tests/SportelloEngineTests/Fixtures/comune"

  private let cieAnswer = """
    La *carta d'identità elettronica (CIE)* si richiede allo Sportello Unico
    su appuntamento: https://appuntamenti.comune.arezzo.it

    Porta una fototessera recente e la vecchia carta.
    """

  @Test func askPrintsTheDecisionAndTheReply() throws {
    let result = try BinaryRunner.run([
      "ask", "cm faccio x la carta d'identità?", "--rules", fixture,
    ])
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    #expect(
      result.output
        == "decision: answer anagrafe.carta_identita (confidence 1.00)\n\n\(cieAnswer)\n")
  }

  @Test func askExplainsTokensCandidatesThresholdsAndReason() throws {
    let result = try BinaryRunner.run([
      "ask", "--explain", "cm faccio x la cie?", "--rules", fixture,
    ])
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    #expect(lines.first == "decision: answer anagrafe.carta_identita (confidence 1.00)")
    #expect(
      lines.contains(
        "tokens: cm→come[com] faccio[facc,stop] " + "x→per[per,stop] la[la,stop] cie[cie]"))
    #expect(lines.contains("synonyms: cie"))
    #expect(lines.contains { $0.hasPrefix("  1. anagrafe.carta_identita  score 1.00") })
    #expect(lines.contains("     keywords: cie"))
    #expect(lines.contains("thresholds: answer 0.55, margin 0.05, choice 0.35"))
    #expect(lines.contains { $0.hasPrefix("reason: answer: score 1.00 >= 0.55 and margin ") })
  }

  @Test func askExplainsWhatTheShippedModelChanged() throws {
    let message = "domanda contributo affitto presentata a luglio, quando mi pagano?"
    let result = try BinaryRunner.run(["ask", "--explain", message])
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("decision: handover [learned] (confidence ") == true)
    #expect(
      lines.contains {
        $0.hasPrefix("learned model: a person's case ") && $0.contains(", likeliest - ")
          && $0.contains("; signs: ")
      })
    #expect(
      lines.contains {
        $0.hasPrefix("reason: handover: the learned model gives a person's case ")
          && $0.contains("; the rules alone: answer: ")
      })
    let json = try BinaryRunner.run(["ask", "--json", message])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["handover_reason"] as? String == "learned")
  }

  @Test func askJSONCarriesTheDecisionAndReplies() throws {
    let result = try BinaryRunner.run(["ask", "--json", "scadenza", "--rules", fixture])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["outcome"] as? String == "ask")
    #expect(object["options"] as? [String] == ["tributi.imu", "tributi.tari"])
    #expect(object["pending_options"] as? [String] == ["tributi.imu", "tributi.tari"])
    #expect(object["explanation"] == nil)
    let replies = try #require(object["replies"] as? [[String: Any]])
    #expect(replies.first?["kind"] as? String == "choice")
    #expect(
      replies.first?["text"] as? String
        == "Intendi: 1) IMU 2) TARI? Rispondi con il numero, 0 per un operatore")
  }

  @Test func askOnTheShippedRulesAnswersTheDoneWhenQuestion() throws {
    let result = try BinaryRunner.run(["ask", "cm faccio x la carta d'identità?"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("decision: answer anagrafe.carta_identita (confidence "))
    #expect(result.output.contains("carta d'identità elettronica (CIE)"))
  }

  @Test func chatKeepsThePendingChoiceAcrossLines() throws {
    let input = "scadenza\n2\n\nbuongiorno\n"
    let result = try BinaryRunner.run(["chat", "--rules", fixture], input: Data(input.utf8))
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    #expect(
      result.output == """
        Intendi: 1) IMU 2) TARI? Rispondi con il numero, 0 per un operatore

        La *TARI* si paga in due rate. Info: 0575 377777

        Buongiorno! Sono l'assistente dello Sportello Unico: scrivimi la tua domanda.


        """)
  }

  @Test func chatRunsTheDoneWhenConversationOnTheShippedRules() throws {
    let input = """
      cm faccio x la carta d'identità?
      buongiorno
      a che punto è la mia richiesta prot. 88123?

      """
    let result = try BinaryRunner.run(["chat"], input: Data(input.utf8))
    #expect(result.status == 0)
    let output = result.output
    let answer = try #require(output.range(of: "carta d'identità elettronica (CIE)"))
    let greeting = try #require(output.range(of: "Ciao! Sono l'assistente"))
    let person = try #require(output.range(of: "ho passato la tua richiesta a un operatore"))
    #expect(answer.lowerBound < greeting.lowerBound)
    #expect(greeting.lowerBound < person.lowerBound)
  }

  @Test func lintOfTheShippedRulesHasNoErrors() throws {
    let result = try BinaryRunner.run(["lint"])
    #expect(result.status == 0)
    #expect(!result.error.contains(": error: "))
    #expect(result.output.hasPrefix("Rules: "))
    #expect(result.output.contains(" 0 errors, "))
  }

  @Test func lintReportsWarningsAndFailsOnThemOnlyWhenStrict() throws {
    let warning =
      "\(fixture)/tributi/tributi.faq:23:11: warning: faq 'tributi.vecchia' expired on "
      + "2020-01-01 and is never answered\n"
    let relaxed = try BinaryRunner.run(["lint", fixture])
    #expect(relaxed.status == 0)
    #expect(relaxed.error == warning)
    #expect(relaxed.output == "\(fixture): 12 faqs, 0 errors, 1 warning\n")
    let strict = try BinaryRunner.run(["lint", fixture, "--strict"])
    #expect(strict.status == 1)
    #expect(strict.error == warning)
  }

  @Test func lintReportsEveryErrorWithItsPosition() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-lint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "[a]\ntitolo: Uno\ndomande:\n- ciao\nrisposat: x\nrisposta: {telefon}\n- perso\n"
    try Data(text.utf8).write(to: directory.appendingPathComponent("a.faq"))
    let result = try BinaryRunner.run(["lint", "."], in: directory)
    #expect(result.status == 1)
    #expect(
      result.error == """
        a.faq:5:1: error: unknown key 'risposat' (did you mean 'risposta'?)
        a.faq:6:11: error: unknown placeholder '{telefon}'
        a.faq:7:1: error: item outside a list: write 'domande:', 'parole:', 'richiede:' or \
        'escludi:' above it

        """)
    #expect(result.output == ".: 3 errors, 0 warnings\n")
  }

  @Test func missingRulesDirectoryIsAClearError() throws {
    let ask = try BinaryRunner.run(["ask", "ciao", "--rules", "nope"])
    #expect(ask.status == 1)
    #expect(ask.error == "Error: no rules directory at 'nope' (give one with --rules <DIR>)\n")
    let lint = try BinaryRunner.run(["lint", "nope"])
    #expect(lint.status == 1)
    #expect(lint.output.isEmpty)
  }

  @Test func badUsageExitsWith64() throws {
    let noMessage = try BinaryRunner.run(["ask"])
    #expect(noMessage.status == 64)
    #expect(noMessage.error.hasPrefix("Error: missing expected argument '<message>'\n"))
    let twoDirectories = try BinaryRunner.run(["lint", "a", "b"])
    #expect(twoDirectories.status == 64)
    let unknownFlag = try BinaryRunner.run(["chat", "--rule", "x"])
    #expect(unknownFlag.status == 64)
    #expect(unknownFlag.error.hasPrefix("Error: unknown option '--rule' (did you mean '--rules'?)"))
  }

  @Test func helpDescribesTheCommands() throws {
    let result = try BinaryRunner.run(["ask", "--help"])
    #expect(result.status == 0)
    #expect(
      result.output.hasPrefix("OVERVIEW: Show what Sportello decides and replies for one message."))
    #expect(
      result.output.contains("USAGE: sportello ask <message> [--rules <DIR>] [--explain] [--json]"))
  }
}
