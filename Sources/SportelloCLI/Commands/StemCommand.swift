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
    let input = [UInt8](io.readAll())
    let stemmer = ItalianStemmer()
    var output = ""
    output.reserveCapacity(input.count)
    var lineStart = 0
    while lineStart < input.count {
      var lineEnd = lineStart
      while lineEnd < input.count, input[lineEnd] != 0x0A { lineEnd += 1 }
      var wordEnd = lineEnd
      if wordEnd > lineStart, input[wordEnd - 1] == 0x0D { wordEnd -= 1 }
      output += stemmer.stem(String(decoding: input[lineStart..<wordEnd], as: UTF8.self))
      output += "\n"
      lineStart = lineEnd + 1
    }
    io.writeOutput(output)
    return ExitStatus.success
  }
}
