import Foundation

// Each layer registers its benchmarks in `allBenchmarks`; see BenchmarkRunner.swift.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 2, arguments[0] == EngineBenchmarks.memoryProbeArgument {
  exit(EngineBenchmarks.runMemoryProbe(directory: arguments[1]))
}
// `--write-generated-rules DIR` writes the engine group's 2,000 FAQs, to profile loading.
if arguments.count == 2, arguments[0] == "--write-generated-rules" {
  do {
    try GeneratedRules(faqCount: 2_000).write(to: URL(fileURLWithPath: arguments[1]))
    exit(0)
  } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
  }
}
exit(BenchmarkRunner.main(arguments))
