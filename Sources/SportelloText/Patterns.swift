/// Recognisers for the tokens kept whole: web addresses, e-mail addresses,
/// numbers, dates, times, money and codes.
///
/// Each takes the scalars and a range and answers for the whole range only, so
/// a partial match never splits a token.
enum Patterns {
  // MARK: Web

  private static let http: [UInt32] = Array("http://".unicodeScalars.map(\.value))
  private static let https: [UInt32] = Array("https://".unicodeScalars.map(\.value))
  private static let www: [UInt32] = Array("www.".unicodeScalars.map(\.value))

  /// The prefixes of a web address, longest first.
  private static let webPrefixes = [https, http, www]

  /// `.url` or `.email` when the range is one, else `nil`.
  static func webKind(_ scalars: Scalars, _ start: Int, _ end: Int) -> TokenKind? {
    let first = scalars[start] | 0x20
    if first == 0x68 || first == 0x77 {
      for prefix in webPrefixes where hasPrefix(scalars, start, end, prefix) {
        return end - start > prefix.count ? .url : nil
      }
    }
    var at = start
    while at < end, scalars[at] != 0x40 { at += 1 }
    guard at < end else { return nil }
    return isEmail(scalars, start, at, end) ? .email : nil
  }

  /// The end of a web address once sentence punctuation after it is dropped.
  static func trimmedWebEnd(_ scalars: Scalars, _ start: Int, _ end: Int) -> Int {
    var end = end
    while end > start {
      switch scalars[end - 1] {
      case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x22, 0x27, 0xBB, 0x2019, 0x201D:
        end -= 1
      default:
        return end
      }
    }
    return end
  }

  private static func hasPrefix(_ scalars: Scalars, _ start: Int, _ end: Int, _ prefix: [UInt32])
    -> Bool
  {
    guard end - start >= prefix.count else { return false }
    for (offset, value) in prefix.enumerated()
    where TextFolding.lowercase(scalars[start + offset]) != value {
      return false
    }
    return true
  }

  private static func isEmail(_ scalars: Scalars, _ start: Int, _ at: Int, _ end: Int) -> Bool {
    guard at > start, at + 3 < end else { return false }
    for index in start..<at {
      let value = scalars[index]
      switch value {
      case 0x2E, 0x5F, 0x25, 0x2B, 0x2D: continue
      default: guard isASCIIAlphanumeric(value) else { return false }
      }
    }
    var lastDot: Int?
    for index in (at + 1)..<end {
      let value = scalars[index]
      if value == 0x2E {
        guard index > at + 1, scalars[index - 1] != 0x2E else { return false }
        lastDot = index
      } else if !(isASCIIAlphanumeric(value) || value == 0x2D) {
        return false
      }
    }
    guard let lastDot, end - lastDot - 1 >= 2 else { return false }
    return (lastDot + 1..<end).allSatisfy { TextFolding.isLetter(scalars[$0]) }
  }

