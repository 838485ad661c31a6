/// The rules that look beyond the token: digits beside `x` and `6`, elided
/// forms written out, and amounts of money.
extension TokenBuilder {
  // MARK: Context rules

  /// Whether `x` or a digit abbreviation such as `6` may expand here: not
  /// beside a number (`2 x 3`, `6 x 4`).
  func contextAllowsExpansion(_ index: Int, _ folded: String) -> Bool {
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
    let value = scalars[token.start]
    return value == 0x78 || value == 0x58 || value == 0xD7
  }

  /// Whether the number token is digits standing alone (a candidate for `6`).
  func isStandaloneDigits(_ index: Int) -> Bool {
    let token = raw[index]
    guard token.end - token.start <= 2 else { return false }
    return contextAllowsExpansion(index, "0")
  }

  // MARK: Elisions

  static let po: [UInt32] = [0x70, 0x6F]
  static let poco: [UInt32] = [0x70, 0x6F, 0x63, 0x6F]

  /// Elided forms whose full form is certain: `c'` → `ci`, `dov'` → `dove`.
  static let elisions: [(elided: [UInt32], full: [UInt32])] = [
    ("c", "ci"), ("d", "di"), ("dov", "dove"), ("com", "come"), ("cos", "cosa"),
    ("quant", "quanto"), ("un", "una"), ("nessun", "nessuna"), ("buon", "buona"),
    ("sant", "santo"),
  ].map { ($0.0.unicodeScalars.map(\.value), $0.1.unicodeScalars.map(\.value)) }

  /// The full form of an elided form, if it is certain.
  ///
  /// A scan of ten short entries, cheaper than hashing the letters.
  static func fullForm(ofElided letters: UnsafeBufferPointer<UInt32>) -> [UInt32]? {
    for (elided, full) in elisions
    where elided.count == letters.count && elided.elementsEqual(letters) {
      return full
    }
    return nil
  }

  /// Elided forms after which a bare `e` is the verb `è`: `c'e`, `dov'e`.
  static let beforeVerbBe: Set<[UInt32]> = Set(
    ["ci", "dove", "come", "cosa", "quanto", "qual"].map { $0.unicodeScalars.map(\.value) })

  /// The folded form of an elided token.
  func foldedElision(_ token: RawToken) -> [UInt32] {
    var value: [UInt32] = []
    for index in token.start..<token.end {
      let scalar = scalars[index]
      if TextFolding.isApostrophe(scalar) || TextFolding.isIgnorable(scalar) { continue }
      value.append(TextFolding.lowercase(scalar))
    }
    return value.withUnsafeBufferPointer { Self.fullForm(ofElided: $0) } ?? value
  }

  // MARK: Money

  /// `22,21 €`: the amount, a space and the currency sign.
  func foldedMoney(_ token: RawToken) -> String {
    var amount: [UInt32] = []
    var sign: UInt32 = 0x20AC
    for index in token.start..<token.end {
      let value = scalars[index]
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
