import Foundation
import Testing

@testable import SportelloEvaluation

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct EvaluationReportTests {
  private let report = EvaluationReport(results: SampleResults.results, rulesVersion: "v1")

  @Test func jsonHasTheSummaryAndOneResultPerMessage() throws {
    let data = Data(try report.json().utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["c_at_1"] as? Double == 0.45)
    #expect(summary["total"] as? Int == 10)
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.count == 10)
    let second = results[1]
    #expect(second["file"] as? String == "s.tsv")
    #expect(second["line"] as? Int == 2)
    #expect(second["message"] as? String == "messaggio 2")
    #expect(second["expected"] as? [String] == ["a"])
    #expect(second["outcome"] as? String == "answer")
    #expect(second["intent"] as? String == "b")
    #expect(second["score"] as? Double == 0.7)
    #expect(second["verdict"] as? String == "wrong")
    let candidates = try #require(second["candidates"] as? [[String: Any]])
    #expect(candidates.first?["intent"] as? String == "b")
    #expect(candidates.first?["score"] as? Double == 0.7)
    #expect(results[6]["intent"] is NSNull)
    #expect(results[6]["expected"] as? [String] == [])
    #expect(results[3]["options"] as? [String] == ["a", "b"])
    #expect(object["regressions"] == nil)
  }

  @Test func junitIsWellFormedWithOneTestCasePerMessage() throws {
    var results = SampleResults.results
    results[0].entry.message = "tari & imu <2025> \"urgente\" \u{1}"
    let xml = EvaluationReport(results: results, rulesVersion: "v1").junit()
    let collector = JUnitCollector()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = collector
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(collector.testCases.count == 10)
    #expect(collector.failures == 5)
    #expect(collector.suites == [["name": "s.tsv", "tests": "10", "failures": "5", "errors": "0"]])
    #expect(collector.testCases.first == "line 1: tari & imu <2025> \"urgente\" \u{FFFD}")
    #expect(collector.failureMessages.first == "expected a, got b")
  }

  @Test func textShowsSummaryTableConfusionsAndFailures() {
    let text = report.text(showingFailures: 2)
    #expect(text.hasPrefix("Tested 10 messages against rules version v1.\n"))
    #expect(text.contains("\n  c_at_1                    0.450\n"))
    #expect(
      text.contains(
        "\n  a                                      3       2      1      0     0.667\n"))
    #expect(text.contains("\n     1  - → a\n"))
    #expect(text.contains("Failures (first 2 of 5):"))
    #expect(
      text.contains("\n  s.tsv:2: expected a, got b (score 0.700): \"messaggio 2\"\n"))
    #expect(text.contains("s.tsv:4: expected b, got ask(a, b) (score 0.500): \"messaggio 4\""))
    #expect(!text.contains("s.tsv:5:"))
  }

  @Test func textListsRegressions() {
    var now = SampleResults.results
    now[0].outcome = SampleResults.handover
    let comparison = Baseline(results: SampleResults.results, rulesVersion: "v1").compare(with: now)
    let text = EvaluationReport(results: now, rulesVersion: "v2", comparison: comparison).text()
    #expect(text.contains("  regressions   1\n"))
    #expect(
      text.contains(
        "  REGRESSION s.tsv:1: expected a, got handover (score 0.100): \"messaggio 1\" (was a)"))
  }
}

/// Collects what the JUnit tests check while parsing.
private final class JUnitCollector: NSObject, XMLParserDelegate {
  var suites: [[String: String]] = []
  var testCases: [String] = []
  var failures = 0
  var failureMessages: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch name {
    case "testsuite": suites.append(attributes)
    case "testcase": testCases.append(attributes["name"] ?? "")
    case "failure":
      failures += 1
      failureMessages.append(attributes["message"] ?? "")
    default: break
    }
  }
}
