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
        # Importata da faq.csv, riga 12.
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

  @Test func filesGoUnderTheOfficeFolderAndAreNotOverwritten() throws {
    let directory = try TemporaryDirectory()
    let writer = RuleFileWriter(directory: directory.path)
    let paths = try writer.write([faq], source: "/tmp/faq.csv")
    #expect(paths == [directory.path + "/servizio-clienti/faq-182.faq"])
    #expect(try directory.read("servizio-clienti/faq-182.faq").hasPrefix("# Importata da faq.csv"))
    #expect(throws: EvaluationError.wouldOverwrite(paths: paths)) {
      try writer.write([faq], source: "faq.csv")
    }
    var changed = faq
    changed.answer = "Nuova."
    try RuleFileWriter(directory: directory.path, overwrites: true).write([changed], source: "x")
    #expect(try directory.read("servizio-clienti/faq-182.faq").contains("> Nuova.\n"))
  }

  @Test func refusedImportWritesNothing() throws {
    let directory = try TemporaryDirectory()
    try directory.write("2.faq", "# staff edits\n")
    let one = ImportedFAQ(id: "1", title: "Uno", question: "Uno?", answer: "Sì.", line: 2)
    let two = ImportedFAQ(id: "2", title: "Due", question: "Due?", answer: "Sì.", line: 3)
    #expect(throws: EvaluationError.self) {
      try RuleFileWriter(directory: directory.path).write([one, two], source: "f.csv")
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/1.faq"))
    #expect(try directory.read("2.faq") == "# staff edits\n")
  }
}
