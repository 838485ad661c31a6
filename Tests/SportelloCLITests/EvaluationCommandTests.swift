import Foundation
import SportelloCLI
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

  @Test func importWritesTheRulesAndRefusesToOverwrite() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("importate").path
    let csv = Self.fixtures.appendingPathComponent("servizi.csv").path
    let first = try BinaryRunner.run(["import", csv, "--out", out, "--prefix", "faq-"])
    #expect(first.status == 0)
    #expect(first.output == "Imported 40 FAQs into \(out).\n")
    #expect(first.error.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["servizi.faq"])
    let rules = try String(contentsOfFile: out + "/servizi.faq", encoding: .utf8)
    #expect(rules.components(separatedBy: "\n[faq-").count == 41)
    let again = try BinaryRunner.run(["import", csv, "--out", out, "--prefix", "faq-"])
    #expect(again.status == 1)
    #expect(again.output.isEmpty)
    #expect(
      again.error
        == "Error: would overwrite '\(out)/servizi.faq'; use --force to replace them\n")
    let forced = try BinaryRunner.run(
      ["import", csv, "--out", out, "--prefix", "faq-", "--force"])
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
        atPath: directory.appendingPathComponent("out/anagrafe/faq.faq").path))
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

@Suite struct TestCommandTests {
  /// Imports the fixture FAQ list into `directory/rules` with the built binary.
  static func importFixtureRules(into directory: URL) throws -> String {
    let rules = directory.appendingPathComponent("rules").path
    let csv = EvaluationCommandTests.fixtures.appendingPathComponent("servizi.csv").path
    let result = try BinaryRunner.run(["import", csv, "--out", rules])
    #expect(result.status == 0)
    return rules
  }

