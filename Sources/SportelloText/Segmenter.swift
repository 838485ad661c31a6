/// Splits a ``SourceText`` into ``RawToken``s.
///
/// Whitespace separates segments; an emoji is a segment of its own. Inside a
/// segment, URLs, e-mail addresses and the numeric forms (numbers, dates,
/// times, money, codes) are recognised whole; what is left is split into words
/// at punctuation, with elided articles split from their word at the
/// apostrophe.
struct Segmenter {
  /// The message's scalars, borrowed for the scan.
  let scalars: Scalars
  private(set) var tokens: [RawToken] = []

  /// A segmenter over `scalars`, which must stay valid while it runs.
  init(scalars: Scalars) {
    self.scalars = scalars
  }

  /// Scans the whole text.
  ///
  /// - Complexity: O(*n*).
  mutating func run() {
    let count = scalars.count
    tokens.reserveCapacity(count / 5 + 1)
    var index = 0
    while index < count {
      let value = scalars[index]
      if TextFolding.isWhitespace(value) || TextFolding.isIgnorable(value) {
        index += 1
        continue
      }
      if value >= 0x2100 || value == 0x203C || value == 0x2049, TextFolding.isEmoji(value) {
        let end = emojiEnd(from: index)
        tokens.append(RawToken(start: index, end: end, kind: .emoji))
        index = end
        continue
      }
      if let end = keycapEnd(from: index) {
        tokens.append(RawToken(start: index, end: end, kind: .emoji))
        index = end
        continue
      }
      if let (wordEnd, segmentEnd) = plainWord(from: index) {
        tokens.append(RawToken(start: index, end: wordEnd, kind: letterKind(index, wordEnd)))
        index = segmentEnd
        continue
      }
      // The segment runs to the next whitespace or emoji; the same pass notes
      // its digits and the dots and at signs that may make it a web address.
      var end = index + 1
      var hasDigit = TextFolding.isDigit(value)
      var webMarks = value == 0x2E || value == 0x40 ? 1 : 0
      while end < count {
        let next = scalars[end]
        if TextFolding.isDigit(next) {
          hasDigit = true
        } else if next == 0x2E || next == 0x40 {
          webMarks += 1
        } else if TextFolding.isWhitespace(next) {
          break
        } else if next >= 0x2100 || next == 0x203C || next == 0x2049, TextFolding.isEmoji(next) {
          break
        }
        end += 1
      }
      segment(from: index, to: end, hasDigit: hasDigit, webMarks: webMarks)
      index = end
    }
    mergeMoney()
    linkElisionsWithoutApostrophe()
  }

  // MARK: Elisions written without the apostrophe

  /// Elided forms that are no Italian word on their own, so that written with a space
  /// for the apostrophe (`carta d identità`, `c e`, `dov e`, `com era`) before a word
  /// starting with a vowel or `h` they can only be the elision. `un`, `buon` and
  /// `nessun` are words of their own (`un amico`) and are left alone.
  private static let elisionsWithoutApostrophe: [[UInt32]] = [
    "c", "d", "dov", "com", "cos", "quant", "sant",
  ].map { $0.unicodeScalars.map(\.value) }

  /// Marks each such form as elided and links the next word to it, as if the
  /// apostrophe had been typed.
  private mutating func linkElisionsWithoutApostrophe() {
    guard tokens.count >= 2 else { return }
    for index in 0..<(tokens.count - 1) {
      let token = tokens[index]
      let next = tokens[index + 1]
      guard token.kind == .word, token.role == .plain, token.end - token.start <= 5,
        next.kind == .word, next.elidedToken == nil, next.start > token.end,
        onlyWhitespace(token.end, next.start)
      else { continue }
      let first = TextFolding.lowercase(scalars[next.start])
      guard TextFolding.isVowel(first) || first == 0x68 else { continue }
      // Compared letter by letter, lowercased on the way: a lowercased copy of the
      // token would be an array allocated for most messages.
      let start = token.start
      let length = token.end - start
      let isElision = Self.elisionsWithoutApostrophe.contains { form in
        form.count == length
          && form.indices.allSatisfy { form[$0] == TextFolding.lowercase(scalars[start + $0]) }
      }
      guard isElision else { continue }
      tokens[index].role = .elided
      tokens[index + 1].elidedToken = index
    }
  }

