import Foundation
import SportelloEngine
import SportelloEvaluation

extension EvaluationBenchmarks {
  /// The package's root, where `Rules/` and `Corpus/` live.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// Decides 100,000 messages, the recorded questions of `Corpus/` repeated, against
  /// `Rules/`, exactly as `sportello test` does (the responder, in parallel).
  static func batchTestFigures() throws -> [Figure] {
    let rules = packageRoot.appendingPathComponent("Rules")
    let loaded = RuleSet.load(from: rules, now: Date(), checksOverlaps: false)
    guard let ruleSet = loaded.ruleSet else {
      throw EvaluationError.unreadable(path: rules.path, reason: "the rules have errors")
    }
    let recorded = try CorpusReader.read(paths: [packageRoot.appendingPathComponent("Corpus").path])
    guard !recorded.isEmpty else {
      throw EvaluationError.unreadable(path: "Corpus", reason: "no recorded messages")
    }
    let entries = (0..<100_000).map { recorded[$0 % recorded.count] }
    let evaluator = BatchEvaluator(
      responder: Responder(matcher: Matcher(ruleSet: ruleSet)), now: Date())
    let cpuBefore = cpuSeconds()
    var report: EvaluationReport?
    let wall = Measure.seconds {
      report = EvaluationReport(results: evaluator.evaluate(entries), rulesVersion: ruleSet.version)
    }
    let cpu = cpuSeconds() - cpuBefore
    let summary = report?.summary ?? EvaluationSummary()
    return [
      Measure.atMost("test_100000_messages_s", wall, "s", 5),
      Measure.info("test_rate_msg_per_s", Double(summary.total) / wall, "msg/s"),
      Measure.atLeast("test_cpu_per_wall", cpu / wall, "cores", 1.5),
    ]
  }

  /// The user and system CPU time this process has used, in seconds.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
  }
}
