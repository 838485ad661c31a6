import Testing

@testable import SportelloDesk

@Suite struct FAQFileEditorTests {
  let file = """
    # Carta d'identità elettronica
    [anagrafe.carta_identita]
    titolo: Carta d'identità
    domande:
    - come faccio la carta d'identità
      - cm faccio x la cie?
    # examples from the desk go above
    parole:
    - cie

    [anagrafe.residenza]
    titolo: Residenza
    domande:
    - cambio di residenza
    risposta: Si fa online.

    """

  @Test func exampleGoesAfterTheLastItemWithItsIndentation() throws {
    let edit = try FAQFileEditor.addingExample(
      "mi serve la cie\nper domani", toFAQ: "anagrafe.carta_identita", in: file)
    let expected = file.replacingOccurrences(
      of: "  - cm faccio x la cie?\n",
      with: "  - cm faccio x la cie?\n  - mi serve la cie per domani\n")
    #expect(edit == .inserted(contents: expected, line: 7))
  }

  @Test func otherFAQsOfTheFileAreUntouched() throws {
    let edit = try FAQFileEditor.addingExample(
      "cambiare casa", toFAQ: "anagrafe.residenza", in: file)
    let expected = file.replacingOccurrences(
      of: "- cambio di residenza\n", with: "- cambio di residenza\n- cambiare casa\n")
    #expect(edit == .inserted(contents: expected, line: 15))
  }

  @Test func crlfAndByteOrderMarkAreKept() throws {
    let windows = "\u{FEFF}" + file.replacingOccurrences(of: "\n", with: "\r\n")
    let edit = try FAQFileEditor.addingExample(
      "cambiare casa", toFAQ: "anagrafe.residenza", in: windows)
    let expected = windows.replacingOccurrences(
      of: "- cambio di residenza\r\n", with: "- cambio di residenza\r\n- cambiare casa\r\n")
    #expect(edit == .inserted(contents: expected, line: 15))
  }

  @Test func exampleAlreadyListedIsNotAddedTwice() throws {
    let edit = try FAQFileEditor.addingExample(
      "  CM faccio x la CIE? ", toFAQ: "anagrafe.carta_identita", in: file)
    #expect(edit == .alreadyPresent(line: 6))
  }

  @Test func unknownFAQAndEmptyExampleAreErrors() {
    #expect(throws: FAQFileEditor.Failure.faqNotFound("tributi.tari")) {
      try FAQFileEditor.addingExample("x", toFAQ: "tributi.tari", in: file)
    }
    #expect(throws: FAQFileEditor.Failure.emptyExample) {
      try FAQFileEditor.addingExample(" \n ", toFAQ: "anagrafe.residenza", in: file)
    }
  }
}
