import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct CSVReaderTests {
  private func read(_ text: String) throws -> CSVReader {
    try CSVReader(data: Data(text.utf8), path: "f.csv")
  }

  @Test(
    arguments: [
      ("id;domanda;risposta\n1;a;b\n", ";"),
      ("id,domanda,risposta\n1,a,b\n", ","),
      ("id\tdomanda\trisposta\n1\ta\tb\n", "\t"),
      ("\"id;x\",domanda,risposta\n", ","),
    ] as [(String, String)])
  func delimiterIsDetectedFromTheHeader(text: String, delimiter: String) throws {
    #expect(try read(text).delimiter == Unicode.Scalar(delimiter))
  }

  @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
    let csv = try read(
      "id;domanda;risposta\n7;\"Posso pagare; e come?\";\"Sì, con \"\"pagoPA\"\".\nAnche in banca.\"\n8;x;y\n"
    )
    #expect(
      csv.records == [
        .init(fields: ["id", "domanda", "risposta"], line: 1),
        .init(
          fields: ["7", "Posso pagare; e come?", "Sì, con \"pagoPA\".\nAnche in banca."], line: 2),
        .init(fields: ["8", "x", "y"], line: 4),
      ])
  }

  @Test func byteOrderMarkAndCRLFAreAccepted() throws {
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data("id;domanda\r\n1;\"riga uno\r\nriga due\"\r\n\r\n2;ultima".utf8))
    let csv = try CSVReader(data: data, path: "f.csv")
    #expect(
      csv.records == [
        .init(fields: ["id", "domanda"], line: 1),
        .init(fields: ["1", "riga uno\nriga due"], line: 2),
        .init(fields: ["2", "ultima"], line: 5),
      ])
  }

  @Test func emptyFieldsAndStrayQuotesAreKept() throws {
    let csv = try read("a;b;c\n;\"\";pollice 3\"\n")
    #expect(csv.records.last?.fields == ["", "", "pollice 3\""])
  }

  @Test func unterminatedQuoteIsAnErrorAtItsLine() {
    #expect(
      throws: EvaluationError.malformedCSV(
        path: "f.csv", line: 2, reason: "quoted field not closed before the end of the file")
    ) {
      try read("id;domanda\n1;\"aperta\nmai chiusa\n")
    }
  }

  @Test func windows1252IsReadWhenTheFileIsNotUTF8() throws {
    let bytes: [UInt8] =
      Array("id;domanda\n1;".utf8) + [0x50, 0x65, 0x72, 0x63, 0x68, 0xE9]
      + [0x3F, 0x20, 0x80, 0x0A]
    let csv = try CSVReader(data: Data(bytes), path: "f.csv")
    #expect(csv.isWindows1252)
    #expect(csv.records.last?.fields == ["1", "Perché? €"])
  }

  @Test func bytesNeitherUTF8NorWindows1252AreReportedWithTheirLine() {
    var data = Data("id;domanda\n1;ok\n".utf8)
    data.append(Data([0x32, 0x3B, 0xE0, 0x81, 0x0A]))
    #expect(
      throws: EvaluationError.malformedCSV(
        path: "f.csv", line: 3, reason: "invalid UTF-8 (and not Windows-1252 either)")
    ) {
      try CSVReader(data: data, path: "f.csv")
    }
  }

}
