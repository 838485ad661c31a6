import Foundation

/// Runs the built `sportello` binary as a child process, for end-to-end tests.
struct BinaryRunner {
  /// What a run printed and how it ended.
  struct Result {
    var status: Int32
    var output: String
    var error: String
  }

  /// The built `sportello` executable, beside the test bundle in the build folder.
  static var executable: URL {
    var directory = Bundle.main.bundleURL
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    let candidate = directory.appendingPathComponent("sportello")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("sportello")
  }

  /// The package's root folder, so tests can use `Rules/` and `Corpus/`.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// Runs `sportello` with `arguments`, feeding `input` on standard input.
  ///
  /// - Parameters:
  ///   - arguments: The command line after the program name.
  ///   - input: Bytes for standard input; empty closes it at once.
  ///   - directory: The working directory; the package root by default.
  ///   - environment: Extra environment variables.
  static func run(
    _ arguments: [String],
    input: Data = Data(),
    in directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    let errorData = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self)
    )
  }
}
