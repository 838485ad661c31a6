import Foundation
import Testing

@testable import SportelloText

/// Loads a fixture shipped with the tests.
enum Fixture {
  static func lines(_ name: String) throws -> [String] {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }
}

@Suite struct ItalianStemmerTests {
  @Test func everyReferenceWordStemsToTheReferenceStem() throws {
    let words = try Fixture.lines("voc")
    let stems = try Fixture.lines("output")
    #expect(words.count == 35_495)
    try #require(words.count == stems.count)
    let stemmer = ItalianStemmer()
    var mismatches: [String] = []
    for (word, expected) in zip(words, stems) {
      let actual = stemmer.stem(word)
      if actual != expected { mismatches.append("\(word): \(actual) != \(expected)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
  }

  @Test(arguments: [
    ("abbandonata", "abbandon"),
    ("residenza", "resident"),
    ("anagrafe", "anagraf"),
    ("certificati", "certific"),
    ("ABBANDONATA", "abbandon"),
    ("a", "a"),
    ("", ""),
  ])
  func stemsSampleWords(word: String, stem: String) {
    #expect(ItalianStemmer().stem(word) == stem)
  }
}
