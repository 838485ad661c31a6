import Foundation
import Testing

@Suite struct SportelloTests {
  @Test func helpListsSubcommandsAndExitsZero() throws {
    let result = try BinaryRunner.run(["--help"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("OVERVIEW: "))
    #expect(result.output.contains("SUBCOMMANDS:"))
    #expect(result.error.isEmpty)
  }

  @Test func unknownSubcommandIsAUsageError() throws {
    let result = try BinaryRunner.run(["frobnicate"])
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(
      result.error == """
        Error: unknown subcommand 'frobnicate'
        Usage: sportello <subcommand>
          See 'sportello --help' for more information.

        """)
  }

  @Test func unknownOptionIsAUsageErrorNamingTheCommand() throws {
    let result = try BinaryRunner.run(["help", "--hepl"])
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("Error: unknown option '--hepl'\n"))
    #expect(result.error.contains("See 'sportello help --help' for more information."))
  }
}
