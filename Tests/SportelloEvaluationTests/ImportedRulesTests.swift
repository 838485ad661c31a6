import Foundation
import SportelloEngine
import Testing

@testable import SportelloEvaluation

/// Imports the public-utility FAQ list of the fixtures and runs the engine on it.
@Suite struct ImportedRulesTests {
  /// The fixture folder inside the test bundle.
  static func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return url.appendingPathComponent(name).path
  }

  /// Imports `servizi.csv` into a fresh directory and loads it with the engine.
  static func importedRules() throws -> (TemporaryDirectory, RuleSetLoadResult) {
    let directory = try TemporaryDirectory()
    let csv = try fixture("servizi.csv")
    let result = try FAQImporter().read(file: csv)
    #expect(result.warnings.isEmpty)
    try RuleFileWriter(directory: directory.path).write(result.faqs, source: csv)
    return (directory, RuleSet.load(from: directory.url))
  }

  static func evaluate(_ ruleSet: RuleSet, _ entries: [CorpusEntry]) -> EvaluationReport {
    let evaluator = BatchEvaluator(
      responder: Responder(matcher: Matcher(ruleSet: ruleSet)), now: Date())
    return EvaluationReport(results: evaluator.evaluate(entries), rulesVersion: ruleSet.version)
  }

  @Test func importedRulesLintWithZeroErrors() throws {
    let (directory, loaded) = try Self.importedRules()
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.description) == [])
    let ruleSet = try #require(loaded.ruleSet)
    #expect(ruleSet.faqs.count == 40)
    let faq = try #require(ruleSet.faq(withID: "27"))
    #expect(faq.examples == ["Come prenoto il ritiro degli ingombranti?"])
    #expect(faq.answer?.hasPrefix("Il *ritiro ingombranti* a domicilio") == true)
    _ = directory
  }

  @Test func importedRulesAnswerTheirOwnQuestions() throws {
    let (directory, loaded) = try Self.importedRules()
    let ruleSet = try #require(loaded.ruleSet)
    let entries = ruleSet.faqs.map {
      CorpusEntry(file: "own", line: 0, message: $0.examples[0], expected: [$0.id])
    }
    let report = Self.evaluate(ruleSet, entries)
    #expect(report.failures.map { report.describe($0) } == [])
    #expect(report.summary.correct == 40)
    _ = directory
  }

  @Test func importedRulesAnswerRealisticUserQuestions() throws {
    let (directory, loaded) = try Self.importedRules()
    let ruleSet = try #require(loaded.ruleSet)
    let entries = try CorpusReader.read(paths: [try Self.fixture("domande.tsv")])
    #expect(entries.count == 156)
    let summary = Self.evaluate(ruleSet, entries).summary
    #expect(summary.answerable == 144)
    #expect(summary.unanswerable == 12)
    #expect(summary.cAt1 >= 0.5)
    #expect(summary.precision >= 0.8)
    #expect(summary.unanswerableAnswered <= 0.25)
    _ = directory
  }

  @Test func paraphrasesWithoutSharedWordsAreRarelyAnsweredWrongly() throws {
    let (directory, loaded) = try Self.importedRules()
    let ruleSet = try #require(loaded.ruleSet)
    let entries = try CorpusReader.read(paths: [try Self.fixture("parafrasi.tsv")])
    #expect(entries.count == 42)
    let summary = Self.evaluate(ruleSet, entries).summary
    #expect(summary.wrong <= 3)
    // Imported rules have one phrasing each, and the matcher has no lexicon that
    // bridges 'armadio' to 'mobili' or 'saldare' to 'pagare': most paraphrases go to
    // a person.
    withKnownIssue("paraphrases of imported FAQs are mostly handed over") {
      #expect(summary.cAt1 >= 0.5)
    }
    _ = directory
  }
}