  /// The kind of a run of letters: a word, or a code when it is a tax code
  /// whose digits were all replaced by letters (omocodia), which has none left
  /// to make it a code.
  private func letterKind(_ start: Int, _ end: Int) -> TokenKind {
    guard end - start == 16, Patterns.isTaxCode(scalars[start..<end]) else { return .word }
    return .code
  }

  /// The end of the word and of the segment, when the segment starting at
  /// `start` is ASCII letters followed by nothing but ASCII punctuation that
  /// trimming drops (`grazie`, `anagrafe?`, `Buongiorno,`); `nil` otherwise.
  ///
  /// Most segments are such words, and for them this gives the token that
  /// ``segment(from:to:hasDigit:webMarks:)`` would, without its passes.
  private func plainWord(from start: Int) -> (wordEnd: Int, segmentEnd: Int)? {
    let count = scalars.count
    guard (scalars[start] | 0x20) &- 0x61 < 26 else { return nil }
    var wordEnd = start + 1
    while wordEnd < count, (scalars[wordEnd] | 0x20) &- 0x61 < 26 { wordEnd += 1 }
    var end = wordEnd
    while end < count {
      let value = scalars[end]
      guard value < 0x80 else { return nil }
      if TextFolding.isWhitespace(value) { break }
      switch value {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27, 0x60, 0x24, 0x25: return nil
      default: end += 1
      }
    }
    return (wordEnd, end)
  }

  /// The end of the emoji sequence starting at `start`.
  private func emojiEnd(from start: Int) -> Int {
    let count = scalars.count
    var end = start + 1
    if (0x1F1E6...0x1F1FF).contains(scalars[start]) {
      if end < count, (0x1F1E6...0x1F1FF).contains(scalars[end]) { end += 1 }
      return end
    }
    while end < count {
      let value = scalars[end]
      if value == 0x200D, end + 1 < count, TextFolding.isEmoji(scalars[end + 1]) {
        end += 2
      } else if TextFolding.continuesEmoji(value) && value != 0x200D {
        end += 1
      } else {
        break
      }
    }
    return end
  }

  /// The end of a keycap emoji (`1️⃣`, `#️⃣`) starting at `start`, or `nil`.
  private func keycapEnd(from start: Int) -> Int? {
    let value = scalars[start]
    guard TextFolding.isDigit(value) || value == 0x23 || value == 0x2A else { return nil }
    var end = start + 1
    if end < scalars.count, scalars[end] == 0xFE0F { end += 1 }
    guard end < scalars.count, scalars[end] == 0x20E3 else { return nil }
    return end + 1
  }

  // MARK: Segments

  /// Whether a scalar can be part of a word or a number.
  @inline(__always)
  private func isAlphanumeric(_ value: UInt32) -> Bool {
    TextFolding.isDigit(value) || TextFolding.isLetter(value)
  }

