import Foundation

// Each layer registers its benchmarks in `allBenchmarks`; see BenchmarkRunner.swift.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 2, arguments[0] == EngineBenchmarks.memoryProbeArgument {
  exit(EngineBenchmarks.runMemoryProbe(directory: arguments[1]))
}
// `--write-generated-rules DIR [QUESTIONS]` writes the engine group's 2,000 FAQs, to profile
// loading, and optionally its 500 reworded questions, one per line, to profile deciding
// (`sportello chat --rules DIR < QUESTIONS`).
if (2...3).contains(arguments.count), arguments[0] == "--write-generated-rules" {
  do {
    let generated = GeneratedRules(faqCount: 2_000)
    try generated.write(to: URL(fileURLWithPath: arguments[1]))
    if arguments.count == 3 {
      let questions = generated.rewordedQuestions(count: 500).joined(separator: "\n") + "\n"
      try questions.write(toFile: arguments[2], atomically: true, encoding: .utf8)
    }
    exit(0)
  } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
  }
}
// `--profile-shipped-rules SECONDS` answers the recorded questions of ./Corpus with ./Rules
// over and over for that long and prints nothing, for a sampling profiler such as
// `perf record`: the `engine` group's `ask` figure, without the other groups around it.
// `--profile-generated-rules SECONDS` does the same with the 2,000 generated FAQs and their
// reworded questions (loading them first).
if arguments.count == 2,
  ["--profile-shipped-rules", "--profile-generated-rules"].contains(arguments[0]),
  let seconds = Double(arguments[1])
{
  do {
    if arguments[0] == "--profile-shipped-rules" {
      try EngineBenchmarks.profileShippedRules(seconds: seconds)
    } else {
      try EngineBenchmarks.profileGeneratedRules(seconds: seconds)
    }
    exit(0)
  } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
  }
}
exit(BenchmarkRunner.main(arguments))