  @Test func testOnTheShippedCorpusPrintsTheJSONSummary() throws {
    let result = try BinaryRunner.run(["test", "--format", "json"])
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    let names = [
      "total", "answerable", "unanswerable", "answered", "correct", "wrong", "asked",
      "asked_with_right_option", "handed_over", "missed", "precision", "automation",
      "unanswerable_answered", "c_at_1",
    ]
    #expect(Set(summary.keys) == Set(names))
    let total = try #require(summary["total"] as? Int)
    #expect(total >= 250)
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.count == total)
    let first = try #require(results.first)
    #expect(
      Set(first.keys).isSuperset(of: [
        "file", "line", "message", "expected", "outcome", "intent", "candidates", "score",
      ]))
    #expect((first["file"] as? String)?.hasPrefix("Corpus/") == true)
  }

  @Test func thresholdsAndBaselineDecideTheExitStatus() throws {
    let directory = try EvaluationCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try Self.importFixtureRules(into: directory)
    let corpus = EvaluationCommandTests.fixtures.appendingPathComponent("domande.tsv").path
    let baseline = directory.appendingPathComponent("baseline.json").path
    let saved = try BinaryRunner.run(
      ["test", corpus, "--rules", rules, "--save-baseline", baseline, "--show", "3"])
    #expect(saved.status == 0)
    #expect(saved.output.hasPrefix("Tested 156 messages against rules version "))
    #expect(saved.output.contains("Failures (first 3 of "))
    #expect(FileManager.default.fileExists(atPath: baseline))
    let same = try BinaryRunner.run(["test", corpus, "--rules", rules, "--baseline", baseline])
    #expect(same.status == 0)
    #expect(same.output.contains("  regressions   0\n"))
    let strict = try BinaryRunner.run(
      ["test", corpus, "--rules", rules, "--min-precision", "1", "--min-automation", "1"])
    #expect(strict.status == 1)
    #expect(strict.error.contains("FAILED: automation "))
    let unknown = directory.appendingPathComponent("unknown.tsv")
    try Data("99\tquanto costa la voltura\n".utf8).write(to: unknown)
    let typo = try BinaryRunner.run(["test", unknown.path, "--rules", rules, "--show", "0"])
    #expect(typo.status == 0)
    #expect(
      typo.error == "\(unknown.path):1: warning: unknown intent '99' (not in the rules)\n")
    // Removing an FAQ breaks the messages it answered: regressions fail the run.
    let full = try String(
      contentsOf: EvaluationCommandTests.fixtures.appendingPathComponent("servizi.csv"),
      encoding: .utf8)
    let fewer = directory.appendingPathComponent("servizi.csv")
    try Data(
      full.split(separator: "\n").filter { !$0.hasPrefix("27;") }
        .joined(separator: "\n").utf8
    ).write(to: fewer)
    let reimport = try BinaryRunner.run(["import", fewer.path, "--out", rules, "--force"])
    #expect(reimport.output == "Imported 39 FAQs into \(rules).\n")
    let broken = try BinaryRunner.run(
      ["test", corpus, "--rules", rules, "--baseline", baseline, "--format", "json"])
    #expect(broken.status == 1)
    #expect(
      broken.error.contains("domande.tsv:103: warning: unknown intent '27' (not in the rules)\n"))
    #expect(broken.error.contains("\nFAILED: "))
    #expect(broken.error.hasSuffix(" against the baseline\n"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(broken.output.utf8)) as? [String: Any])
    let regressions = try #require(object["regressions"] as? [[String: Any]])
    #expect(!regressions.isEmpty)
    #expect(regressions.contains { ($0["expected"] as? [String]) == ["27"] })
  }

  @Test func junitOutputIsOneTestCasePerMessage() throws {
    let directory = try EvaluationCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try Self.importFixtureRules(into: directory)
    let corpus = EvaluationCommandTests.fixtures.appendingPathComponent("domande.tsv").path
    let result = try BinaryRunner.run(["test", corpus, "--rules", rules, "--format", "junit"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "))
    #expect(result.output.components(separatedBy: "<testcase ").count == 157)
  }

  @Test func corpusErrorsAndUsage() throws {
    let directory = try EvaluationCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try Self.importFixtureRules(into: directory)
    let bad = directory.appendingPathComponent("bad.tsv")
    try Data("1\tbuongiorno\nsenza tab\n\tvuoto\n".utf8).write(to: bad)
    let malformed = try BinaryRunner.run(["test", bad.path, "--rules", rules])
    #expect(malformed.status == 1)
    #expect(malformed.output.isEmpty)
    #expect(
      malformed.error == """
        \(bad.path):2: error: missing tab between the expected intent and the message
        \(bad.path):3: error: empty expected intent
        Error: the corpus has errors; nothing was tested

        """)
    let missing = try BinaryRunner.run(["test", "/nonexistent.tsv", "--rules", rules])
    #expect(missing.status == 2)
    let noRules = try BinaryRunner.run(["test", bad.path, "--rules", "/nonexistent"])
    #expect(noRules.status == 2)
    let broken = directory.appendingPathComponent("broken")
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    try Data("[x]\ntitolo: X\nrisposta: Sì.\n".utf8)
      .write(to: broken.appendingPathComponent("x.faq"))
    let brokenRules = try BinaryRunner.run(["test", bad.path, "--rules", broken.path])
    #expect(brokenRules.status == 1)
    #expect(brokenRules.output.isEmpty)
    #expect(brokenRules.error.contains("x.faq:1:2: error: faq 'x' has no example questions"))
    let format = try BinaryRunner.run(["test", "--format", "xml"])
    #expect(format.status == 64)
    #expect(
      format.error.hasPrefix(
        "Error: invalid value 'xml' for '--format': expected one of 'text', 'json', 'junit'\n"))
    let precision = try BinaryRunner.run(["test", "--min-precision", "1.5"])
    #expect(precision.status == 64)
  }
}

@Suite struct TestCommandProgressTests {
  /// Streams captured in memory.
  final class Captured: @unchecked Sendable {
    // Safe: `output` and `error` are only touched while `lock` is held.
    private let lock = NSLock()
    private var output = ""
    private var error = ""

    func io(isErrorTerminal: Bool) -> CommandIO {
      CommandIO(
        writeOutput: { text in self.locked { self.output += text } },
        writeError: { text in self.locked { self.error += text } },
        readLine: { nil }, readAll: { Data() }, isErrorTerminal: isErrorTerminal)
    }

    var standardError: String { locked { error } }

    private func locked<T>(_ body: () -> T) -> T {
      lock.lock()
      defer { lock.unlock() }
      return body()
    }
  }

  @Test(arguments: [true, false])
  func progressIsShownOnlyOnATerminal(isTerminal: Bool) throws {
    let directory = try EvaluationCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try TestCommandTests.importFixtureRules(into: directory)
    let corpus = EvaluationCommandTests.fixtures.appendingPathComponent("domande.tsv").path
    let captured = Captured()
    let status = Sportello.main(
      ["test", corpus, "--rules", rules], io: captured.io(isErrorTerminal: isTerminal))
    #expect(status == 0)
    if isTerminal {
      #expect(captured.standardError.hasPrefix("\r"))
      #expect(captured.standardError.contains("156/156 messages, "))
      #expect(captured.standardError.contains(" msg/s, "))
    } else {
      #expect(captured.standardError.isEmpty)
    }
  }
}

