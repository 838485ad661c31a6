import Foundation
import Testing

@Suite struct EvaluationCommandTests {
  static let fixtures = BinaryRunner.packageRoot
    .appendingPathComponent("Tests/SportelloEvaluationTests/Fixtures")

  /// A fresh temporary directory for one test.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-cli-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func importWritesOneRuleFilePerFAQAndRefusesToOverwrite() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("importate").path
    let csv = Self.fixtures.appendingPathComponent("servizi.csv").path
    let first = try BinaryRunner.run(["import", csv, "--out", out, "--prefix", "faq-"])
    #expect(first.status == 0)
    #expect(first.output == "Imported 40 FAQs into \(out).\n")
    #expect(first.error.isEmpty)
    let files = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(files.count == 40)
    #expect(files.contains("faq-27.faq"))
    let again = try BinaryRunner.run(["import", csv, "--out", out, "--prefix", "faq-"])
    #expect(again.status == 1)
    #expect(again.output.isEmpty)
    #expect(again.error.hasPrefix("Error: would overwrite '\(out)/faq-1.faq', "))
    #expect(again.error.hasSuffix(" and 35 more; use --force to replace them\n"))
    let forced = try BinaryRunner.run(["import", csv, "--out", out, "--prefix", "faq-", "--force"])
    #expect(forced.status == 0)
  }

  @Test func importReportsSkippedRowsWithTheirLines() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let csv = directory.appendingPathComponent("faq.csv")
    try Data(
      "\u{FEFF}id,question,answer\r\n1,Orari?,Mattina.\r\n1,Doppia?,Sì.\r\n2,Vuota?,\r\n".utf8
    )
    .write(to: csv)
    let result = try BinaryRunner.run(
      [
        "import", csv.path, "--out", directory.appendingPathComponent("out").path,
        "--office", "Anagrafe",
      ])
    #expect(result.status == 0)
    #expect(
      result.error == """
        \(csv.path):3: warning: skipped row: duplicate id '1' (first on line 2)
        \(csv.path):4: warning: skipped row: missing answer

        """)
    #expect(result.output.hasSuffix("(2 rows skipped).\n"))
    #expect(
      FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("out/anagrafe/1.faq").path))
  }

  @Test func importFailures() throws {
    let missing = try BinaryRunner.run(["import", "/nonexistent/faq.csv", "--out", "/tmp/x"])
    #expect(missing.status == 2)
    #expect(missing.error.hasPrefix("Error: /nonexistent/faq.csv: error: cannot read: "))
    let noOut = try BinaryRunner.run(["import", "faq.csv"])
    #expect(noOut.status == 64)
    #expect(noOut.error.hasPrefix("Error: missing required option '--out <DIR>'\n"))
    let badPrefix = try BinaryRunner.run(["import", "faq.csv", "--out", "x", "--prefix", "FAQ "])
    #expect(badPrefix.status == 64)
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let csv = directory.appendingPathComponent("bad.csv")
    try Data("id;domanda\n1;senza risposta\n".utf8).write(to: csv)
    let noAnswer = try BinaryRunner.run(["import", csv.path, "--out", directory.path])
    #expect(noAnswer.status == 1)
    #expect(
      noAnswer.error == "Error: \(csv.path):1: error: missing column 'risposta' in the header\n")
  }
}
