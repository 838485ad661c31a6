import Foundation
import Testing

@testable import SportelloEvaluation

@Suite struct BatchEvaluatorTests {
  @Test func resultsKeepInputOrderAcrossThreads() {
    let entries = (0..<1_000).map {
      CorpusEntry(file: "f.tsv", line: $0 + 1, message: "m\($0)", expected: ["i\($0 % 7)"])
    }
    let evaluator = BatchEvaluator(concurrency: 4) { message in
      MessageOutcome(kind: .answer, intent: "i\((Int(message.dropFirst()) ?? 0) % 7)", score: 1)
    }
    let progress = ProgressLog()
    let results = evaluator.evaluate(entries) { progress.record($0) }
    #expect(results.map(\.entry) == entries)
    #expect(results.allSatisfy { $0.verdict == .correct })
    #expect(progress.values.last == 1_000)
    #expect(progress.values == progress.values.sorted())
  }

  @Test func emptyCorpusGivesNoResults() {
    let evaluator = BatchEvaluator { _ in MessageOutcome(kind: .handover) }
    #expect(evaluator.evaluate([]).isEmpty)
  }
}

/// Records progress calls from many threads.
private final class ProgressLog: @unchecked Sendable {
  // Safe: `recorded` is only touched while `lock` is held.
  private let lock = NSLock()
  private var recorded: [Int] = []

  func record(_ value: Int) {
    lock.lock()
    recorded.append(value)
    lock.unlock()
  }

  var values: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }
}