  private static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
    value < 0x80 && (TextFolding.isDigit(value) || TextFolding.isLetter(value))
  }

  // MARK: Numbers

  /// The kind of a range that contains a digit, when the whole range is a
  /// number, date, time, money amount or code; `nil` otherwise.
  static func numericKind(_ scalars: Scalars, _ start: Int, _ end: Int) -> TokenKind? {
    guard start < end else { return nil }
    let first = scalars[start]
    let last = scalars[end - 1]
    if isCurrencySign(first), end - start > 1, isAmount(scalars, start + 1, end) { return .money }
    if isCurrencySign(last), end - start > 1, isAmount(scalars, start, end - 1) { return .money }
    if isAmount(scalars, start, end) {
      return isCodeLikeDigits(scalars, start, end) ? .code : .number
    }
    if last == 0x25, end - start > 1, isAmount(scalars, start, end - 1) { return .number }
    if isTime(scalars, start, end) { return .time }
    if isDate(scalars, start, end) { return .date }
    if isDimension(scalars, start, end) { return .number }
    return isCode(scalars, start, end) ? .code : nil
  }

  private static func isCurrencySign(_ value: UInt32) -> Bool {
    value == 0x20AC || value == 0x24 || value == 0xA3
  }

  /// An amount: `12`, `3,5`, `1.000`, `1.000.000,50`, or `3.5` with a single
  /// decimal point. Dotted groups after the first must have three digits, so
  /// `3.12.26` is left to the date recogniser.
  private static func isAmount(_ scalars: Scalars, _ start: Int, _ end: Int) -> Bool {
    guard start < end, TextFolding.isDigit(scalars[start]), TextFolding.isDigit(scalars[end - 1])
    else { return false }
    var dots = 0
    var commas = 0
    var groupLength = 0
    var firstGroupLength = -1
    var dottedGroupsHaveThreeDigits = true
    for index in start..<end {
      let value = scalars[index]
      if TextFolding.isDigit(value) {
        groupLength += 1
        continue
      }
      guard groupLength > 0 else { return false }
      if value == 0x2E {
        guard commas == 0 else { return false }
        if dots > 0, groupLength != 3 { dottedGroupsHaveThreeDigits = false }
        if firstGroupLength < 0 { firstGroupLength = groupLength }
        dots += 1
      } else if value == 0x2C {
        guard commas == 0 else { return false }
        if dots > 0, groupLength != 3 { dottedGroupsHaveThreeDigits = false }
        commas += 1
      } else {
        return false
      }
      groupLength = 0
    }
    if dots > 0, commas == 0, groupLength != 3 { dottedGroupsHaveThreeDigits = false }
    if dots == 0 { return true }
    if dots == 1, commas == 0 { return true }
    return dottedGroupsHaveThreeDigits && firstGroupLength <= 3
  }

  /// A run of digits long enough to be an identifier, not a quantity: 7 digits
  /// or more (protocol and phone numbers), or 3 or more with a leading zero.
  private static func isCodeLikeDigits(_ scalars: Scalars, _ start: Int, _ end: Int) -> Bool {
    let length = end - start
    guard (start..<end).allSatisfy({ TextFolding.isDigit(scalars[$0]) }) else { return false }
    return length >= 7 || length >= 3 && scalars[start] == 0x30
  }

  /// Up to three groups of digits and the one separator between them.
  private struct DigitGroups {
    var values = (0, 0, 0)
    var lengths = (0, 0, 0)
    var count = 0
    var separator: UInt32?

    /// Adds a group; `false` when there are already three.
    mutating func append(value: Int, length: Int) -> Bool {
      switch count {
      case 0: (values.0, lengths.0) = (value, length)
      case 1: (values.1, lengths.1) = (value, length)
      case 2: (values.2, lengths.2) = (value, length)
      default: return false
      }
      count += 1
      return true
    }
  }

  /// The digit groups of a range split at one kind of separator, or `nil`
  /// when anything else is in it, a group has 9 digits or more, or there are
  /// more than three groups (no time or date has more).
  ///
  /// Allocation-free: it runs for every token with a digit in it.
  private static func digitGroups(
    _ scalars: Scalars, _ start: Int, _ end: Int, isSeparator: (UInt32) -> Bool
  ) -> DigitGroups? {
    var groups = DigitGroups()
    var value = 0
    var length = 0
    for index in start..<end {
      let scalar = scalars[index]
      if TextFolding.isDigit(scalar) {
        guard length < 9 else { return nil }
        value = value * 10 + Int(scalar - 0x30)
        length += 1
      } else if isSeparator(scalar), length > 0,
        groups.separator == nil || groups.separator == scalar
      {
        groups.separator = scalar
        guard groups.append(value: value, length: length) else { return nil }
        value = 0
        length = 0
      } else {
        return nil
      }
    }
    guard length > 0, groups.append(value: value, length: length) else { return nil }
    return groups
  }

  /// `8:30`, `08:30`, `18:05`.
  private static func isTime(_ scalars: Scalars, _ start: Int, _ end: Int) -> Bool {
    guard let parts = digitGroups(scalars, start, end, isSeparator: { $0 == 0x3A }),
      parts.count == 2
    else {
      return false
    }
    return parts.lengths.0 <= 2 && parts.lengths.1 == 2 && parts.values.0 <= 24
      && parts.values.1 <= 59
  }

  /// `3/12`, `03/12/2026`, `03-12-2026`, `3.12.26`.
  private static func isDate(_ scalars: Scalars, _ start: Int, _ end: Int) -> Bool {
    let isSeparator = { (value: UInt32) in value == 0x2F || value == 0x2D || value == 0x2E }
    guard let parts = digitGroups(scalars, start, end, isSeparator: isSeparator),
      parts.lengths.0 <= 2, parts.count >= 2, parts.lengths.1 <= 2
    else { return false }
    let day = parts.values.0
    let month = parts.values.1
    guard (1...31).contains(day), (1...12).contains(month) else { return false }
    switch parts.count {
    case 2: return parts.separator == 0x2F
    default: return parts.lengths.2 == 2 || parts.lengths.2 == 4
    }
  }

  /// `2x3`, `10X15`, `2×3`: a product of numbers, kept as a number.
  private static func isDimension(_ scalars: Scalars, _ start: Int, _ end: Int) -> Bool {
    guard
      let times = (start..<end).first(where: {
        scalars[$0] == 0x78 || scalars[$0] == 0x58 || scalars[$0] == 0xD7
      })
    else { return false }
    return isAmount(scalars, start, times) && isAmount(scalars, times + 1, end)
  }

  /// Letters and digits, possibly joined by `/ - . _`, with at least one digit:
  /// tax codes, plates, protocol numbers such as `12345/2026` or `AR-2026-15`.
  private static func isCode(_ scalars: Scalars, _ start: Int, _ end: Int) -> Bool {
    guard isASCIIAlphanumeric(scalars[start]), isASCIIAlphanumeric(scalars[end - 1]) else {
      return false
    }
    var hasDigit = false
    for index in start..<end {
      let value = scalars[index]
      if TextFolding.isDigit(value) {
        hasDigit = true
      } else if !(isASCIIAlphanumeric(value) || value == 0x2F || value == 0x2D || value == 0x2E
        || value == 0x5F)
      {
        return false
      }
    }
    return hasDigit
  }

  /// Whether a code is an Italian tax code (codice fiscale): six letters, two
  /// digits, a letter, two digits, a letter, three digits and a check letter,
  /// where digits may be replaced by the letters L M N P Q R S T U V.
  static func isTaxCode(_ scalars: some Collection<UInt32>) -> Bool {
    guard scalars.count == 16 else { return false }
    for (index, value) in scalars.enumerated() {
      let lower = TextFolding.lowercase(value)
      let isLetter = lower >= 0x61 && lower <= 0x7A
      switch index {
      case 0...5, 8, 11, 15:
        guard isLetter else { return false }
      default:
        // The letters that stand for the digits 0-9: l m n p q r s t u v.
        let isOmocode =
          lower == 0x6C || lower == 0x6D || lower == 0x6E || (0x70...0x76).contains(lower)
        guard TextFolding.isDigit(value) || isOmocode else { return false }
      }
    }
    return true
  }
}