  /// Classifies one whitespace-free segment.
  ///
  /// - Parameters:
  ///   - hasDigit: Whether the segment has a digit (trimming never drops one).
  ///   - webMarks: How many dots and at signs the segment has.
  private mutating func segment(
    from segmentStart: Int, to segmentEnd: Int, hasDigit: Bool, webMarks: Int
  ) {
    var start = segmentStart
    var end = segmentEnd
    var startsWithQuote = false
    var webMarks = webMarks
    while start < end, !isAlphanumeric(scalars[start]), !isCurrencySign(scalars[start]) {
      let value = scalars[start]
      if TextFolding.isApostrophe(value) { startsWithQuote = true }
      if value == 0x2E || value == 0x40 { webMarks -= 1 }
      start += 1
    }
    while end > start {
      let value = scalars[end - 1]
      if isAlphanumeric(value) || isCurrencySign(value) || value == 0x25 { break }
      if TextFolding.isApostrophe(value), !startsWithQuote, end - 1 > start,
        TextFolding.isLetter(scalars[end - 2])
      {
        break
      }
      if value == 0x2E || value == 0x40 { webMarks -= 1 }
      end -= 1
    }
    guard start < end else { return }
    if webMarks > 0 {
      let webEnd = Patterns.trimmedWebEnd(scalars, start, segmentEnd)
      if let kind = Patterns.webKind(scalars, start, webEnd) {
        tokens.append(RawToken(start: start, end: webEnd, kind: kind))
        return
      }
    }
    if !hasDigit {
      if end - start == 1, isCurrencySign(scalars[start]) {
        tokens.append(RawToken(start: start, end: end, kind: .money, role: .currency))
        return
      }
      words(from: start, to: end, startsWithQuote: startsWithQuote)
      return
    }
    numeric(from: start, to: end, startsWithQuote: startsWithQuote)
  }

  /// Whether the scalar is a currency sign: € $ £.
  private func isCurrencySign(_ value: UInt32) -> Bool {
    value == 0x20AC || value == 0x24 || value == 0xA3
  }

  /// Classifies a segment that contains a digit.
  private mutating func numeric(from start: Int, to end: Int, startsWithQuote: Bool) {
    // "dall'8", "l'8:30": split the elided article first.
    var letterEnd = start
    while letterEnd < end, TextFolding.isLetter(scalars[letterEnd]) { letterEnd += 1 }
    if letterEnd > start, letterEnd + 1 < end, TextFolding.isApostrophe(scalars[letterEnd]),
      TextFolding.isDigit(scalars[letterEnd + 1])
    {
      let elided = tokens.count
      tokens.append(RawToken(start: start, end: letterEnd + 1, kind: .word, role: .elided))
      numeric(from: letterEnd + 1, to: end, startsWithQuote: false)
      if elided + 1 < tokens.count {
        tokens[elided + 1].elidedToken = elided
      }
      return
    }
    let wholeKind = Patterns.numericKind(scalars, start, end)
    if let wholeKind, wholeKind != .code {
      tokens.append(RawToken(start: start, end: end, kind: wholeKind))
      return
    }
    // Ranges such as "15:30-18:00", "3/12-5/12" or "9-12": split at the hyphens.
    if let parts = rangeParts(from: start, to: end) {
      for part in parts {
        tokens.append(RawToken(start: part.start, end: part.end, kind: part.kind))
      }
      return
    }
    if let wholeKind {
      tokens.append(RawToken(start: start, end: end, kind: wholeKind))
      return
    }
    // Mixed text such as "ore8:30" or "(3)": split at punctuation and classify
    // each run of letters and digits.
    var index = start
    while index < end {
      guard isAlphanumeric(scalars[index]) || isCurrencySign(scalars[index]) else {
        index += 1
        continue
      }
      var runEnd = index
      while runEnd < end,
        isAlphanumeric(scalars[runEnd]) || TextFolding.isIgnorable(scalars[runEnd])
      {
        runEnd += 1
      }
      if runEnd == index { runEnd += 1 }
      if let kind = Patterns.numericKind(scalars, index, runEnd) {
        tokens.append(RawToken(start: index, end: runEnd, kind: kind))
      } else if runEnd - index == 1, isCurrencySign(scalars[index]) {
        tokens.append(RawToken(start: index, end: runEnd, kind: .money, role: .currency))
      } else {
        words(from: index, to: runEnd, startsWithQuote: true)
      }
      index = runEnd
    }
  }

