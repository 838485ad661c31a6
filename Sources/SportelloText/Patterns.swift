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

  /// `.url` or `.email` when the range is one, else `nil`.
  static func webKind(_ scalars: [UInt32], _ start: Int, _ end: Int) -> TokenKind? {
    for prefix in [https, http, www] where hasPrefix(scalars, start, end, prefix) {
      return end - start > prefix.count ? .url : nil
    }
    guard let at = (start..<end).first(where: { scalars[$0] == 0x40 }) else { return nil }
    return isEmail(scalars, start, at, trimmedWebEnd(scalars, start, end)) ? .email : nil
  }

  /// The end of a web address once sentence punctuation after it is dropped.
  static func trimmedWebEnd(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Int {
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

  private static func hasPrefix(_ scalars: [UInt32], _ start: Int, _ end: Int, _ prefix: [UInt32])
    -> Bool
  {
    guard end - start >= prefix.count else { return false }
    for (offset, value) in prefix.enumerated()
    where TextFolding.lowercase(scalars[start + offset]) != value {
      return false
    }
    return true
  }

  private static func isEmail(_ scalars: [UInt32], _ start: Int, _ at: Int, _ end: Int) -> Bool {
    guard at > start, at + 3 < end else { return false }
    for index in start..<at {
      let value = scalars[index]
      guard isASCIIAlphanumeric(value) || [0x2E, 0x5F, 0x25, 0x2B, 0x2D].contains(value) else {
        return false
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
  static func numericKind(_ scalars: [UInt32], _ start: Int, _ end: Int) -> TokenKind? {
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

  /// Digits in groups joined by single `.` or `,`: `12`, `3,5`, `1.000,50`.
  private static func isAmount(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Bool {
    guard start < end, TextFolding.isDigit(scalars[start]), TextFolding.isDigit(scalars[end - 1])
    else { return false }
    var previousWasDigit = false
    for index in start..<end {
      let value = scalars[index]
      if TextFolding.isDigit(value) {
        previousWasDigit = true
      } else if (value == 0x2E || value == 0x2C), previousWasDigit {
        previousWasDigit = false
      } else {
        return false
      }
    }
    return true
  }

  /// A run of digits long enough to be an identifier, not a quantity: 7 digits
  /// or more (protocol and phone numbers), or 3 or more with a leading zero.
  private static func isCodeLikeDigits(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Bool {
    let length = end - start
    guard (start..<end).allSatisfy({ TextFolding.isDigit(scalars[$0]) }) else { return false }
    return length >= 7 || length >= 3 && scalars[start] == 0x30
  }

  /// The digit groups of a range split at `separator`, as numbers with their
  /// lengths, or `nil` when anything else is in it.
  private static func groups(_ scalars: [UInt32], _ start: Int, _ end: Int, _ separators: Set<UInt32>)
    -> (values: [Int], lengths: [Int], separator: UInt32?)?
  {
    var values: [Int] = []
    var lengths: [Int] = []
    var separator: UInt32?
    var value = 0
    var length = 0
    for index in start..<end {
      let scalar = scalars[index]
      if TextFolding.isDigit(scalar) {
        guard length < 9 else { return nil }
        value = value * 10 + Int(scalar - 0x30)
        length += 1
      } else if separators.contains(scalar), length > 0, separator == nil || separator == scalar {
        separator = scalar
        values.append(value)
        lengths.append(length)
        value = 0
        length = 0
      } else {
        return nil
      }
    }
    guard length > 0 else { return nil }
    values.append(value)
    lengths.append(length)
    return (values, lengths, separator)
  }

  /// `8:30`, `08:30`, `18:05`.
  private static func isTime(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Bool {
    guard let parts = groups(scalars, start, end, [0x3A]), parts.values.count == 2 else {
      return false
    }
    return parts.lengths[0] <= 2 && parts.lengths[1] == 2 && parts.values[0] <= 24
      && parts.values[1] <= 59
  }

  /// `3/12`, `03/12/2026`, `03-12-2026`, `3.12.26`.
  private static func isDate(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Bool {
    guard let parts = groups(scalars, start, end, [0x2F, 0x2D, 0x2E]),
      parts.lengths[0] <= 2, parts.lengths.count >= 2, parts.lengths[1] <= 2
    else { return false }
    let day = parts.values[0]
    let month = parts.values[1]
    guard (1...31).contains(day), (1...12).contains(month) else { return false }
    switch parts.values.count {
    case 2: return parts.separator == 0x2F
    case 3: return parts.lengths[2] == 2 || parts.lengths[2] == 4
    default: return false
    }
  }

  /// `2x3`, `10X15`, `2×3`: a product of numbers, kept as a number.
  private static func isDimension(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Bool {
    guard let times = (start..<end).first(where: { [0x78, 0x58, 0xD7].contains(scalars[$0]) })
    else { return false }
    return isAmount(scalars, start, times) && isAmount(scalars, times + 1, end)
  }

  /// Letters and digits, possibly joined by `/ - . _`, with at least one digit:
  /// tax codes, plates, protocol numbers such as `12345/2026` or `AR-2026-15`.
  private static func isCode(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Bool {
    guard isASCIIAlphanumeric(scalars[start]), isASCIIAlphanumeric(scalars[end - 1]) else {
      return false
    }
    for index in start..<end {
      let value = scalars[index]
      guard isASCIIAlphanumeric(value) || [0x2F, 0x2D, 0x2E, 0x5F].contains(value) else {
        return false
      }
    }
    return true
  }

  /// Whether a code is an Italian tax code (codice fiscale): six letters, two
  /// digits, a letter, two digits, a letter, three digits and a check letter,
  /// where digits may be replaced by the letters L M N P Q R S T U V.
  static func isTaxCode(_ scalars: some Collection<UInt32>) -> Bool {
    let letters = Array(scalars)
    guard letters.count == 16 else { return false }
    for (index, value) in letters.enumerated() {
      let lower = TextFolding.lowercase(value)
      let isLetter = lower >= 0x61 && lower <= 0x7A
      switch index {
      case 0...5, 8, 11, 15:
        guard isLetter else { return false }
      default:
        let isOmocode = [0x6C, 0x6D, 0x6E, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76].contains(lower)
        guard TextFolding.isDigit(value) || isOmocode else { return false }
      }
    }
    return true
  }
}