@Suite struct LearnCommandTests {
  @Test func learnWritesAModelThatTestAndLintRead() throws {
    let directory = try EvaluationCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try TestCommandTests.importFixtureRules(into: directory)
    let corpus = EvaluationCommandTests.fixtures.appendingPathComponent("domande.tsv").path
    let before = try BinaryRunner.run(["test", corpus, "--rules", rules, "--format", "json"])
    let learned = try BinaryRunner.run(["learn", corpus, "--rules", rules])
    #expect(learned.status == 0)
    #expect(learned.output.hasPrefix("Learned from 156 messages of 1 file: "))
    #expect(learned.output.hasSuffix("weights.\nWrote \(rules)/modello.txt.\n"))
    let model = try String(contentsOfFile: rules + "/modello.txt", encoding: .utf8)
    #expect(model.contains("\nfonte\t\(corpus)\t156\t"))
    #expect(model.contains("\nclasse\t-\t"))
    let lint = try BinaryRunner.run(["lint", rules])
    #expect(lint.status == 0)
    let after = try BinaryRunner.run(["test", corpus, "--rules", rules])
    #expect(after.status == 0)
    #expect(
      after.error
        == "note: the rules' model was learned from 1 tested file, so the figures on them are "
        + "not held out (see 'sportello learn --help')\n")
    // The same messages always teach the same model.
    let again = try BinaryRunner.run(["learn", corpus, "--rules", rules])
    #expect(again.status == 0)
    #expect(try String(contentsOfFile: rules + "/modello.txt", encoding: .utf8) == model)
    #expect(before.status == 0)
  }

  @Test func learnRepairsABrokenModelAndReportsBadInput() throws {
    let directory = try EvaluationCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try TestCommandTests.importFixtureRules(into: directory)
    let corpus = EvaluationCommandTests.fixtures.appendingPathComponent("domande.tsv").path
    try Data("classe\t-\tzero\n".utf8).write(
      to: URL(fileURLWithPath: rules + "/modello.txt"))
    let broken = try BinaryRunner.run(["ask", "ciao", "--rules", rules])
    #expect(broken.status == 1)
    #expect(broken.error.hasPrefix("\(rules)/modello.txt:1:10: error: invalid number 'zero'\n"))
    let output = directory.appendingPathComponent("altro.txt").path
    let elsewhere = try BinaryRunner.run(["learn", corpus, "--rules", rules, "--output", output])
    #expect(elsewhere.status == 0)
    #expect(elsewhere.output.hasSuffix("Wrote \(output).\n"))
    #expect(FileManager.default.fileExists(atPath: output))
    let repaired = try BinaryRunner.run(["learn", corpus, "--rules", rules])
    #expect(repaired.status == 0)
    #expect(try BinaryRunner.run(["ask", "ciao", "--rules", rules]).status == 0)
    let excluded = try BinaryRunner.run(
      ["learn", corpus, "--rules", rules, "--exclude", corpus, "--output", output])
    #expect(excluded.status == 1)
    #expect(excluded.error == "Error: no messages to learn from in \(corpus)\n")
    let bad = directory.appendingPathComponent("bad.tsv")
    try Data("senza tabulazione\n".utf8).write(to: bad)
    let malformed = try BinaryRunner.run(["learn", bad.path, "--rules", rules])
    #expect(malformed.status == 1)
    #expect(malformed.error.hasSuffix("Error: the corpus has errors; nothing was learned\n"))
    let missing = try BinaryRunner.run(["learn", "/nonexistent.tsv", "--rules", rules])
    #expect(missing.status == 2)
    let unknown = directory.appendingPathComponent("unknown.tsv")
    try Data("99\tquanto costa la voltura\n-\tho un problema\n".utf8).write(to: unknown)
    let skipped = try BinaryRunner.run(
      ["learn", unknown.path, "--rules", rules, "--output", output])
    #expect(skipped.status == 0)
    #expect(skipped.error == "\(unknown.path):1: unknown intent '99': left out\n")
    #expect(skipped.output.hasPrefix("Learned from 1 message of 1 file: 1 class, "))
    let usage = try BinaryRunner.run(["learn", "--output"])
    #expect(usage.status == 64)
  }
}
