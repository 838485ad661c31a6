import Foundation
import SportelloEngine

/// The `engine` group: what `sportello ask` costs per message, with the shipped rules and
/// with 2,000 generated FAQs, and what loading and indexing 2,000 FAQs costs in time and
/// memory.
///
/// Decision times are the benchmark thread's CPU time per message, the median over
/// batches that cycle through every recorded question of `Corpus/` (or, for the generated
/// rules, through reworded example questions), so each batch mixes answers, menus and
/// handovers as a day at the desk does. The memory figure comes from a child process that
/// does nothing but load the 2,000 FAQs, so the other groups' allocations do not count.
let engineBenchmark = Benchmark(name: "engine") {
  try EngineBenchmarks.shippedRulesFigures() + EngineBenchmarks.generatedRulesFigures()
}

/// The engine's measurements.
enum EngineBenchmarks {
  /// The hidden argument that makes the benchmark a memory probe: load the rules in the
  /// directory that follows, print the peak resident size in megabytes, and exit.
  static let memoryProbeArgument = "--engine-memory-probe"

  /// Why an engine benchmark cannot run.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Decision latency with the rules in `./Rules`, over the messages of `./Corpus`.
  static func shippedRulesFigures() throws -> [Figure] {
    let ruleSet = try DeskBenchmarks.rules()
    let messages = try recordedMessages(in: URL(fileURLWithPath: "Corpus"))
    let responder = Responder(matcher: Matcher(ruleSet: ruleSet))
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    let asks = CPUTime.latencies(of: messages, rounds: 20) {
      _ = responder.respond(to: $0, pending: nil, now: now)
    }
    let decisions = CPUTime.latencies(of: messages, rounds: 20) {
      _ = responder.matcher.decide($0, now: now, explains: false)
    }
    return [
      Measure.atMost("ask_median_us", asks.quantile(0.5), "µs", 20),
      Measure.info("ask_p90_us", asks.quantile(0.9), "µs"),
      Measure.info("ask_p99_us", asks.quantile(0.99), "µs"),
      Measure.info("ask_mean_us", asks.mean, "µs"),
      Measure.info("decide_median_us", decisions.quantile(0.5), "µs"),
      Measure.info("decide_mean_us", decisions.mean, "µs"),
      Measure.info("ask_messages", Double(messages.count), "messages"),
    ]
  }

  /// Answers every recorded question of `./Corpus` with `./Rules`, round after round, until
  /// `seconds` of CPU time have passed: a steady load for a sampling profiler.
  static func profileShippedRules(seconds: Double) throws {
    let ruleSet = try DeskBenchmarks.rules()
    let messages = try recordedMessages(in: URL(fileURLWithPath: "Corpus"))
    let responder = Responder(matcher: Matcher(ruleSet: ruleSet))
    respondRepeatedly(to: messages, with: responder, seconds: seconds)
  }