  /// The parts of a range joined by hyphens: times, dates and amounts of
  /// money, or short numbers (at most four characters, so that a protocol
  /// number such as `12345-2026` stays one code); otherwise `nil`.
  private func rangeParts(from start: Int, to end: Int)
    -> [(start: Int, end: Int, kind: TokenKind)]?
  {
    // Without a hyphen there is one part only; most numbers end here.
    guard (start..<end).contains(where: { scalars[$0] == 0x2D }) else { return nil }
    var parts: [(start: Int, end: Int, kind: TokenKind)] = []
    var partStart = start
    for index in start...end where index == end || scalars[index] == 0x2D {
      switch Patterns.numericKind(scalars, partStart, index) {
      case .time?, .date?, .money?:
        break
      case .number? where index - partStart <= 4:
        break
      default:
        return nil
      }
      parts.append((partStart, index, Patterns.numericKind(scalars, partStart, index) ?? .number))
      partStart = index + 1
    }
    return parts.count > 1 ? parts : nil
  }

  /// Splits letters into words at punctuation, handling apostrophes.
  private mutating func words(from start: Int, to end: Int, startsWithQuote: Bool) {
    var index = start
    var elidedToken: Int?
    while index < end {
      let value = scalars[index]
      guard TextFolding.isLetter(value) || TextFolding.isDigit(value) else {
        index += 1
        elidedToken = nil
        continue
      }
      let wordStart = index
      var hasDigit = false
      while index < end {
        let next = scalars[index]
        if TextFolding.isLetter(next) || TextFolding.isIgnorable(next) {
          index += 1
        } else if TextFolding.isDigit(next) {
          hasDigit = true
          index += 1
        } else {
          break
        }
      }
      var token = RawToken(start: wordStart, end: index, kind: .word, elidedToken: elidedToken)
      if hasDigit {
        token.kind = Patterns.numericKind(scalars, wordStart, index) ?? .code
      } else if letterKind(wordStart, index) == .code {
        token.kind = .code
      } else if index < end, TextFolding.isApostrophe(scalars[index]) {
        let following = index + 1
        if following < end, TextFolding.isLetter(scalars[following]) {
          token.role = .elided
        } else if !startsWithQuote, TextFolding.isVowel(TextFolding.lowercase(scalars[index - 1])) {
          token.role = .accentApostrophe
        } else {
          token.role = .elidedAlone
        }
        index += 1
        token.end = index
      }
      tokens.append(token)
      elidedToken = token.role == .elided ? tokens.count - 1 : nil
    }
  }

  // MARK: Money across a space

  /// Merges a number and a currency sign or word beside it (`22,21 €`, `€ 5`,
  /// `10 euro`) into one money token.
  private mutating func mergeMoney() {
    guard tokens.count >= 2, tokens.contains(where: isCurrency) else { return }
    var merged: [RawToken] = []
    merged.reserveCapacity(tokens.count)
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      if index + 1 < tokens.count {
        let next = tokens[index + 1]
        let isNumberThenCurrency =
          (token.kind == .number || token.kind == .money && token.role != .currency)
          && isCurrency(next)
        let isCurrencyThenNumber = isCurrency(token) && next.kind == .number
        if (isNumberThenCurrency || isCurrencyThenNumber), onlyWhitespace(token.end, next.start) {
          merged.append(RawToken(start: token.start, end: next.end, kind: .money))
          index += 2
          continue
        }
      }
      var kept = token
      if kept.elidedToken != nil {
        // The elided form is always the token just before.
        kept.elidedToken = merged.count - 1
      }
      merged.append(kept)
      index += 1
    }
    tokens = merged
  }

  /// Whether a token is a currency sign or the word euro.
  private func isCurrency(_ token: RawToken) -> Bool {
    if token.role == .currency { return true }
    guard token.kind == .word, token.role == .plain else { return false }
    let length = token.end - token.start
    guard length == 3 || length == 4 else { return false }
    let start = token.start
    return scalars[start] | 0x20 == 0x65 && scalars[start + 1] | 0x20 == 0x75
      && scalars[start + 2] | 0x20 == 0x72 && (length == 3 || scalars[start + 3] | 0x20 == 0x6F)
  }

  /// Whether only whitespace lies between two scalar positions.
  private func onlyWhitespace(_ start: Int, _ end: Int) -> Bool {
    guard start <= end else { return false }
    for index in start..<end where !TextFolding.isWhitespace(scalars[index]) {
      return false
    }
    return true
  }
}
