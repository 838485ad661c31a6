import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct CorpusReaderTests {
  private func parse(_ text: String) throws -> [CorpusEntry] {
    try CorpusReader.parse(Data(text.utf8), path: "c.tsv")
  }

  private func errors(_ text: String) -> [String] {
    do {
      _ = try parse(text)
      return []
    } catch let failure as CorpusErrors {
      return failure.errors.map(\.description)
    } catch {
      return ["unexpected \(error)"]
    }
  }

  @Test func readsExpectedAlternativesAndUnanswerableMessages() throws {
    let entries = try parse(
      """
      # recorded in march
      anagrafe.carta_identita\tcm faccio x la cie?

      tributi.tari|servizi.pagopa\tcome pago la tari online
        -  \ta che punto è la mia pratica 4411?
      """)
    #expect(
      entries == [
        CorpusEntry(
          file: "c.tsv", line: 2, message: "cm faccio x la cie?",
          expected: [
            "anagrafe.carta_identita"
          ]),
        CorpusEntry(
          file: "c.tsv", line: 4, message: "come pago la tari online",
          expected: [
            "tributi.tari", "servizi.pagopa",
          ]),
        CorpusEntry(
          file: "c.tsv", line: 5, message: "a che punto è la mia pratica 4411?", expected: []),
      ])
    #expect(entries[2].isAnswerable == false)
  }

  @Test func byteOrderMarkAndCRLFAreAccepted() throws {
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data("faq-1\tciao come va\r\n-\tla mia domanda\r\n".utf8))
    let entries = try CorpusReader.parse(data, path: "c.tsv")
    #expect(entries.map(\.message) == ["ciao come va", "la mia domanda"])
    #expect(entries.map(\.expected) == [["faq-1"], []])
    #expect(entries.map(\.line) == [1, 2])
  }

  @Test func intentIDsAreReadInLowerCase() throws {
    let entries = try parse("Tributi.TARI\tla tari\n")
    #expect(entries.first?.expected == ["tributi.tari"])
  }

  @Test(arguments: [
    (
      "solo testo senza tab",
      "c.tsv:1: error: missing tab between the expected intent and the message"
    ),
    ("a\tb\tc", "c.tsv:1: error: more than one tab: a message cannot contain a tab"),
    ("\tmessaggio", "c.tsv:1: error: empty expected intent"),
    ("faq-1\t   ", "c.tsv:1: error: empty message"),
    ("a||b\tmessaggio", "c.tsv:1: error: empty intent id in 'a||b'"),
    ("a|\tmessaggio", "c.tsv:1: error: empty intent id in 'a|'"),
    ("-|a\tmessaggio", "c.tsv:1: error: '-' cannot be combined with intent ids in '-|a'"),
    ("carta identità\tmessaggio", "c.tsv:1: error: invalid intent id 'carta identità'"),
  ])
  func malformedLineIsReportedWithItsLine(line: String, diagnostic: String) {
    #expect(errors(line) == [diagnostic])
  }

  @Test func invalidUTF8IsAMalformedLine() {
    var data = Data("faq-1\tbuongiorno\n".utf8)
    data.append(Data([0x66, 0x09, 0xC3, 0x28, 0x0A]))
    #expect(throws: CorpusErrors.self) { try CorpusReader.parse(data, path: "c.tsv") }
    do {
      _ = try CorpusReader.parse(data, path: "c.tsv")
    } catch let failure as CorpusErrors {
      #expect(failure.description == "c.tsv:2: error: invalid UTF-8")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func everyMalformedLineIsCollected() {
    let found = errors("ok\tmessaggio\nsenza tab\n# commento\n\tvuoto\nok\tancora\nx\t\n")
    #expect(
      found == [
        "c.tsv:2: error: missing tab between the expected intent and the message",
        "c.tsv:4: error: empty expected intent",
        "c.tsv:6: error: empty message",
      ])
  }

  @Test func directoryReadsEveryTSVFileInPathOrder() throws {
    let directory = try TemporaryDirectory()
    try directory.write("b.tsv", "faq-2\tseconda\n")
    try directory.write("a.tsv", "faq-1\tprima\n")
    try directory.write("note.txt", "non un corpus")
    try directory.write("sub/c.tsv", "-\tterza\n")
    let entries = try CorpusReader.read(paths: [directory.path])
    #expect(entries.map(\.message) == ["prima", "seconda", "terza"])
    #expect(entries.first?.file == directory.path + "/a.tsv")
  }

  @Test func missingFileIsUnreadable() {
    do {
      _ = try CorpusReader.read(paths: ["/nonexistent/corpus.tsv"])
      Issue.record("expected an error")
    } catch let failure as CorpusErrors {
      #expect(failure.hasUnreadableFile)
      #expect(
        failure.description
          == "/nonexistent/corpus.tsv: error: cannot read: no such file or directory")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func errorsOfSeveralFilesAreAllReported() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a.tsv", "rotta\n")
    try directory.write("b.tsv", "ok\tbene\n\tvuoto\n")
    do {
      _ = try CorpusReader.read(paths: [directory.path])
      Issue.record("expected an error")
    } catch let failure as CorpusErrors {
      #expect(failure.errors.count == 2)
      #expect(failure.hasUnreadableFile == false)
      #expect(
        failure.errors.map(\.description).last?.hasSuffix("b.tsv:2: error: empty expected intent")
          == true)
    }
  }
}
