import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct FAQImporterTests {
  private func importing(
    _ text: String, prefix: String = "", office: String? = nil
  ) throws -> FAQImporter.Result {
    try FAQImporter(prefix: prefix, office: office)
      .read(CSVReader(data: Data(text.utf8), path: "f.csv"), path: "f.csv")
  }

  @Test func rowsBecomeFAQsWithPrefixedIDs() throws {
    let result = try importing(
      """
      id;domanda;risposta;tag
      182;"Come posso pagare la bolletta dell'acqua?";"Con *pagoPA*; oppure in banca.
      Conserva la ricevuta.";bolletta, pagamento
      """, prefix: "faq-")
    let faq = try #require(result.faqs.first)
    #expect(result.skipped.isEmpty)
    #expect(faq.id == "faq-182")
    #expect(faq.title == "Pagare la bolletta")
    #expect(faq.question == "Come posso pagare la bolletta dell'acqua?")
    #expect(faq.answer == "Con *pagoPA*; oppure in banca.\nConserva la ricevuta.")
    #expect(faq.tags == ["bolletta", "pagamento"])
    #expect(faq.line == 2)
  }

  @Test(arguments: [
    "id;domanda;risposta;tag", "ID;Question;Answer;Tags", "Id;DOMANDA;Risposta;Parole chiave",
    "id;question;answer;keywords", "id;domanda;risposta;parole_chiave",
  ])
  func headerNamesAreItalianOrEnglishInAnyCase(header: String) throws {
    let result = try importing(header + "\n5;Orari dello sportello?;Dalle 8:30.;orari\n")
    #expect(result.faqs.map(\.id) == ["5"])
    #expect(result.faqs.first?.tags == ["orari"])
  }

  @Test func optionalColumnsFillTitleOfficeAndLink() throws {
    let result = try importing(
      """
      Domanda,Risposta,Titolo,Ufficio,Link,Note
      Quando passa il camion dell'umido?,Il lunedì e il giovedì.,Raccolta umido,Ambiente,https://example.org/umido,interna
      """)
    let faq = try #require(result.faqs.first)
    #expect(faq.id == "1")
    #expect(faq.title == "Raccolta umido")
    #expect(faq.office == "Ambiente")
    #expect(faq.link == "https://example.org/umido")
    #expect(faq.tags == [])
  }

  @Test func officeOptionOverridesTheColumn() throws {
    let result = try importing(
      "domanda;risposta;ufficio\nOrari?;Mattina.;anagrafe\n", office: "tributi")
    #expect(result.faqs.first?.office == "tributi")
  }

  @Test func withoutIDColumnTheRowNumberIsTheID() throws {
    let result = try importing(
      "domanda;risposta\nPrima?;Uno.\n\nSeconda?;Due.\n", prefix: "acqua.")
    #expect(result.faqs.map(\.id) == ["acqua.1", "acqua.2"])
    #expect(result.faqs.map(\.line) == [2, 4])
  }

  @Test func missingAnswersQuestionsAndDuplicateIDsAreSkippedWithTheirLines() throws {
    let result = try importing(
      """
      id;domanda;risposta
      1;Prima domanda?;Prima risposta.
      2;Senza risposta?;
      1;Ancora la uno?;Doppione.
      3;;Risposta senza domanda.
      ;Senza id?;Risposta.
      4;"Su due
      righe?";"Risposta
      su due righe."
      5;Corta
      """)
    #expect(result.faqs.map(\.id) == ["1", "4"])
    #expect(result.faqs.last?.question == "Su due righe?")
    #expect(
      result.skipped.map(\.description) == [
        "f.csv:3: warning: skipped row: missing answer",
        "f.csv:4: warning: skipped row: duplicate id '1' (first on line 2)",
        "f.csv:5: warning: skipped row: missing question",
        "f.csv:6: warning: skipped row: missing id",
        "f.csv:10: warning: skipped row: missing answer",
      ])
  }

  @Test func missingColumnsAreErrors() {
    #expect(throws: EvaluationError.missingColumn(path: "f.csv", name: "risposta")) {
      try importing("id;domanda;tag\n1;a;b\n")
    }
    #expect(throws: EvaluationError.missingColumn(path: "f.csv", name: "domanda")) {
      try importing("id;answer\n1;b\n")
    }
    #expect(throws: EvaluationError.missingColumn(path: "f.csv", name: "domanda")) {
      try importing("")
    }
  }

  @Test(arguments: [
    ("182", "182"), ("FAQ 12", "faq-12"), ("Più_Acqua!", "piu_acqua"), ("a.b-c", "a.b-c"),
  ])
  func idsAreFoldedToTheIDAlphabet(raw: String, id: String) {
    #expect(FAQImporter.intentID(from: raw) == id)
  }

  @Test func tagsAreSplitTrimmedAndDeduplicated() {
    #expect(
      FAQImporter.tags(from: "bolletta, Pagamento;pagamento | rate\n  contatore ,,")
        == ["bolletta", "Pagamento", "rate", "contatore"])
  }
}

