import Foundation

/// Every benchmark group, in the order they run.
///
/// Each layer adds its group here; groups are independent of one another.
let allBenchmarks: [Benchmark] = [
  textBenchmarks,
  engineBenchmark,
  EvaluationBenchmarks.benchmark,
  deskBenchmark,
  serverBenchmark,
]

/// Runs the benchmarks and prints their figures as a table or as JSON.
enum BenchmarkRunner {
  /// Parses `[--json] [--filter NAME]` and runs the selected groups.
  ///
  /// - Returns: 0 when every figure meets its target, 1 when one does not, 64 on bad usage.
  static func main(_ words: [String]) -> Int32 {
    var printsJSON = false
    var filter: String?
    var index = 0
    while index < words.count {
      switch words[index] {
      case "--json":
        printsJSON = true
      case "--filter" where index + 1 < words.count:
        index += 1
        filter = words[index]
      case "-h", "--help":
        print(help)
        return 0
      default:
        FileHandle.standardError.write(Data("Error: unknown argument '\(words[index])'\n".utf8))
        FileHandle.standardError.write(
          Data("Usage: sportello-bench [--json] [--filter <name>]\n".utf8))
        return 64
      }
      index += 1
    }
    let selected = allBenchmarks.filter { filter == nil || $0.name == filter }
    var figures: [Figure] = []
    for benchmark in selected {
      do {
        let measured = try benchmark.run()
        figures += measured
        if !printsJSON { printTable(group: benchmark.name, measured) }
      } catch {
        FileHandle.standardError.write(
          Data("Error: benchmark '\(benchmark.name)': \(error)\n".utf8))
        return 1
      }
    }
    if printsJSON { printJSON(figures) }
    return figures.allSatisfy { $0.meetsTarget != false } ? 0 : 1
  }

  private static let groupNames = allBenchmarks.map(\.name).joined(separator: ", ")

  private static let help = """
    OVERVIEW: Measure Sportello's speed and size on this machine.

    USAGE: sportello-bench [--json] [--filter <name>]

    OPTIONS:
      --json                  Print the figures as one JSON object.
      --filter <name>         Run only the named group (\(groupNames)).
      -h, --help              Show help information.
    """

  private static func printTable(group: String, _ figures: [Figure]) {
    print("== \(group)")
    for figure in figures {
      let verdict = figure.meetsTarget.map { $0 ? "ok" : "MISSED" } ?? ""
      let value = String(format: "%.2f", figure.value)
      let name = figure.name.padding(toLength: 40, withPad: " ", startingAt: 0)
      print("  \(name) \(value) \(figure.unit)  \(figure.target)  \(verdict)")
    }
  }

  private static func printJSON(_ figures: [Figure]) {
    var object: [String: Any] = [:]
    for figure in figures {
      var entry: [String: Any] = ["value": figure.value, "unit": figure.unit]
      if !figure.target.isEmpty { entry["target"] = figure.target }
      if let meets = figure.meetsTarget { entry["meets_target"] = meets }
      object[figure.name] = entry
    }
    let machine = ["cores": ProcessInfo.processInfo.activeProcessorCount]
    object["machine"] = machine
    if let data = try? JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    {
      print(String(decoding: data, as: UTF8.self))
    }
  }
}
