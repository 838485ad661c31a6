/// The Snowball Italian stemmer.
///
/// A faithful port of the algorithm described at
/// <https://snowballstem.org/algorithms/italian/stemmer.html> (Martin Porter,
/// Snowball project, BSD licence): a prelude that puts acute accents to grave,
/// marks `qu` and `u`/`i` between vowels; the regions RV, R1 and R2; then, working
/// from the end of the word, attached pronouns, the standard suffixes or else the
/// verb suffixes, and the residual vowel; a postlude undoes the marks. It
/// reproduces the reference vocabulary of the Snowball project word for word.
///
///     ItalianStemmer().stem("abbandonata")   // "abbandon"
///     ItalianStemmer().stem("residenza")     // "resident"
///
/// The input is lowercased first; letters outside Italian pass through.
public struct ItalianStemmer: Sendable {
  /// Creates a stemmer; it holds no state.
  public init() {}

  /// The Snowball stem of one word.
  ///
  /// - Parameter word: One word, usually lowercase, without spaces.
  /// - Returns: The stem; a word of one or two letters comes back unchanged.
  /// - Complexity: O(*n*) in the length of the word.
  public func stem(_ word: String) -> String {
    var letters: [UInt32] = []
    letters.reserveCapacity(word.utf8.count)
    var isLowercase = true
    for scalar in word.unicodeScalars {
      let value = TextFolding.lowercase(scalar.value)
      if value != scalar.value { isLowercase = false }
      letters.append(value)
    }
    let changed = stemLetters(&letters)
    return changed || !isLowercase ? ScalarString.make(letters) : word
  }

  /// Stems a word held as lowercase Unicode scalar values, in place.
  ///
  /// - Returns: Whether the letters changed.
  @discardableResult
  func stemLetters(_ word: inout [UInt32]) -> Bool {
    let original = word
    var state = StemmerState(word: word)
    state.prelude()
    state.markRegions()
    state.attachedPronoun()
    if !state.standardSuffix() {
      state.verbSuffix()
    }
    state.vowelSuffix()
    state.postlude()
    word = state.word
    return word != original
  }
}
