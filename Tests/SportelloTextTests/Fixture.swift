import Foundation
import Testing

/// The Snowball fixtures shipped with the tests (see Fixtures/COPYING).
enum Fixture {
  /// The lines of `Fixtures/<name>.txt`, without the final empty line.
  static func lines(_ name: String) throws -> [String] {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }
}
