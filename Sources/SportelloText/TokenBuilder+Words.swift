/// The word tokens: elision, accents, squeezing, then the lexicon (protected
/// words, chat-speak, stop words), typo correction and the stem.
extension TokenBuilder {
  mutating func appendWord(_ index: Int, offset: Int) {
    let token = raw[index]
    foldLetters(token, droppingApostrophes: true)
    var changes: [TokenChange] = []
    if token.role == .elided, index + 1 < raw.count, raw[index + 1].elidedToken == index {
      changes.append(.splitElision(from: source.surface(from: token.start, to: raw[index + 1].end)))
    }
    if let elided = token.elidedToken {
      changes.append(.splitElision(from: source.surface(from: raw[elided].start, to: token.end)))
    }
    if TextFolding.squeezeRuns(letterStorage, count: &letterCount) {
      lettersMatchSurface = false
      changes.append(.squeezedLetters(from: unsqueezedForm(of: token)))
    }
    if token.role != .plain { lettersMatchSurface = false }
    switch token.role {
    case .accentApostrophe:
      let from = ScalarString.make(letters) + "'"
      if letters.elementsEqual(Self.po) {
        setLetters(Self.poco)
      } else if letterCount > 0, let accented = TextFolding.accented(letterStorage[letterCount - 1])
      {
        letterStorage[letterCount - 1] = accented
      }
      changes.append(.restoredAccent(from: from))
    case .elided, .elidedAlone:
      if let full = Self.fullForm(ofElided: letters) { setLetters(full) }
    case .plain, .currency:
      break
    }
    if let elided = token.elidedToken, letterCount == 1, letterStorage[0] == 0x65,
      Self.beforeVerbBe.contains(foldedElision(raw[elided]))
    {
      letterStorage[0] = 0xE8
      lettersMatchSurface = false
      changes.append(.restoredAccent(from: "e"))
    }
    appendLexicalWord(index, offset: offset, changes: changes)
  }

  /// The token as written.
  private func surfaceString(of token: RawToken) -> String {
    source.surface(from: token.start, to: token.end)
  }

  /// The token's letters before squeezing: lowercase, accents unified,
  /// apostrophes left out.
  private func unsqueezedForm(of token: RawToken) -> String {
    var before: [UInt32] = []
    for value in scalars[token.start..<token.end] where !TextFolding.isApostrophe(value) {
      before.append(TextFolding.unifyAccent(TextFolding.lowercase(value)))
    }
    return ScalarString.make(before)
  }

  /// Looks the folded word up: protected, abbreviation, stop word, typo, stem.
  private mutating func appendLexicalWord(_ index: Int, offset: Int, changes: [TokenChange]) {
    var changes = changes
    var number = lexicon.number(of: letters)
    // Letters that are still the surface's scalars and name a known word make
    // the lexicon's string the surface, sparing a new string.
    let surface =
      lettersMatchSurface
      ? number.map { lexicon.entries[$0].folded } ?? surfaceString(of: raw[index])
      : surfaceString(of: raw[index])
    if let number {
      let entry = lexicon.entries[number]
      if entry.isProtected {
        tokens.append(
          Token(
            surface: surface, offset: offset, folded: entry.folded, stem: entry.folded,
            kind: .word, changes: changes, isStopWord: entry.isStopWord, isProtected: true))
        return
      }
      if let expansion = entry.expansion, contextAllowsExpansion(index, entry.folded) {
        changes.append(
          entry.restoresAccentOnly
            ? .restoredAccent(from: entry.folded) : .expandedAbbreviation(from: entry.folded))
        appendExpansion(expansion, surface: surface, offset: offset, changes: changes)
        return
      }
      if entry.isStopWord || entry.isInVocabulary {
        appendEntry(number, surface: surface, offset: offset, changes: changes)
        return
      }
    }
    var folded = number.map { lexicon.entries[$0].folded } ?? foldedString(surface: surface)
    if let vocabulary, raw[index].role != .elided, raw[index].role != .elidedAlone,
      letterCount >= 4, let word = vocabulary.correction(forFoldedLetters: letters)
    {
      changes.append(.correctedTypo(from: folded))
      folded = vocabulary.words[Int(word)]
      vocabulary.withLetters(of: word) { setLetters($0) }
      number = lexicon.number(of: letters)
    }
    if let number {
      appendEntry(number, surface: surface, offset: offset, changes: changes)
      return
    }
    let stem = stemmer.stem(letters: letterStorage, count: letterCount)
    tokens.append(
      Token(
        surface: surface, offset: offset, folded: folded,
        stem: stem.isChanged
          ? ScalarString.make(UnsafeBufferPointer(start: letterStorage, count: stem.count))
          : folded,
        kind: .word, changes: changes))
  }

  /// Appends a word the lexicon knows, by its entry number.
  private mutating func appendEntry(
    _ number: Int, surface: String, offset: Int, changes: [TokenChange]
  ) {
    let entry = lexicon.entries[number]
    tokens.append(
      Token(
        surface: surface, offset: offset, folded: entry.folded, stem: entry.stem, kind: .word,
        changes: changes, isStopWord: entry.isStopWord, isProtected: entry.isProtected))
  }

  /// Appends one token per word of an abbreviation's expansion.
  mutating func appendExpansion(
    _ expansion: [Int32], surface: String, offset: Int, changes: [TokenChange]
  ) {
    for number in expansion {
      appendEntry(Int(number), surface: surface, offset: offset, changes: changes)
    }
  }
}
