import Foundation

// Each layer registers its benchmarks in `allBenchmarks`; see BenchmarkRunner.swift.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 2, arguments[0] == EngineBenchmarks.memoryProbeArgument {
  exit(EngineBenchmarks.runMemoryProbe(directory: arguments[1]))
}
exit(BenchmarkRunner.main(arguments))
