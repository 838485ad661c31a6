import Foundation

/// One measured figure, such as the median latency of a decision.
struct Figure: Codable, Sendable {
  /// A stable, snake-case name, used as the JSON key, such as `analyze_median_us`.
  var name: String

  /// The measured value.
  var value: Double

  /// The unit, such as `µs`, `ms`, `MB` or `msg/s`.
  var unit: String

  /// The target from the issue, such as `<= 5`, or empty when there is none.
  var target: String

  /// Whether the value meets the target; `nil` when there is no target.
  var meetsTarget: Bool?
}

/// A named group of measurements, run as one step.
struct Benchmark: Sendable {
  /// The group's name, used by `--filter`, such as `text`.
  var name: String

  /// Runs the measurements and returns their figures.
  var run: @Sendable () throws -> [Figure]
}

/// Helpers shared by every benchmark.
enum Measure {
  /// Times `body` once and returns the elapsed seconds.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// Runs `body` `samples` times and returns the median duration in microseconds.
  ///
  /// Each sample times `batch` calls and divides, so that the clock's own cost
  /// does not dominate calls of a few microseconds.
  static func medianMicroseconds(samples: Int = 101, batch: Int = 100, _ body: () -> Void) -> Double
  {
    var durations: [Double] = []
    durations.reserveCapacity(samples)
    for _ in 0..<samples {
      let elapsed = seconds {
        for _ in 0..<batch { body() }
      }
      durations.append(elapsed * 1e6 / Double(batch))
    }
    durations.sort()
    return durations[durations.count / 2]
  }

  /// The peak resident set size of this process in megabytes, from /proc/self/status.
  static func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
      return kilobytes / 1024
    }
    return 0
  }

  /// A figure whose value must be at most `limit`.
  static func atMost(_ name: String, _ value: Double, _ unit: String, _ limit: Double) -> Figure {
    Figure(name: name, value: value, unit: unit, target: "<= \(limit)", meetsTarget: value <= limit)
  }

  /// A figure whose value must be at least `limit`.
  static func atLeast(_ name: String, _ value: Double, _ unit: String, _ limit: Double) -> Figure {
    Figure(name: name, value: value, unit: unit, target: ">= \(limit)", meetsTarget: value >= limit)
  }

  /// A figure reported without a target.
  static func info(_ name: String, _ value: Double, _ unit: String) -> Figure {
    Figure(name: name, value: value, unit: unit, target: "", meetsTarget: nil)
  }
}
