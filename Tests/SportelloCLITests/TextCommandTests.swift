import Foundation
import Testing

/// End-to-end tests of `sportello stem` and `sportello analyze`.
@Suite struct TextCommandTests {
  static let fixtures = BinaryRunner.packageRoot.appendingPathComponent(
    "Tests/SportelloTextTests/Fixtures")

  @Test func stemReproducesTheSnowballReferenceOutput() throws {
    let vocabulary = try Data(contentsOf: Self.fixtures.appendingPathComponent("voc.txt"))
    let expected = try String(
      contentsOf: Self.fixtures.appendingPathComponent("output.txt"), encoding: .utf8)
    let result = try BinaryRunner.run(["stem"], input: vocabulary)
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    #expect(result.output == expected)
  }

  @Test func stemKeepsLineOrderAndEmptyLines() throws {
    let result = try BinaryRunner.run(["stem"], input: Data("residenza\n\nCertificati\r\nè".utf8))
    #expect(result.status == 0)
    #expect(result.output == "resident\n\ncertific\nè\n")
  }

  @Test func stemRejectsArguments() throws {
    let result = try BinaryRunner.run(["stem", "residenza"])
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(
      result.error == """
        Error: unexpected argument 'residenza'
        Usage: sportello stem
          See 'sportello stem --help' for more information.

        """)
  }

  @Test func stemHelpExplainsTheCheck() throws {
    let result = try BinaryRunner.run(["stem", "--help"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("OVERVIEW: Print the Snowball Italian stem of each word"))
    #expect(result.output.contains("sportello stem < voc.txt | diff - output.txt"))
    #expect(result.output.contains("USAGE: sportello stem\n"))
  }

  @Test func analyzePrintsAnAlignedTable() throws {
    let result = try BinaryRunner.run(["analyze", "Ciaooo cmq x la carta d'identità 22,21 €"])
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    #expect(
      result.output == """
        OFFSET  KIND   SURFACE   FOLDED    STEM     CHANGES
        0       word   Ciaooo    ciao      cia      squeezed 'ciaooo'
        7       word   cmq       comunque  comunqu  abbreviation 'cmq'
        11      word   x         per       per *    abbreviation 'x'
        13      word   la        la        la *
        16      word   carta     carta     cart
        22      word   d'        di        di *     elision 'd'identità'
        24      word   identità  identità  ident    elision 'd'identità'
        33      money  22,21 €   22,21 €   22,21 €

        """)
  }

  @Test func analyzeReadsStandardInputAndReportsInvalidUTF8() throws {
    let input = Data("dell'IMU ".utf8) + Data([0xFF]) + Data(" 8:30\n".utf8)
    let result = try BinaryRunner.run(["analyze"], input: input)
    #expect(result.status == 0)
    #expect(
      result.output == """
        OFFSET  KIND  SURFACE  FOLDED  STEM    CHANGES
        0       word  dell'    dell    dell *  elision 'dell'IMU'
        5       word  IMU      imu     imu !   elision 'dell'IMU'
        11      time  8:30     8:30    8:30
        invalid UTF-8 sequences replaced: 1

        """)
  }

  @Test func analyzePrintsJSON() throws {
    let result = try BinaryRunner.run(["analyze", "--json", "po'"])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["text"] as? String == "po'")
    #expect(object["invalidUTF8Count"] as? Int == 0)
    let tokens = try #require(object["tokens"] as? [[String: Any]])
    try #require(tokens.count == 1)
    #expect(tokens[0]["surface"] as? String == "po'")
    #expect(tokens[0]["folded"] as? String == "poco")
    #expect(tokens[0]["stem"] as? String == "poc")
    #expect(tokens[0]["kind"] as? String == "word")
    #expect(tokens[0]["offset"] as? Int == 0)
    let changes = try #require(tokens[0]["changes"] as? [[String: Any]])
    #expect((changes.first?["restoredAccent"] as? [String: String])?["from"] == "po'")
  }

  @Test func analyzeCorrectsTyposAgainstAVocabularyFile() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sportello-vocabulary-\(UUID().uuidString).txt")
    try Data("Carta d'identità e certificato di residenza\n".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try BinaryRunner.run(["analyze", "--vocabulary", file.path, "d'identià residneza"])
    #expect(result.status == 0)
    #expect(
      result.output == """
        OFFSET  KIND  SURFACE    FOLDED     STEM      CHANGES
        0       word  d'         di         di *      elision 'd'identià'
        2       word  identià    identità   ident     elision 'd'identià', typo 'identià'
        10      word  residneza  residenza  resident  typo 'residneza'

        """)
  }

  @Test func analyzeReportsAnUnreadableVocabulary() throws {
    let result = try BinaryRunner.run(["analyze", "--vocabulary", "/nonexistent/words", "ciao"])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error == "Error: cannot read '/nonexistent/words'\n")
  }

  @Test func analyzeRejectsUnknownOptions() throws {
    let result = try BinaryRunner.run(["analyze", "--bogus", "ciao"])
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix("Error: unknown option '--bogus'\n"))
    #expect(result.error.contains("See 'sportello analyze --help' for more information."))
  }

  @Test func analyzeHelpListsTheJSONFlag() throws {
    let result = try BinaryRunner.run(["analyze", "--help"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("OVERVIEW: Show how a message is read"))
    #expect(
      result.output.contains("USAGE: sportello analyze [<message>] [--vocabulary <FILE>] [--json]"))
    #expect(result.output.contains("  --json                  Print the analysis as JSON.\n"))
  }
}