@Suite struct FAQImporterAdjustmentTests {
  private func importing(_ text: String) throws -> FAQImporter.Result {
    try FAQImporter().read(CSVReader(data: Data(text.utf8), path: "f.csv"), path: "f.csv")
  }

  @Test func placeholderLikeTextIsDefusedAndReported() throws {
    let result = try importing("domanda;risposta\nNome?;Scrivi {nome} e {Cognome} qui.\n")
    #expect(result.faqs.first?.answer == "Scrivi { nome } e {Cognome} qui.")
    #expect(
      result.warnings.map(\.description) == [
        "f.csv:2: warning: '{name}' in the answer would be read as a placeholder; "
          + "written as '{ name }'"
      ])
  }

  @Test func linkThatIsNotAWebAddressIsLeftOut() throws {
    let result = try importing("domanda;risposta;link\nDove?;Qui.;www.example.org\n")
    #expect(result.faqs.first?.link == nil)
    #expect(
      result.warnings.map(\.message) == [
        "link 'www.example.org' is not an http:// or https:// address; left out"
      ])
  }

  @Test func answerTooLongForWhatsAppIsCutAtASentence() throws {
    let sentence = String(repeating: "parola ", count: 20) + "fine. "
    let long = String(repeating: sentence, count: 40)
    let result = try importing("domanda;risposta\nLunga?;\(long)\n")
    let answer = try #require(result.faqs.first?.answer)
    #expect(answer.count <= 4096)
    #expect(answer.hasSuffix("fine.…"))
    #expect(
      result.warnings.first?.message.hasPrefix("answer of 5839 characters cut to 4096") == true)
  }

  @Test func questionWithoutWordsGetsTheIDAsTitle() throws {
    let result = try importing("id;domanda;risposta\nx-9;???;Boh.\n")
    #expect(result.faqs.first?.title == "x-9")
  }
}

@Suite struct FAQImporterExtraFieldTests {
  @Test func unquotedDelimitersInTheAnswerAreJoinedBackAndReported() throws {
    let csv = try CSVReader(
      data: Data("id;domanda;risposta;tag\n4;Orari?;Lunedì 8-13; martedì 8-17;orari\n".utf8),
      path: "f.csv")
    let result = try FAQImporter().read(csv, path: "f.csv")
    let faq = try #require(result.faqs.first)
    #expect(faq.answer == "Lunedì 8-13; martedì 8-17")
    #expect(faq.tags == ["orari"])
    #expect(
      result.warnings.map(\.description) == [
        "f.csv:2: warning: 5 fields for 4 columns: the extra ';' taken as part of the answer"
      ])
  }

  @Test func windows1252FileIsImportedWithAWarning() throws {
    let bytes: [UInt8] =
      Array("domanda;risposta\nCos".utf8) + [0x92, 0xE8] + Array("?;S".utf8)
      + [0xEC, 0x2E, 0x0A]
    let result = try FAQImporter().read(CSVReader(data: Data(bytes), path: "f.csv"), path: "f.csv")
    #expect(result.faqs.first?.question == "Cos’è?")
    #expect(result.faqs.first?.answer == "Sì.")
    #expect(
      result.warnings.map(\.description) == [
        "f.csv:1: warning: not UTF-8: read as Windows-1252 (Latin-1)"
      ])
  }
}
