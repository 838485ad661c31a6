import Testing

@testable import SportelloEngine

@Suite struct FAQFileParserTests {
  /// Parses `text` as `t.faq` and returns the diagnostics as strings.
  private func diagnostics(_ text: String) -> [String] {
    FAQFileParser.parse(text, path: "t.faq").diagnostics.map(\.description)
  }

  private let valid = """
    # Carta d'identità elettronica
    [anagrafe.carta_identita]
    titolo: Carta d'identità
    ufficio: anagrafe
    revisione: 2026-11-20
    scadenza: 2027-12-31
    domande:
    - come faccio la carta d'identità
      - cm faccio x la cie?
    parole:
    - cie, carta d'identità
    - rinnovo, rinnovare
    richiede:
    - cie, carta d'identità, documento
    escludi:
    - passaporto, espatrio
    risposta:
    > La *CIE* si richiede allo Sportello: {sito_appuntamenti}
    >
    >   Porta una fototessera.
    link: https://www.comune.arezzo.it/cie
    azione: operatore
    """

  @Test func validFileGivesEveryField() throws {
    let (faqs, diagnostics) = FAQFileParser.parse(valid, path: "t.faq")
    #expect(diagnostics.isEmpty)
    let faq = try #require(faqs.first)
    #expect(faqs.count == 1)
    #expect(faq.id == "anagrafe.carta_identita")
    #expect(faq.title == "Carta d'identità")
    #expect(faq.office == "anagrafe")
    #expect(faq.reviewedOn == CalendarDay(year: 2026, month: 11, day: 20))
    #expect(faq.expiresOn == CalendarDay(year: 2027, month: 12, day: 31))
    #expect(faq.examples == ["come faccio la carta d'identità", "cm faccio x la cie?"])
    #expect(faq.keywordGroups == [["cie", "carta d'identità"], ["rinnovo", "rinnovare"]])
    #expect(faq.requiredGroups == [["cie", "carta d'identità", "documento"]])
    #expect(faq.exclusions == ["passaporto", "espatrio"])
    #expect(
      faq.answer
        == "La *CIE* si richiede allo Sportello: {sito_appuntamenti}\n\n  Porta una fototessera.")
    #expect(faq.link == "https://www.comune.arezzo.it/cie")
    #expect(faq.action == .handover)
    #expect(faq.location == SourceLocation(path: "t.faq", line: 2))
  }

  @Test func severalFAQsInOneFileKeepTheirOrderAndOneLineAnswers() {
    let text = """
      [a]
      titolo: A
      domande:
      - uno
      risposta: Risposta A
      \r
      [b]\r
      titolo: B\r
      domande:\r
      - due\r
      azione: convenevoli\r
      """
    let (faqs, diagnostics) = FAQFileParser.parse("\u{FEFF}" + text, path: "t.faq")
    #expect(diagnostics.isEmpty)
    #expect(faqs.map(\.id) == ["a", "b"])
    #expect(faqs.first?.answer == "Risposta A")
    #expect(faqs.last?.action == .smallTalk)
    #expect(faqs.last?.answer == nil)
  }

  @Test func unknownKeySuggestsTheClosestKey() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\n  risposat: ciao\nrisposta: ok"
    #expect(
      diagnostics(text) == ["t.faq:5:3: error: unknown key 'risposat' (did you mean 'risposta'?)"])
  }

  @Test func unknownKeyFarFromAnyKeyHasNoSuggestion() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\nrisposta: ok\ncolore: blu"
    #expect(diagnostics(text) == ["t.faq:6:1: error: unknown key 'colore'"])
  }

  @Test func emptyAnswerIsAnError() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\nrisposta:\n\n# fine"
    #expect(diagnostics(text) == ["t.faq:5:1: error: empty answer in faq 'a'"])
  }

  @Test func answerOfEmptyQuoteLinesIsEmpty() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\n risposta:\n>\n>"
    #expect(diagnostics(text) == ["t.faq:5:2: error: empty answer in faq 'a'"])
  }

  @Test func titleOverTwentyFourCharactersIsAnError() {
    let text = "[a]\ntitolo:   Carta d'identità elettronica\ndomande:\n- uno\nrisposta: ok"
    #expect(
      diagnostics(text) == [
        "t.faq:2:11: error: title 'Carta d'identità elettronica' is 28 characters long; "
          + "at most 24 fit a whatsapp menu row"
      ])
  }

  @Test func badDatesAreErrorsAtTheValue() {
    let text =
      "[a]\ntitolo: A\nrevisione: 2026-02-30\nscadenza: 31/12/2027\ndomande:\n- uno\n"
      + "risposta: ok"
    #expect(
      diagnostics(text) == [
        "t.faq:3:12: error: invalid date '2026-02-30' for 'revisione': expected YYYY-MM-DD",
        "t.faq:4:11: error: invalid date '31/12/2027' for 'scadenza': expected YYYY-MM-DD",
      ])
  }

  @Test func itemOutsideAListIsAnError() {
    let text = "[a]\ntitolo: A\n- perso\ndomande:\n- uno\nrisposta: ok"
    #expect(
      diagnostics(text) == [
        "t.faq:3:1: error: item outside a list: write 'domande:', 'parole:', 'richiede:' or "
          + "'escludi:' above it"
      ])
  }

  @Test func quoteLineOutsideAnAnswerIsAnError() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\n  > perso\nrisposta: ok"
    #expect(
      diagnostics(text) == ["t.faq:5:3: error: '>' line outside an answer: write 'risposta:' first"]
    )
  }

  @Test func keyBeforeAnyIDIsAnError() {
    let text = "titolo: A\n[a]\ntitolo: A\ndomande:\n- uno\nrisposta: ok"
    #expect(
      diagnostics(text) == ["t.faq:1:1: error: key 'titolo' outside an faq: start one with '[id]'"])
  }

  @Test func missingRequiredPartsAreReportedAtTheID() {
    let text = "\n  [vuota]\nufficio: x"
    #expect(
      diagnostics(text) == [
        "t.faq:2:4: error: faq 'vuota' has no 'titolo'",
        "t.faq:2:4: error: faq 'vuota' has no example questions: add items under 'domande:'",
        "t.faq:2:4: error: faq 'vuota' has neither 'risposta' nor 'azione'",
      ])
  }

  @Test func invalidIDCharactersAndUnclosedHeadersAreErrors() {
    let text = "[Anagrafe.CIE]\ntitolo: A\ndomande:\n- uno\nrisposta: ok\n[b\n"
    #expect(
      diagnostics(text) == [
        "t.faq:1:2: error: invalid character 'A' in id 'Anagrafe.CIE': use lowercase letters, "
          + "digits, '_', '-' and '.'",
        "t.faq:6:1: error: missing ']' after the faq id",
      ])
  }

  @Test func idBytesAreExactlyTheASCIIIDCharacters() {
    for byte in UInt8(0)..<0x80 {
      let character = Character(Unicode.Scalar(byte))
      #expect(FAQFileParser.isIDByte(byte) == FAQFileParser.isIDCharacter(character), "\(byte)")
    }
  }

  @Test func invalidCharacterBeyondASCIIIsReportedAtItsColumn() {
    let text = "[anagrafe.città]\ntitolo: A\ndomande:\n- uno\nrisposta: ok\n[a.b\u{301}]\n"
    #expect(
      diagnostics(text).prefix(2) == [
        "t.faq:1:15: error: invalid character 'à' in id 'anagrafe.città': use lowercase "
          + "letters, digits, '_', '-' and '.'",
        "t.faq:6:4: error: invalid character 'b\u{301}' in id 'a.b\u{301}': use lowercase "
          + "letters, digits, '_', '-' and '.'",
      ])
  }

  @Test func unknownActionSuggestsTheClosest() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\nazione: operatre"
    #expect(
      diagnostics(text) == [
        "t.faq:5:9: error: unknown action 'operatre' (did you mean 'operatore'?)"
      ])
  }

  @Test func duplicateKeysEmptyItemsAndListValuesAreErrors() {
    let text = "[a]\ntitolo: A\ntitolo: B\ndomande: come\n-\nparole:\n- cie,, carta\nrisposta: ok"
    #expect(
      diagnostics(text) == [
        "t.faq:3:1: error: duplicate key 'titolo' in faq 'a'",
        "t.faq:4:10: error: 'domande' takes a list: write each item on its own line starting "
          + "with '-'",
        "t.faq:5:1: error: empty item in 'domande'",
        "t.faq:7:3: error: empty alternative in 'parole': remove the extra comma",
        "t.faq:1:2: error: faq 'a' has no example questions: add items under 'domande:'",
      ])
  }

  @Test func lineThatIsNothingKnownIsAnError() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\nrisposta: ok\nquesta riga non va"
    #expect(
      diagnostics(text) == [
        "t.faq:6:1: error: expected '[id]', 'key: value', '- item' or '> answer line'"
      ])
  }

  @Test func invalidLinkIsAnError() {
    let text = "[a]\ntitolo: A\ndomande:\n- uno\nrisposta: ok\nlink: www.comune.it"
    #expect(
      diagnostics(text) == [
        "t.faq:6:7: error: invalid link 'www.comune.it': expected an http:// or https:// address"
      ])
  }

  @Test(arguments: [
    "", "[", "]", ">", "-", ":", "[]", "risposta:\n>", "\u{0}\u{FFFF}[x]\n-\n>",
    String(repeating: "[a]\n", count: 50),
    "[a]\ndomande:\n- " + String(repeating: "è", count: 9000),
  ])
  func arbitraryInputNeverTraps(text: String) {
    _ = FAQFileParser.parse(text, path: "t.faq")
  }
}
