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
    let capacity = word.utf8.count
    guard capacity > 0 else { return word }
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
      var count = 0
      var isLowercase = true
      for scalar in word.unicodeScalars {
        let value = TextFolding.lowercase(scalar.value)
        if value != scalar.value { isLowercase = false }
        buffer[count] = value
        count += 1
      }
      let base = buffer.baseAddress.unsafelyUnwrapped
      let (stemCount, isChanged) = stem(letters: base, count: count)
      guard isChanged || !isLowercase else { return word }
      return ScalarString.make(UnsafeBufferPointer(start: base, count: stemCount))
    }
  }

  /// Stems the `count` lowercase letters at `letters` in place.
  ///
  /// The stem is a prefix of the storage, possibly with its last letters
  /// rewritten (no step lengthens a word), so stemming allocates nothing.
  ///
  /// - Returns: The stem's length and whether the letters changed.
  func stem(letters: UnsafeMutablePointer<UInt32>, count: Int) -> (count: Int, isChanged: Bool) {
    var state = StemmerState(word: letters, count: count)
    state.prelude()
    state.markRegions()
    state.attachedPronoun()
    if !state.standardSuffix() {
      state.verbSuffix()
    }
    state.vowelSuffix()
    state.postlude()
    return (state.count, state.isChanged)
  }
}
