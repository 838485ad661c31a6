/// Turns the ``RawToken``s of one message into ``Token``s: folding, elision,
/// accents, squeezing, chat-speak, stop and protected words, typos and stems.
///
/// The letters of the token at hand live in scratch storage lent by the caller
/// for the whole message (see ``letterCapacity(for:)``), so folding, lookups,
/// squeezing, corrections and stemming allocate nothing; only the strings and
/// changes of the tokens produced do.
struct TokenBuilder {
  /// The compiled tables of the analyzer; read in place (a copy of the
  /// lexicon would retain each of its arrays).
  let tables: Analyzer.Tables

  /// The vocabulary typos are corrected to, if any.
  let vocabulary: TypoVocabulary?

  let stemmer = ItalianStemmer()

  /// The message normalised, with the way back to the text as written; `nil`
  /// when the scalars are the message's own (nothing needed normalising).
  let normalized: SourceText?

  /// The message's scalars, borrowed.
  let scalars: Scalars

  /// The segmenter's tokens.
  let raw: [RawToken]

  /// The tokens built so far.
  var tokens: [Token] = []

  /// Scratch storage for the folded letters of the current token.
  let letterStorage: UnsafeMutablePointer<UInt32>

  /// How many letters of ``letterStorage`` the current token has.
  var letterCount = 0

  /// Whether the letters are still exactly the surface's scalars, so the
  /// surface string can serve as the folded string.
  var lettersMatchSurface = false

  /// The changes an elided form recorded for the token after it, which starts
  /// with the same elision change.
  var elisionChangesAhead: (token: Int, changes: [TokenChange])?

  /// A builder over `raw`, whose letters go to `letterStorage`.
  ///
  /// - Parameter letterStorage: At least ``letterCapacity(for:)`` scalars,
  ///   valid while the builder runs.
  init(
    tables: Analyzer.Tables, normalized: SourceText?, scalars: Scalars, raw: [RawToken],
    letterStorage: UnsafeMutableBufferPointer<UInt32>
  ) {
    self.tables = tables
    vocabulary = tables.vocabulary
    self.normalized = normalized
    self.scalars = scalars
    self.raw = raw
    self.letterStorage = letterStorage.baseAddress.unsafelyUnwrapped
    tokens.reserveCapacity(raw.count)
  }

  /// The scratch capacity the tokens of `raw` need: the longest token, plus
  /// what folding may add to it.
  ///
  /// Folding only ever shortens a token's letters, except for elided forms
  /// written out (`po'` → `poco`, at most two more letters) and corrections to
  /// a vocabulary word (indexed words have at most
  /// ``TypoVocabulary/maximumWordLength`` letters).
  static func letterCapacity(for raw: [RawToken]) -> Int {
    var longest = 0
    for token in raw { longest = Swift.max(longest, token.end - token.start) }
    return longest + TypoVocabulary.maximumWordLength + 8
  }

  /// The `Character` offset in the message of scalar `index`.
  func characterOffset(of index: Int) -> Int {
    normalized?.characterOffset(of: index) ?? index
  }

  /// The message as written from scalar `start` up to scalar `end` (exclusive).
  func surface(from start: Int, to end: Int) -> String {
    normalized?.surface(from: start, to: end)
      ?? ScalarString.make(UnsafeBufferPointer(rebasing: scalars[start..<end]))
  }

  /// The letters of the current token.
  var letters: UnsafeBufferPointer<UInt32> {
    UnsafeBufferPointer(start: letterStorage, count: letterCount)
  }

  /// Makes the current token's letters `replacement`, which must fit the
  /// storage (see ``letterCapacity(for:)``).
  mutating func setLetters(_ replacement: UnsafeBufferPointer<UInt32>) {
    for (index, value) in replacement.enumerated() { letterStorage[index] = value }
    letterCount = replacement.count
  }

  /// Makes the current token's letters `replacement`, which must fit.
  mutating func setLetters(_ replacement: [UInt32]) {
    replacement.withUnsafeBufferPointer { setLetters($0) }
  }

  /// Builds every token.
  mutating func run() {
    for index in raw.indices {
      let token = raw[index]
      let offset = characterOffset(of: token.start)
      if token.kind == .word {
        // A word makes its surface string itself: often the lexicon has it.
        appendWord(index, offset: offset)
        continue
      }
      let surface = surface(from: token.start, to: token.end)
      switch token.kind {
      case .word:
        break
      case .number:
        foldLetters(token)
        let folded = foldedString(surface: surface)
        if isStandaloneDigits(index), let number = tables.lexicon.number(of: letters),
          tables.lexicon.properties[number].hasExpansion
        {
          let changes = [TokenChange.expandedAbbreviation(from: folded)]
          appendExpansion(
            tables.lexicon.expansion(of: number), surface: surface, offset: offset, changes: changes
          )
        } else {
          tokens.append(
            Token(
              surface: surface, offset: offset, folded: folded, stem: folded, kind: .number,
              changes: elisionChanges(index)))
        }
      case .money:
        let folded = foldedMoney(token)
        tokens.append(
          Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: .money))
      case .url, .emoji:
        let folded = ScalarString.make(
          UnsafeBufferPointer(rebasing: scalars[token.start..<token.end]))
        tokens.append(
          Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: token.kind))
      case .date, .time, .code, .email:
        foldLetters(token)
        let folded = foldedString(surface: surface)
        tokens.append(
          Token(
            surface: surface, offset: offset, folded: folded, stem: folded, kind: token.kind,
            changes: elisionChanges(index)))
      }
    }
  }

  /// The elision change of the token at `index` when it follows an elided
  /// form (`dell'IMU`, `dall'8`), which is the same as the elided form's:
  /// the elided form's array is shared rather than made again.
  func elisionChanges(_ index: Int) -> [TokenChange] {
    let token = raw[index]
    guard let elided = token.elidedToken else { return [] }
    if let ahead = elisionChangesAhead, ahead.token == index { return ahead.changes }
    return [.splitElision(from: surface(from: raw[elided].start, to: token.end))]
  }

  /// Lowercases the token's scalars into the letters, dropping zero-width and
  /// control characters and unifying apostrophes and accents.
  mutating func foldLetters(_ token: RawToken, droppingApostrophes: Bool = false) {
    var count = 0
    var isVerbatim = normalized == nil
    let letters = letterStorage
    for index in token.start..<token.end {
      let value = scalars[index]
      // Most letters are lowercase ASCII, which folding leaves alone.
      if value &- 0x61 < 26 {
        letters[count] = value
        count += 1
        continue
      }
      if value < 0x80, value != 0x27, value != 0x60, value > 0x1F, value != 0x7F {
        if value &- 0x41 < 26 {
          letters[count] = value + 0x20
          isVerbatim = false
        } else {
          letters[count] = value
        }
        count += 1
        continue
      }
      if TextFolding.isIgnorable(value) {
        isVerbatim = false
        continue
      }
      if TextFolding.isApostrophe(value) {
        if droppingApostrophes || value != 0x27 { isVerbatim = false }
        if !droppingApostrophes {
          letters[count] = 0x27
          count += 1
        }
        continue
      }
      let folded = TextFolding.unifyAccent(TextFolding.lowercase(value))
      if folded != value { isVerbatim = false }
      letters[count] = folded
      count += 1
    }
    letterCount = count
    lettersMatchSurface = isVerbatim
  }

  /// The folded string of the letters: the surface itself when nothing changed.
  func foldedString(surface: String) -> String {
    lettersMatchSurface ? surface : ScalarString.make(letters)
  }
}
