/// The word tokens: elision, accents, squeezing, then the lexicon (protected
/// words, chat-speak, stop words), typo correction and the stem.
extension TokenBuilder {
  mutating func appendWord(_ index: Int, offset: Int) {
    let token = raw[index]
    foldLetters(token, droppingApostrophes: true)
    var changes: [TokenChange] = []
    if token.role == .elided, index + 1 < raw.count, raw[index + 1].elidedToken == index {
      changes = [.splitElision(from: surface(from: token.start, to: raw[index + 1].end))]
      elisionChangesAhead = (token: index + 1, changes: changes)
    }
    if token.elidedToken != nil {
      if changes.isEmpty {
        changes = elisionChanges(index)
      } else {
        changes += elisionChanges(index)
      }
    }
    if TextFolding.squeezeRuns(letterStorage, count: &letterCount) {
      lettersMatchSurface = false
      changes.record(.squeezedLetters(from: unsqueezedForm(of: token)))
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
      changes.record(.restoredAccent(from: from))
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
      changes.record(.restoredAccent(from: "e"))
    }
    appendLexicalWord(index, offset: offset, changes: changes)
  }

  /// The token as written.
  private func surfaceString(of token: RawToken) -> String {
    surface(from: token.start, to: token.end)
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
  private mutating func appendLexicalWord(
    _ index: Int, offset: Int, changes: consuming [TokenChange]
  ) {
    var number = tables.lexicon.number(of: letters)
    // Letters that are still the surface's scalars and name a known word make
    // the lexicon's string the surface, sparing a new string.
    let surface: String
    if lettersMatchSurface, let number {
      surface = tables.lexicon.foldedWords[number]
    } else {
      surface = surfaceString(of: raw[index])
    }
    if let number {
      let properties = tables.lexicon.properties[number]
      if properties.isProtected {
        let folded = tables.lexicon.foldedWords[number]
        tokens.append(
          Token(
            surface: surface, offset: offset, folded: folded, stem: folded, kind: .word,
            changes: changes, isStopWord: properties.isStopWord, isProtected: true))
        return
      }
      if properties.hasExpansion, contextAllowsExpansion(index, tables.lexicon.foldedWords[number])
      {
        let key = tables.lexicon.foldedWords[number]
        changes.record(
          properties.restoresAccentOnly
            ? .restoredAccent(from: key) : .expandedAbbreviation(from: key))
        appendExpansion(
          tables.lexicon.expansion(of: number), surface: surface, offset: offset, changes: changes)
        return
      }
      if properties.isStopWord || properties.isInVocabulary {
        appendEntry(number, surface: surface, offset: offset, changes: changes)
        return
      }
    }
    var folded: String
    if let number {
      folded = tables.lexicon.foldedWords[number]
    } else {
      folded = foldedString(surface: surface)
    }
    if let vocabulary, raw[index].role != .elided, raw[index].role != .elidedAlone,
      letterCount >= 4, let word = vocabulary.correction(forFoldedLetters: letters),
      // Only a word about to be corrected pays for the lookup: a real Italian
      // word the rules happen not to use (`causa`, not `casa`) is no typo.
      !ItalianLexicon.contains(foldedLetters: letters)
    {
      changes.record(.correctedTypo(from: folded))
      folded = vocabulary.words[Int(word)]
      vocabulary.withLetters(of: word) { setLetters($0) }
      number = tables.lexicon.number(of: letters)
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
    _ number: Int, surface: consuming String, offset: Int, changes: consuming [TokenChange]
  ) {
    let properties = tables.lexicon.properties[number]
    tokens.append(
      Token(
        surface: surface, offset: offset, folded: tables.lexicon.foldedWords[number],
        stem: tables.lexicon.stems[number], kind: .word, changes: changes,
        isStopWord: properties.isStopWord, isProtected: properties.isProtected))
  }

  /// Appends one token per word of an abbreviation's expansion.
  mutating func appendExpansion(
    _ expansion: ArraySlice<Int32>, surface: String, offset: Int, changes: [TokenChange]
  ) {
    for number in expansion {
      appendEntry(Int(number), surface: surface, offset: offset, changes: changes)
    }
  }
}

extension [TokenChange] {
  /// Appends `change`. The first change makes the array from a literal, which
  /// allocates it directly instead of growing an empty array.
  @inline(__always)
  mutating func record(_ change: TokenChange) {
    if isEmpty {
      self = [change]
    } else {
      append(change)
    }
  }
}
