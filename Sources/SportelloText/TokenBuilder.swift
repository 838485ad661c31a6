/// Turns the ``RawToken``s of one message into ``Token``s: folding, elision,
/// accents, squeezing, chat-speak, stop and protected words, typos and stems.
struct TokenBuilder {
  let tables: Analyzer.Tables
  let stemmer = ItalianStemmer()
  let source: SourceText
  let raw: [RawToken]
  private(set) var tokens: [Token] = []

  /// Folded letters of the current token.
  private var letters: [UInt32] = []

  /// Letters being stemmed, kept between words to reuse their storage.
  private var stemBuffer: [UInt32] = []

  /// Whether ``letters`` are still exactly the surface's scalars, so the
  /// surface string can serve as the folded string.
  private var lettersMatchSurface = false

  init(analyzer: Analyzer, source: SourceText, raw: [RawToken]) {
    tables = analyzer.tables
    self.source = source
    self.raw = raw
    tokens.reserveCapacity(raw.count)
    letters.reserveCapacity(32)
    stemBuffer.reserveCapacity(32)

  }

  /// Builds every token.
  mutating func run() {
    for index in raw.indices {
      let token = raw[index]
      let surface = source.surface(from: token.start, to: token.end)
      let offset = source.characterOffset(of: token.start)
      switch token.kind {
      case .word:
        appendWord(index, surface: surface, offset: offset)
      case .number:
        foldLetters(token)
        let folded = foldedString(surface: surface)
        if isStandaloneDigits(index), let entry = tables.lexicon.entry(for: letters),
          let expansion = entry.expansion
        {
          let changes = [TokenChange.expandedAbbreviation(from: folded)]
          appendExpansion(expansion, surface: surface, offset: offset, changes: changes)
        } else {
          tokens.append(
            Token(
              surface: surface, offset: offset, folded: folded, stem: folded, kind: .number,
              changes: elisionChanges(token)))
        }
      case .money:
        let folded = foldedMoney(token)
        tokens.append(
          Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: .money))
      case .url, .emoji:
        let folded = ScalarString.make(source.scalars[token.start..<token.end])
        tokens.append(
          Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: token.kind))
      case .date, .time, .code, .email:
        foldLetters(token)
        let folded = foldedString(surface: surface)
        tokens.append(
          Token(
            surface: surface, offset: offset, folded: folded, stem: folded, kind: token.kind,
            changes: elisionChanges(token)))
      }
    }
  }

  /// The elision change of a token that follows an elided form (`dall'8`).
  private func elisionChanges(_ token: RawToken) -> [TokenChange] {
    guard let elided = token.elidedToken else { return [] }
    return [.splitElision(from: source.surface(from: raw[elided].start, to: token.end))]
  }

  /// Lowercases the token's scalars into ``letters``, dropping zero-width and
  /// control characters and unifying apostrophes and accents.
  private mutating func foldLetters(_ token: RawToken, droppingApostrophes: Bool = false) {
    letters.removeAll(keepingCapacity: true)
    var isVerbatim = source.isVerbatim
    source.scalars.withUnsafeBufferPointer { scalars in
      for index in token.start..<token.end {
        let value = scalars[index]
        if value < 0x80, value != 0x27, value != 0x60, value > 0x1F, value != 0x7F {
          if value &- 0x41 < 26 {
            letters.append(value + 0x20)
            isVerbatim = false
          } else {
            letters.append(value)
          }
          continue
        }
        if TextFolding.isIgnorable(value) {
          isVerbatim = false
          continue
        }
        if TextFolding.isApostrophe(value) {
          if droppingApostrophes || value != 0x27 { isVerbatim = false }
          if !droppingApostrophes { letters.append(0x27) }
          continue
        }
        let folded = TextFolding.unifyAccent(TextFolding.lowercase(value))
        if folded != value { isVerbatim = false }
        letters.append(folded)
      }
    }
    lettersMatchSurface = isVerbatim
  }

  /// The folded string of ``letters``: the surface itself when nothing changed.
  private func foldedString(surface: String) -> String {
    lettersMatchSurface ? surface : ScalarString.make(letters)
  }

  // MARK: Words

  private mutating func appendWord(_ index: Int, surface: String, offset: Int) {
    let token = raw[index]
    foldLetters(token, droppingApostrophes: true)
    var changes: [TokenChange] = []
    if token.role == .elided, index + 1 < raw.count, raw[index + 1].elidedToken == index {
      changes.append(.splitElision(from: source.surface(from: token.start, to: raw[index + 1].end)))
    }
    if let elided = token.elidedToken {
      changes.append(.splitElision(from: source.surface(from: raw[elided].start, to: token.end)))
    }
    if TextFolding.squeezeRuns(&letters) {
      lettersMatchSurface = false
      var before: [UInt32] = []
      for value in source.scalars[token.start..<token.end] where !TextFolding.isApostrophe(value) {
        before.append(TextFolding.unifyAccent(TextFolding.lowercase(value)))
      }
      changes.append(.squeezedLetters(from: ScalarString.make(before)))
    }
    if token.role != .plain { lettersMatchSurface = false }
    switch token.role {
    case .accentApostrophe:
      let from = ScalarString.make(letters) + "'"
      if letters == Self.po {
        letters = Self.poco
      } else if let last = letters.last, let accented = TextFolding.accented(last) {
        letters[letters.count - 1] = accented
      }
      changes.append(.restoredAccent(from: from))
    case .elided, .elidedAlone:
      if let full = Self.elisions[letters] { letters = full }
    case .plain, .currency:
      break
    }
    if let elided = token.elidedToken, letters == Self.letterE,
      Self.beforeVerbBe.contains(foldedElision(raw[elided]))
    {
      letters = Self.letterEGrave
      lettersMatchSurface = false
      changes.append(.restoredAccent(from: "e"))
    }
    appendLexicalWord(index, surface: surface, offset: offset, changes: changes)
  }

  /// Looks the folded word up: protected, abbreviation, stop word, typo, stem.
  private mutating func appendLexicalWord(
    _ index: Int, surface: String, offset: Int, changes: [TokenChange]
  ) {
    var changes = changes
    var entry = tables.lexicon.entry(for: letters)
    if let entry {
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
        append(entry, surface: surface, offset: offset, changes: changes)
        return
      }
    }
    var folded = entry?.folded ?? foldedString(surface: surface)
    if let vocabulary = tables.vocabulary, raw[index].role != .elided,
      raw[index].role != .elidedAlone,
      letters.count >= 4, let number = vocabulary.correction(forFoldedLetters: letters)
    {
      changes.append(.correctedTypo(from: folded))
      folded = vocabulary.words[Int(number)]
      letters = ScalarString.scalars(of: folded)
      entry = tables.lexicon.entry(for: letters)
    }
    if let entry {
      append(entry, surface: surface, offset: offset, changes: changes)
      return
    }
    stemBuffer.removeAll(keepingCapacity: true)
    stemBuffer.append(contentsOf: letters)
    let isChanged = stemmer.stemLetters(&stemBuffer)
    let stem = isChanged ? ScalarString.make(stemBuffer) : folded
    tokens.append(
      Token(
        surface: surface, offset: offset, folded: folded, stem: stem, kind: .word,
        changes: changes))
  }

  /// Appends a word the lexicon knows.
  private mutating func append(
    _ entry: Lexicon.Entry, surface: String, offset: Int, changes: [TokenChange]
  ) {
    tokens.append(
      Token(
        surface: surface, offset: offset, folded: entry.folded, stem: entry.stem, kind: .word,
        changes: changes, isStopWord: entry.isStopWord, isProtected: entry.isProtected))
  }

  /// Appends one token per word of an abbreviation's expansion.
  private mutating func appendExpansion(
    _ expansion: [Int32], surface: String, offset: Int, changes: [TokenChange]
  ) {
    for number in expansion {
      append(
        tables.lexicon.entries[Int(number)], surface: surface, offset: offset, changes: changes)
    }
  }

  // MARK: Context rules

  /// Whether `x` or a digit abbreviation such as `6` may expand here: not
  /// beside a number (`2 x 3`, `6 x 4`).
  private func contextAllowsExpansion(_ index: Int, _ folded: String) -> Bool {
    guard folded == "x" || folded.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else { return true }
    let isDigitKey = folded != "x"
    return !isNumberLike(index - 1, besideDigits: isDigitKey)
      && !isNumberLike(index + 1, besideDigits: isDigitKey)
  }

  /// Whether the token at `index` exists and rules out expanding its
  /// neighbour: a number, money, a date or a time, or (for digit keys) a
  /// multiplication sign.
  private func isNumberLike(_ index: Int, besideDigits: Bool) -> Bool {
    guard raw.indices.contains(index) else { return false }
    let token = raw[index]
    switch token.kind {
    case .number, .money, .date, .time: return true
    default: break
    }
    guard besideDigits, token.end - token.start == 1 else { return false }
    let value = source.scalars[token.start]
    return value == 0x78 || value == 0x58 || value == 0xD7
  }

  /// Whether the number token is digits standing alone (a candidate for `6`).
  private func isStandaloneDigits(_ index: Int) -> Bool {
    let token = raw[index]
    guard token.end - token.start <= 2 else { return false }
    return contextAllowsExpansion(index, "0")
  }

  // MARK: Elisions

  static let po: [UInt32] = [0x70, 0x6F]
  static let poco: [UInt32] = [0x70, 0x6F, 0x63, 0x6F]
  static let letterE: [UInt32] = [0x65]
  static let letterEGrave: [UInt32] = [0xE8]

  /// Elided forms whose full form is certain: `c'` → `ci`, `dov'` → `dove`.
  static let elisions: [[UInt32]: [UInt32]] = {
    let pairs = [
      ("c", "ci"), ("d", "di"), ("dov", "dove"), ("com", "come"), ("cos", "cosa"),
      ("quant", "quanto"), ("un", "una"), ("nessun", "nessuna"), ("buon", "buona"),
      ("sant", "santo"),
    ]
    var table: [[UInt32]: [UInt32]] = [:]
    for (elided, full) in pairs {
      table[elided.unicodeScalars.map(\.value)] = full.unicodeScalars.map(\.value)
    }
    return table
  }()

  /// Elided forms after which a bare `e` is the verb `è`: `c'e`, `dov'e`.
  static let beforeVerbBe: Set<[UInt32]> = Set(
    ["ci", "dove", "come", "cosa", "quanto", "qual"].map { $0.unicodeScalars.map(\.value) })

  /// The folded form of an elided token.
  private func foldedElision(_ token: RawToken) -> [UInt32] {
    var value: [UInt32] = []
    for index in token.start..<token.end {
      let scalar = source.scalars[index]
      if TextFolding.isApostrophe(scalar) || TextFolding.isIgnorable(scalar) { continue }
      value.append(TextFolding.lowercase(scalar))
    }
    return Self.elisions[value] ?? value
  }

  // MARK: Money

  /// `22,21 €`: the amount, a space and the currency sign.
  private func foldedMoney(_ token: RawToken) -> String {
    var amount: [UInt32] = []
    var sign: UInt32 = 0x20AC
    for index in token.start..<token.end {
      let value = source.scalars[index]
      if TextFolding.isDigit(value) || value == 0x2C || value == 0x2E && !amount.isEmpty {
        amount.append(value)
      } else if value == 0x24 || value == 0xA3 {
        sign = value
      }
    }
    while let last = amount.last, !TextFolding.isDigit(last) { amount.removeLast() }
    if amount.isEmpty { return ScalarString.make([sign]) }
    amount.append(0x20)
    amount.append(sign)
    return ScalarString.make(amount)
  }
}
