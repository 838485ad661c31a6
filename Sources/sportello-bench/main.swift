import Foundation

// Each layer registers its benchmarks in `Benchmarks.all`; see Benchmark.swift.
exit(BenchmarkRunner.main(Array(CommandLine.arguments.dropFirst())))
