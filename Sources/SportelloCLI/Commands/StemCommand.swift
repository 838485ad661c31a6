import Foundation
import SportelloText

/// `sportello stem`: the Snowball Italian stem of each word on standard input.
///
///     $ printf 'abbandonata\nresidenza\n' | sportello stem
///     abbandon
///     resident
struct StemCommand: Command {
  static let spec = CommandSpec(
    name: "stem",
    abstract: "Print the Snowball Italian stem of each word read from standard input.",
    discussion: """
      Reads words one per line and writes their stems one per line, in order, so
      the stemmer can be checked against the Snowball reference vocabulary:

        sportello stem < voc.txt | diff - output.txt
      """
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    if io.isInputTerminal {
      throw UsageError("expected words on standard input, one per line")
    }
    let input = io.readAll()
    let text = String(decoding: input, as: UTF8.self)
    let stemmer = ItalianStemmer()
    var output = ""
    output.reserveCapacity(input.count)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    for line in lines {
      let word = line.hasSuffix("\r") ? line.dropLast() : line
      output += stemmer.stem(String(word))
      output += "\n"
    }
    io.writeOutput(output)
    return ExitStatus.success
  }
}
