import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct RuleFileWriterTests {
  private let faq = ImportedFAQ(
    id: "faq-182", title: "Pagare la bolletta", question: "Come pago la bolletta?",
    answer: "Con *pagoPA*.\n\n  Oppure in banca, alla posta.", tags: ["bolletta", "pago, pa"],
    office: "Servizio clienti", link: "https://example.org/pago", line: 12)

  @Test func ruleTextHasQuestionKeywordsAndVerbatimAnswer() {
    #expect(
      RuleFileWriter.ruleText(for: faq, source: "faq.csv") == """
        # faq.csv, riga 12
        [faq-182]
        titolo: Pagare la bolletta
        ufficio: Servizio clienti
        domande:
        - Come pago la bolletta?
        parole:
        - bolletta
        - pago pa
        risposta:
        > Con *pagoPA*.
        >
        >   Oppure in banca, alla posta.
        link: https://example.org/pago

        """)
  }

  @Test func faqsOfAnOfficeShareOneFileNamedAfterTheSpreadsheet() throws {
    let directory = try TemporaryDirectory()
    let writer = RuleFileWriter(directory: directory.path)
    var second = faq
    second.id = "faq-183"
    var other = faq
    other.id = "faq-9"
    other.office = nil
    let paths = try writer.write([faq, other, second], source: "/tmp/Elenco FAQ.csv")
    #expect(
      paths == [
        directory.path + "/servizio-clienti/elenco-faq.faq", directory.path + "/elenco-faq.faq",
      ])
    let office = try directory.read("servizio-clienti/elenco-faq.faq")
    #expect(office.hasPrefix("# Elenco FAQ.csv, riga 12\n[faq-182]\n"))
    #expect(
      office.contains("link: https://example.org/pago\n\n# Elenco FAQ.csv, riga 12\n[faq-183]\n"))
    #expect(try directory.read("elenco-faq.faq").contains("[faq-9]\n"))
    #expect(throws: EvaluationError.wouldOverwrite(paths: paths)) {
      try writer.write([faq, other], source: "Elenco FAQ.csv")
    }
    var changed = faq
    changed.answer = "Nuova."
    try RuleFileWriter(directory: directory.path, overwrites: true)
      .write([changed], source: "elenco-faq.csv")
    #expect(try directory.read("servizio-clienti/elenco-faq.faq").contains("> Nuova.\n"))
  }

  @Test func refusedImportWritesNothing() throws {
    let directory = try TemporaryDirectory()
    try directory.write("f.faq", "# staff edits\n")
    let one = ImportedFAQ(
      id: "1", title: "Uno", question: "Uno?", answer: "Sì.", office: "anagrafe", line: 2)
    let two = ImportedFAQ(id: "2", title: "Due", question: "Due?", answer: "Sì.", line: 3)
    #expect(throws: EvaluationError.wouldOverwrite(paths: [directory.path + "/f.faq"])) {
      try RuleFileWriter(directory: directory.path).write([one, two], source: "f.csv")
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/anagrafe/f.faq"))
    #expect(try directory.read("f.faq") == "# staff edits\n")
  }
}