  /// Answers the 2,000 generated FAQs' reworded questions, round after round, until
  /// `seconds` of CPU time have passed.
  static func profileGeneratedRules(seconds: Double) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-bench-profile-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let generated = GeneratedRules(faqCount: 2_000)
    try generated.write(to: directory)
    let result = RuleSet.load(from: directory, now: Date(), checksOverlaps: false)
    guard let ruleSet = result.ruleSet else {
      throw Failure(description: "the generated rules did not load: run `sportello lint`")
    }
    let responder = Responder(matcher: Matcher(ruleSet: ruleSet))
    let questions = generated.rewordedQuestions(count: 500)
    respondRepeatedly(to: questions, with: responder, seconds: seconds)
  }

  /// Answers `messages` with `responder`, round after round, until `seconds` of CPU time
  /// have passed.
  static func respondRepeatedly(to messages: [String], with responder: Responder, seconds: Double) {
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    let start = CPUTime.now()
    while CPUTime.now() - start < seconds {
      for message in messages { _ = responder.respond(to: message, pending: nil, now: now) }
    }
  }

  /// Loading, indexing, deciding and memory with 2,000 generated FAQs written as rule files.
  static func generatedRulesFigures() throws -> [Figure] {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-bench-engine-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let generated = GeneratedRules(faqCount: 2_000)
    try generated.write(to: directory)

    // Loading and indexing run on all cores, so they are timed by the wall clock, with
    // the CPU time of the whole process beside it.
    var loaded: RuleSet?
    var matcher: Matcher?
    var loadSeconds = 0.0
    var indexSeconds = 0.0
    let cpuSeconds = DeskBenchmarks.cpuSeconds {
      loadSeconds = Measure.seconds {
        loaded = RuleSet.load(from: directory, now: Date(), checksOverlaps: false).ruleSet
      }
      if let loaded { indexSeconds = Measure.seconds { matcher = Matcher(ruleSet: loaded) } }
    }
    guard let ruleSet = loaded, ruleSet.faqs.count == generated.faqCount, let matcher else {
      throw Failure(description: "the generated rules did not load: run `sportello lint`")
    }
    let responder = Responder(matcher: matcher)
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    let questions = generated.rewordedQuestions(count: 500)
    for q in questions { _ = responder.respond(to: q, pending: nil, now: now) }
    let askMedian = median(of: questions) { responder.respond(to: $0, pending: nil, now: now) }
    let residentMegabytes = try memoryOfLoading(directory)
    return [
      Measure.atMost("ask_2000_faqs_median_us", askMedian, "µs", 50),
      Measure.atMost(
        "load_index_2000_faqs_ms", (loadSeconds + indexSeconds) * 1000, "ms", 300),
      Measure.info("load_2000_faqs_ms", loadSeconds * 1000, "ms"),
      Measure.info("index_2000_faqs_ms", indexSeconds * 1000, "ms"),
      Measure.info("load_index_2000_faqs_cpu_ms", cpuSeconds * 1000, "ms"),
      Measure.atMost("resident_2000_faqs_mb", residentMegabytes, "MB", 100),
    ]
  }

  /// The median CPU time of `body` per message, in microseconds, over 101 batches that
  /// each run every message once.
  static func median<Result>(of messages: [String], _ body: (String) -> Result) -> Double {
    var sink = 0
    let median = CPUTime.medianMicroseconds(samples: 101, batch: messages.count) {
      sink &+= 1
      _ = body(messages[sink % messages.count])
    }
    return median
  }

  /// Every message of the `*.tsv` files in `directory` (the second column).
  static func recordedMessages(in directory: URL) throws -> [String] {
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".tsv") }.sorted()
    var messages: [String] = []
    for file in files {
      let text = try String(
        contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let columns = line.split(separator: "\t", maxSplits: 1)
        if columns.count == 2 { messages.append(String(columns[1])) }
      }
    }
    guard !messages.isEmpty else {
      throw Failure(description: "no recorded questions in ./Corpus: run from the package root")
    }
    return messages
  }

  /// Runs this executable as a memory probe over `directory` and returns its peak
  /// resident size in megabytes.
  static func memoryOfLoading(_ directory: URL) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardized
    if !FileManager.default.isExecutableFile(atPath: process.executableURL?.path ?? "") {
      process.executableURL = Bundle.main.executableURL
    }
    process.arguments = [memoryProbeArgument, directory.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0, let megabytes = Double(text) else {
      throw Failure(description: "the memory probe failed: '\(text)'")
    }
    return megabytes
  }

  /// The memory probe itself: loads and indexes the rules, decides one message, and
  /// prints the peak resident size (VmHWM) in megabytes.
  static func runMemoryProbe(directory: String) -> Int32 {
    let result = RuleSet.load(
      from: URL(fileURLWithPath: directory), now: Date(), checksOverlaps: false)
    guard let ruleSet = result.ruleSet else { return 1 }
    let responder = Responder(matcher: Matcher(ruleSet: ruleSet))
    _ = responder.respond(to: "come faccio a pagare", pending: nil)
    print(String(format: "%.1f", Measure.peakResidentMegabytes()))
    return 0
  }
}
