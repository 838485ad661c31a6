import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct BatchTestTests {
  /// Answers `bolletta` messages with `1`, hands everything else over.
  static let evaluator = BatchEvaluator { message in
    message.contains("bolletta")
      ? MessageOutcome(kind: .answer, intent: "1", score: 0.9)
      : MessageOutcome(kind: .handover, score: 0.2)
  }

  static func corpus(in directory: TemporaryDirectory) throws -> String {
    try directory.write(
      "c.tsv", "1\tpago la bolletta\n2\tvoltura\n-\tla mia pratica\n3|1\tbolletta alta\n")
  }

  @Test func thresholdsThatDoNotHoldFailTheRun() throws {
    let directory = try TemporaryDirectory()
    let test = BatchTest(
      corpusPaths: [try Self.corpus(in: directory)], minimumPrecision: 1,
      minimumAutomation: 0.9)
    let outcome = try test.run(with: Self.evaluator, rulesVersion: "v1")
    #expect(outcome.report.summary.correct == 2)
    #expect(outcome.failures == ["automation 0.667 is below --min-automation 0.900"])
    #expect(!outcome.passed)
  }

  @Test func savedBaselineIsComparedOnTheNextRun() throws {
    let directory = try TemporaryDirectory()
    let corpus = try Self.corpus(in: directory)
    let baseline = directory.path + "/b.json"
    let first = try BatchTest(corpusPaths: [corpus], saveBaselinePath: baseline)
      .run(with: Self.evaluator, rulesVersion: "v1")
    #expect(first.passed)
    let worse = BatchEvaluator { _ in MessageOutcome(kind: .handover) }
    let second = try BatchTest(corpusPaths: [corpus], baselinePath: baseline)
      .run(with: worse, rulesVersion: "v2")
    #expect(second.report.comparison?.regressions.count == 2)
    #expect(second.failures == ["2 regressions against the baseline"])
  }

  @Test func expectedIntentsMissingFromTheRulesAreWarned() throws {
    let directory = try TemporaryDirectory()
    let corpus = try Self.corpus(in: directory)
    var test = BatchTest(corpusPaths: [corpus])
    test.knownIntents = ["1", "2"]
    let outcome = try test.run(with: Self.evaluator, rulesVersion: "v1")
    #expect(outcome.warnings == ["\(corpus):4: warning: unknown intent '3' (not in the rules)"])
    #expect(outcome.passed)
  }

  @Test func progressReportsDoneAndTotal() throws {
    let directory = try TemporaryDirectory()
    let seen = Seen()
    _ = try BatchTest(corpusPaths: [try Self.corpus(in: directory)])
      .run(with: Self.evaluator, rulesVersion: "v1") { done, total in seen.add(done, total) }
    #expect(seen.last == [4, 4])
  }
}

/// The last progress call, recorded from any thread.
private final class Seen: @unchecked Sendable {
  // Safe: `values` is only touched while `lock` is held.
  private let lock = NSLock()
  private var values: [Int] = []

  func add(_ done: Int, _ total: Int) {
    lock.lock()
    values = [done, total]
    lock.unlock()
  }

  var last: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}
