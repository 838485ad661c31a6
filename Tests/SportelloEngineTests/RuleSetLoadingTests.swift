import Foundation
import Testing

@testable import SportelloEngine

@Suite struct RuleSetLoadingTests {
  private let now = ISO8601DateFormatter().date(from: "2026-12-03T10:00:00Z") ?? Date()

  @Test func loadsFAQsInPathOrderWithProfileSettingsAndSynonyms() throws {
    let rules = try TemporaryRules([
      "tributi/tari.faq": faqText("tributi.tari", examples: ["quanto pago di tari"]),
      "anagrafe/cie.faq": faqText(
        "anagrafe.cie", examples: ["come faccio la carta d'identità"],
        answer: "Chiama il {telefono}."),
      "profilo.txt": "telefono: 0575 377777\norario_sabato: chiuso\n",
      "impostazioni.txt":
        "versione: 7\nsoglia_risposta: 0,6\nmessaggio_scelta:\n> Quale? {opzioni}\n",
      "sinonimi.txt": "[sinonimi]\ntari = tassa rifiuti\n[protette]\nSUAP, CILA\n",
      "LEGGIMI.md": "ignorato [x",
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(result.diagnostics.isEmpty)
    let set = try #require(result.ruleSet)
    #expect(set.faqs.map(\.id) == ["anagrafe.cie", "tributi.tari"])
    #expect(set.version == "7")
    #expect(set.settings.answerThreshold == 0.6)
    #expect(set.settings.templates["messaggio_scelta"] == "Quale? {opzioni}")
    #expect(set.synonyms.concepts == [["tari", "tassa rifiuti"]])
    #expect(set.synonyms.protectedWords == ["suap", "cila"])
    #expect(set.profile.officeHours.weekly[5].isEmpty)
    #expect(set.faq(withID: "anagrafe.cie").flatMap(set.renderedAnswer) == "Chiama il 0575 377777.")
  }

  @Test func versionDefaultsToAHashOfTheFiles() throws {
    let first = try TemporaryRules(["a.faq": faqText("a", examples: ["uno"])])
    let second = try TemporaryRules(["a.faq": faqText("a", examples: ["due"])])
    defer {
      first.remove()
      second.remove()
    }
    let one = try #require(RuleSet.load(from: first.url, now: now).ruleSet?.version)
    let again = try #require(RuleSet.load(from: first.url, now: now).ruleSet?.version)
    let other = try #require(RuleSet.load(from: second.url, now: now).ruleSet?.version)
    #expect(one.count == 16)
    #expect(one == again)
    #expect(one != other)
  }

  @Test func duplicateIDsAcrossFilesAreErrorsNamingTheFirst() throws {
    let rules = try TemporaryRules([
      "a.faq": faqText("x", examples: ["uno"]),
      "b/b.faq": "# altro\n" + faqText("x", examples: ["due"]),
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(result.ruleSet == nil)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(rules.path("b/b.faq")):2:2: error: duplicate id 'x' (first defined at "
          + "\(rules.path("a.faq")):1)"
      ])
  }

  @Test func unknownPlaceholdersAreErrorsAtTheirColumn() throws {
    let faq =
      "[a]\ntitolo: A\ndomande:\n- uno\nrisposta:\n> Chiama il {telefono}\n>  o {telefonoo}\n"
    let rules = try TemporaryRules([
      "a.faq": faq, "profilo.txt": "telefono: 0575 377777\n",
      "impostazioni.txt": "messaggio_operatore_fuori_orario: dal {riapertura} {orario}\n",
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(rules.path("a.faq")):7:6: error: unknown placeholder '{telefonoo}' (did you mean "
          + "'{telefono}'?)",
        "\(rules.path("impostazioni.txt")):1:52: error: unknown placeholder '{orario}' in "
          + "'messaggio_operatore_fuori_orario'",
      ])
  }

  @Test(arguments: [
    "", "{a}", "uno\n{a}\ntre {b}", "{a}\r\n{b}\n\n{c}", "caffè\n😀 {a}\n", "\n\n{", "x\r{y}",
  ])
  func linesWithBracesAreNumberedAsTheCharacterSplitNumbersThem(answer: String) {
    let reference = answer.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated().filter { $0.element.contains("{") }.map { "\($0.offset):\($0.element)" }
    let lines = RuleSetLoader.linesWithBraces(of: answer).map { "\($0.number):\($0.line)" }
    #expect(lines == reference)
  }

  @Test func answerOverTheWhatsAppLimitOnceFilledIsAnError() throws {
    let long = String(repeating: "x", count: 4000)
    let rules = try TemporaryRules([
      "a.faq": faqText("a", examples: ["uno"], answer: "{testo} {testo}"),
      "b.faq": faqText("b", examples: ["due"], answer: "{testo}"),
      "profilo.txt": "testo: \(long)\n",
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(rules.path("a.faq")):5:1: error: answer of faq 'a' is 8001 characters long once "
          + "filled; whatsapp takes at most 4096"
      ])
  }

  @Test func expiredFAQIsAWarningAndStillLoads() throws {
    let rules = try TemporaryRules([
      "a.faq": faqText("a", examples: ["uno"], extra: "scadenza: 2026-12-02\n"),
      "b.faq": faqText("b", examples: ["due"], extra: "scadenza: 2026-12-03\n"),
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(result.ruleSet != nil)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(rules.path("a.faq")):5:11: warning: faq 'a' expired on 2026-12-02 and is never answered"
      ])
  }

  @Test func unverifiedProfileValueIsAWarningAndTheMarkerIsStripped() throws {
    let rules = try TemporaryRules([
      "a.faq": faqText("a", examples: ["uno"], answer: "{telefono}"),
      "profilo.txt": "# fatti\ntelefono:  0575 377777 [da verificare]\n",
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(rules.path("profilo.txt")):2:24: warning: value of 'telefono' is not verified: check "
          + "it and remove '[da verificare]'"
      ])
    #expect(result.ruleSet?.profile.value("telefono") == "0575 377777")
    #expect(result.ruleSet?.profile.unverifiedKeys == ["telefono"])
  }

  @Test func overlappingExampleIsAWarningNamingBothFAQs() throws {
    let rules = try TemporaryRules([
      "a.faq": faqText(
        "tributi.tari", examples: ["quanto costa la tari", "tassa rifiuti scadenza"]),
      "b.faq": faqText(
        "tributi.imu", examples: ["scadenza imu", "tassa rifiuti scadenza pagamento"]),
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(result.ruleSet != nil)
    let warnings = result.diagnostics.map(\.description)
    #expect(
      warnings.contains(
        "\(rules.path("b.faq")):5:3: warning: example question 'tassa rifiuti scadenza pagamento' "
          + "of 'tributi.imu' is answered by 'tributi.tari'"))
  }

  @Test func missingDirectoryIsAnErrorAndUnreadable() {
    let url = URL(fileURLWithPath: "/nonexistent/sportello-rules")
    let result = RuleSet.load(from: url, now: now)
    #expect(result.ruleSet == nil)
    #expect(result.unreadablePaths == ["/nonexistent/sportello-rules"])
    #expect(
      result.diagnostics.map(\.description) == [
        "/nonexistent/sportello-rules:1:1: error: cannot read the rules directory"
      ])
  }

  @Test func invalidUTF8IsAnErrorOnItsLine() throws {
    let rules = try TemporaryRules([:])
    defer { rules.remove() }
    var bytes = Data(faqText("a", examples: ["uno"]).utf8)
    bytes.append(contentsOf: [0x23, 0x20, 0xC3, 0x28, 0x0A])
    try bytes.write(to: rules.url.appendingPathComponent("a.faq"))
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(rules.path("a.faq")):6:3: error: invalid utf-8 (the file must be saved as utf-8)"
      ])
  }

  @Test func errorsInSeveralFilesAreAllCollectedInPathOrder() throws {
    let rules = try TemporaryRules([
      "z.faq": "[z]\ntitolo: Z\ndomande:\n- uno\nrisposat: x\n",
      "a.faq": "[a]\ntitolo: A\ndomande:\n- uno\n",
      "profilo.txt": "orario_lunedi: 8-13\n",
      "impostazioni.txt": "soglia_risposta: 2\nmessaggio_sceltaa: x\n",
      "sinonimi.txt": "tari = tassa\n[sinonimii]\n",
    ])
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url, now: now)
    #expect(result.ruleSet == nil)
    #expect(
      result.diagnostics.map(\.description)
        == [
          "\(rules.path("a.faq")):1:2: error: faq 'a' has neither 'risposta' nor 'azione'",
          "\(rules.path("impostazioni.txt")):1:18: error: invalid value '2' for 'soglia_risposta': "
            + "expected a number from 0 to 1",
          "\(rules.path("impostazioni.txt")):2:1: error: unknown key 'messaggio_sceltaa' (did you "
            + "mean 'messaggio_scelta'?)",
          "\(rules.path("profilo.txt")):1:16: error: invalid hours '8-13' for 'orario_lunedi': "
            + "expected e.g. '8:30-13:00', '8:30-13:30, 15:00-17:30' or 'chiuso'",
          "\(rules.path("sinonimi.txt")):1:1: error: line outside a section: start with "
            + "'[sinonimi]', '[abbreviazioni]', '[protette]', '[parole_vuote]', "
            + "'[altri_comuni]' or '[parole_generiche]'",
          "\(rules.path("sinonimi.txt")):2:2: error: unknown section '[sinonimii]' (did you mean "
            + "'sinonimi'?)",
          "\(rules.path("z.faq")):5:1: error: unknown key 'risposat' (did you mean 'risposta'?)",
          "\(rules.path("z.faq")):1:2: error: faq 'z' has neither 'risposta' nor 'azione'",
        ].sortedLikeDiagnostics())
  }
}

extension [String] {
  /// Sorts `path:line:column: ...` strings by path, then line, then column.
  fileprivate func sortedLikeDiagnostics() -> [String] {
    enumerated().sorted { lhs, rhs in
      let a = lhs.element.split(separator: ":", maxSplits: 3)
      let b = rhs.element.split(separator: ":", maxSplits: 3)
      if a[0] != b[0] { return a[0] < b[0] }
      if Int(a[1]) != Int(b[1]) { return Int(a[1]) ?? 0 < Int(b[1]) ?? 0 }
      if Int(a[2]) != Int(b[2]) { return Int(a[2]) ?? 0 < Int(b[2]) ?? 0 }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}
