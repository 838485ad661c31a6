/// Turns the ``RawToken``s of one message into ``Token``s: folding, elision,
/// accents, squeezing, chat-speak, stop and protected words, typos and stems.
struct TokenBuilder {
  let analyzer: Analyzer
  let source: SourceText
  let raw: [RawToken]
  private(set) var tokens: [Token] = []

  /// Folded letters of the current token.
  private var letters: [UInt32] = []

  init(analyzer: Analyzer, source: SourceText, raw: [RawToken]) {
    self.analyzer = analyzer
    self.source = source
    self.raw = raw
    tokens.reserveCapacity(raw.count)
    letters.reserveCapacity(32)
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
        let folded = ScalarString.make(letters)
        if isStandaloneDigits(index), let entry = analyzer.lexicon[folded],
          let expansion = entry.expansion
        {
          appendExpansion(expansion, of: folded, surface: surface, offset: offset, changes: [])
        } else {
          tokens.append(Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: .number))
        }
      case .money:
        let folded = foldedMoney(token)
        tokens.append(Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: .money))
      case .url:
        let folded = ScalarString.make(source.scalars[token.start..<token.end])
        tokens.append(Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: .url))
      case .date, .time, .code, .email, .emoji:
        foldLetters(token)
        let folded = ScalarString.make(letters)
        tokens.append(
          Token(surface: surface, offset: offset, folded: folded, stem: folded, kind: token.kind))
      }
    }
  }

  /// Lowercases the token's scalars into ``letters``, dropping zero-width and
  /// control characters and unifying apostrophes and accents.
  private mutating func foldLetters(_ token: RawToken, droppingApostrophes: Bool = false) {
    letters.removeAll(keepingCapacity: true)
    for index in token.start..<token.end {
      let value = source.scalars[index]
      if TextFolding.isIgnorable(value) { continue }
      if TextFolding.isApostrophe(value) {
        if !droppingApostrophes { letters.append(0x27) }
        continue
      }
      letters.append(TextFolding.unifyAccent(TextFolding.lowercase(value)))
    }
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
      var before: [UInt32] = []
      for value in source.scalars[token.start..<token.end] where !TextFolding.isApostrophe(value) {
        before.append(TextFolding.unifyAccent(TextFolding.lowercase(value)))
      }
      changes.append(.squeezedLetters(from: ScalarString.make(before)))
    }
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
      changes.append(.restoredAccent(from: "e"))
    }
    appendLexicalWord(index, surface: surface, offset: offset, changes: changes)
  }

  /// Looks the folded word up: protected, abbreviation, stop word, typo, stem.
  private mutating func appendLexicalWord(
    _ index: Int, surface: String, offset: Int, changes: [TokenChange]
  ) {
    var changes = changes
    var folded = ScalarString.make(letters)
    var entry = analyzer.lexicon[folded]
    if let entry, entry.isProtected {
      tokens.append(
        Token(
          surface: surface, offset: offset, folded: folded, stem: folded, kind: .word,
          changes: changes, isStopWord: entry.isStopWord, isProtected: true))
      return
    }
    if let expansion = entry?.expansion, contextAllowsExpansion(index, folded) {
      appendExpansion(expansion, of: folded, surface: surface, offset: offset, changes: changes)
      return
    }
    let isKnown = entry.map { $0.isStopWord || $0.isInVocabulary } ?? false
    if !isKnown, raw[index].role != .elided, raw[index].role != .elidedAlone,
      let vocabulary = analyzer.configuration.vocabulary,
      letters.count >= 4,
      let number = vocabulary.correction(forFoldedLetters: letters)
    {
      changes.append(.correctedTypo(from: folded))
      folded = vocabulary.words[Int(number)]
      entry = analyzer.lexicon[folded]
    }
    let stem: String
    if let known = entry?.stem {
      stem = known
    } else {
      stem = analyzer.stemmer.stem(folded)
    }
    tokens.append(
      Token(
        surface: surface, offset: offset, folded: folded, stem: stem, kind: .word,
        changes: changes, isStopWord: entry?.isStopWord ?? false,
        isProtected: entry?.isProtected ?? false))
  }

  /// Appends one token per word of an abbreviation's expansion.
  private mutating func appendExpansion(
    _ expansion: [String], of folded: String, surface: String, offset: Int,
    changes: [TokenChange]
  ) {
    var changes = changes
    let joined = expansion.count == 1 ? expansion[0] : expansion.joined(separator: " ")
    if TextFolding.withoutAccents(joined) == TextFolding.withoutAccents(folded) {
      changes.append(.restoredAccent(from: folded))
    } else {
      changes.append(.expandedAbbreviation(from: folded))
    }
    for word in expansion {
      let entry = analyzer.lexicon[word]
      tokens.append(
        Token(
          surface: surface, offset: offset, folded: word,
          stem: entry?.stem ?? analyzer.stemmer.stem(word), kind: .word, changes: changes,
          isStopWord: entry?.isStopWord ?? false, isProtected: entry?.isProtected ?? false))
    }
  }

  // MARK: Context rules

  /// Whether `x` or a digit abbreviation such as `6` may expand here: not
  /// beside a number (`2 x 3`, `6 x 4`).
  private func contextAllowsExpansion(_ index: Int, _ folded: String) -> Bool {
    guard folded == "x" || folded.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else { return true }
    for neighbour in [index - 1, index + 1] where raw.indices.contains(neighbour) {
      switch raw[neighbour].kind {
      case .number, .money, .date, .time: return false
      default: break
      }
      if folded != "x", raw[neighbour].end - raw[neighbour].start == 1,
        [0x78, 0x58, 0xD7].contains(source.scalars[raw[neighbour].start])
      {
        return false
      }
    }
    return true
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
