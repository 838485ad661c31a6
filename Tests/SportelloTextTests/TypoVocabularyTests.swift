import Testing

@testable import SportelloText

@Suite struct TypoVocabularyTests {
  let vocabulary = TypoVocabulary(words: [
    "residenza", "identità", "certificato", "anagrafe", "carta", "tributi", "rifiuti",
    "appuntamento", "passaporto", "cittadinanza",
  ])

  @Test(arguments: [
    ("residneza", "residenza"),  // transposition, 9 letters
    ("identià", "identità"),  // deletion, 7 letters
    ("anagrfe", "anagrafe"),  // deletion
    ("cartta", "carta"),  // insertion
    ("tributti", "tributi"),  // insertion
    ("apuntamnto", "appuntamento"),  // two deletions, 10 letters
    ("pasaporto", "passaporto"),
    ("RESIDNEZA", "residenza"),
  ])
  func correctsToTheNearestWord(typo: String, word: String) {
    #expect(vocabulary.correction(for: typo) == word)
  }

  @Test func wordsOfFourToSevenLettersAllowOneEditOnly() {
    #expect(vocabulary.correction(for: "carte") == "carta")
    #expect(vocabulary.correction(for: "crata") == "carta")
    #expect(vocabulary.correction(for: "crate") == nil)
    #expect(vocabulary.correction(for: "cortu") == nil)
  }

  @Test func wordsOfEightLettersOrMoreAllowTwoEdits() {
    #expect(vocabulary.correction(for: "rezidensa") == "residenza")
    #expect(vocabulary.correction(for: "rezidenso") == nil)
  }

  @Test func wordsOfThreeLettersOrFewerAreNeverCorrected() {
    let short = TypoVocabulary(words: ["via", "con", "casa"])
    #expect(short.correction(for: "vja") == nil)
    #expect(short.correction(for: "cas") == nil)
  }

  @Test func vocabularyWordsAndNonWordsAreNotCorrected() {
    #expect(vocabulary.correction(for: "carta") == nil)
    #expect(vocabulary.correction(for: "Carta") == nil)
    #expect(vocabulary.correction(for: "cart4") == nil)
    #expect(vocabulary.contains("CARTA"))
    #expect(vocabulary.contains("identità"))
    #expect(!vocabulary.contains("identita"))
  }

  @Test func tiesGoToTheMoreFrequentWordThenToScalarOrder() {
    let frequent = TypoVocabulary(words: ["cassa", "casta", "casta"])
    #expect(frequent.correction(for: "casda") == "casta")
    let alphabetical = TypoVocabulary(words: ["casta", "cassa"])
    #expect(alphabetical.correction(for: "casda") == "cassa")
    let reversed = TypoVocabulary(words: ["cassa", "casta"])
    #expect(reversed.correction(for: "casda") == "cassa")
  }

  @Test func tiesGoToTheItalianWordBeforeScalarOrder() {
    // "identity" precedes "identità" in scalar order; both are two edits from the typo.
    let words = TypoVocabulary(words: ["identity", "identità"])
    #expect(words.correction(for: "didentita") == "identità")
    let reversed = TypoVocabulary(words: ["identità", "identity"])
    #expect(reversed.correction(for: "didentita") == "identità")
  }

  @Test func smallerDistanceBeatsFrequency() {
    let words = TypoVocabulary(words: ["residenza", "presidenza", "presidenza", "presidenza"])
    #expect(words.correction(for: "residenzza") == "residenza")
  }

  @Test func wordsAreFoldedAndCounted() {
    let words = TypoVocabulary(words: ["Carta", "carta", "CIttà", ""])
    #expect(words.words == ["carta", "città"])
    #expect(words.count == 2)
  }

  @Test func correctionMatchesABruteForceScan() {
    let words = (0..<400).map { index in
      let syllables = ["ca", "re", "si", "den", "za", "to", "ri", "ta", "mo", "ne"]
      return syllables[index % 10] + syllables[(index / 10) % 10] + syllables[(index / 100) % 10]
        + "o"
    }
    let index = TypoVocabulary(words: words)
    let unique = index.words
    for word in unique.prefix(120) {
      for typo in [String(word.dropFirst()), word + "x", "q" + word.dropFirst()] {
        let expected = bruteForce(typo, unique)
        let found = index.correction(for: typo)
        #expect(found == (unique.contains(typo) ? nil : expected), "\(typo)")
      }
    }
  }

  /// The documented rule, by scanning every word.
  private func bruteForce(_ typo: String, _ words: [String]) -> String? {
    let length = typo.unicodeScalars.count
    guard length >= 4 else { return nil }
    let maximum = length >= 8 ? 2 : 1
    let candidates = words.map { ($0, damerauLevenshtein(typo, $0)) }.filter { $0.1 <= maximum }
    let best = candidates.min { a, b in
      a.1 != b.1 ? a.1 < b.1 : a.0.unicodeScalars.lexicographicallyPrecedes(b.0.unicodeScalars)
    }
    return best?.0
  }
}
