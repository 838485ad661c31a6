/// Parses one `*.faq` file into FAQs, collecting every diagnostic.
///
/// Never stops at the first problem and never traps: a malformed line is
/// reported and skipped, and an FAQ with errors is still returned so later
/// checks (duplicate ids, placeholders) can run; the loader drops the whole
/// rule set when any error was found.
struct FAQFileParser {
  /// The path used in diagnostics and locations.
  var path: String

  /// Keys with one value on the key's line.
  static let singleKeys = ["titolo", "ufficio", "revisione", "scadenza", "link", "azione"]

  /// Keys followed by `-` item lines.
  static let listKeys = ["domande", "parole", "richiede", "escludi"]

  /// Every key of an FAQ.
  static let allKeys = singleKeys + listKeys + ["risposta"]

  /// The longest title that fits a WhatsApp list row.
  static let maximumTitleLength = 24

  private var faqs: [FAQ] = []
  private var diagnostics: [Diagnostic] = []
  private var current: FAQ?
  /// The keys of the current FAQ met so far, one bit per position in ``allKeys``: a set
  /// of strings, made anew for each FAQ, cost more than the rest of reading its keys.
  private var seenKeys: UInt32 = 0
  private var openList: String?
  private var isInAnswer = false

  /// Creates a parser for the file at `path`.
  init(path: String) { self.path = path }

  /// Parses the file's text.
  static func parse(_ text: String, path: String) -> (faqs: [FAQ], diagnostics: [Diagnostic]) {
    var parser = FAQFileParser(path: path)
    for line in RuleLine.lines(of: text) { parser.consume(line) }
    parser.finishCurrent()
    return (parser.faqs, parser.diagnostics)
  }

  /// Whether an FAQ is being read; asked without `current != nil`, which copies the FAQ.
  private var hasCurrent: Bool {
    if case .none = current { return false }
    return true
  }

  /// Whether the current FAQ has key `key` (one of ``allKeys``).
  private func hasSeen(_ key: String) -> Bool {
    guard let position = FAQFileParser.allKeys.firstIndex(of: key) else { return false }
    return seenKeys & (1 << position) != 0
  }

  private mutating func report(_ line: Int, _ column: Int, _ message: String) {
    diagnostics.append(
      Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
  }

  private mutating func consume(_ line: RuleLine) {
    switch line.kind {
    case .ignorable:
      return
    case .header(let name, let column, let isClosed):
      finishCurrent()
      startFAQ(name: name, column: column, isClosed: isClosed, line: line)
    case .item(let text, let column):
      isInAnswer = false
      addItem(text, line: line, column: column)
    case .quote(let text, let column):
      guard isInAnswer, hasCurrent else {
        report(line.number, line.column, "'>' line outside an answer: write 'risposta:' first")
        return
      }
      let previous = current?.answer.map { $0 + "\n" } ?? ""
      current?.answer = previous + text
      current?.sourceMap.answerLines.append(.init(line: line.number, column: column))
    case .keyValue(let key, let value, let valueColumn):
      isInAnswer = false
      openList = nil
      setKey(key, value: value, valueColumn: valueColumn, line: line)
    case .other:
      isInAnswer = false
      report(
        line.number, line.column,
        "expected '[id]', 'key: value', '- item' or '> answer line'")
    }
  }

  private mutating func startFAQ(name: String, column: Int, isClosed: Bool, line: RuleLine) {
    guard isClosed else {
      report(line.number, line.column, "missing ']' after the faq id")
      return
    }
    guard !name.isEmpty else {
      report(line.number, column, "empty faq id")
      return
    }
    // An id of id bytes alone is valid: they are ASCII, one character each.
    if !name.utf8.allSatisfy(FAQFileParser.isIDByte),
      let bad = name.firstIndex(where: { !FAQFileParser.isIDCharacter($0) })
    {
      let offset = name.distance(from: name.startIndex, to: bad)
      report(
        line.number, column + offset,
        "invalid character '\(name[bad])' in id '\(name)': use lowercase letters, digits, "
          + "'_', '-' and '.'")
    }
    var faq = FAQ(id: name, title: "", examples: [], location: .init(path: path, line: line.number))
    faq.sourceMap.idColumn = column
    current = faq
    seenKeys = 0
    openList = nil
    isInAnswer = false
  }

  /// Whether a byte is the UTF-8 of a character that may appear in an intent id.
  static func isIDByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  /// Whether a character may appear in an intent id.
  static func isIDCharacter(_ character: Character) -> Bool {
    guard character.isASCII else { return false }
    return character.isLowercase || character.isNumber || "_-.".contains(character)
  }

  private mutating func setKey(_ key: String, value: String, valueColumn: Int, line: RuleLine) {
    guard let keyPosition = FAQFileParser.allKeys.firstIndex(of: key) else {
      report(
        line.number, line.column,
        "unknown key '\(key)'" + Suggestion.phrase(for: key, in: FAQFileParser.allKeys))
      return
    }
    guard hasCurrent else {
      report(line.number, line.column, "key '\(key)' outside an faq: start one with '[id]'")
      return
    }
    let keyBit: UInt32 = 1 << keyPosition
    guard seenKeys & keyBit == 0 else {
      report(line.number, line.column, "duplicate key '\(key)' in faq '\(current?.id ?? "")'")
      return
    }
    seenKeys |= keyBit
    if FAQFileParser.listKeys.contains(key) {
      if !value.isEmpty {
        report(
          line.number, valueColumn,
          "'\(key)' takes a list: write each item on its own line starting with '-'")
      }
      openList = key
      return
    }
    if key == "risposta" {
      current?.sourceMap.answerKey = .init(line: line.number, column: line.column)
      if value.isEmpty {
        isInAnswer = true
      } else {
        current?.answer = value
        current?.sourceMap.answerLines = [.init(line: line.number, column: valueColumn)]
      }
      return
    }
    guard !value.isEmpty else {
      report(line.number, line.column, "missing value for '\(key)'")
      return
    }
    setSingleValue(key, value: value, column: valueColumn, line: line.number)
  }

  private mutating func setSingleValue(_ key: String, value: String, column: Int, line: Int) {
    switch key {
    case "titolo":
      current?.title = value
      current?.sourceMap.title = .init(line: line, column: column)
      if value.count > FAQFileParser.maximumTitleLength {
        report(
          line, column,
          "title '\(value)' is \(value.count) characters long; at most "
            + "\(FAQFileParser.maximumTitleLength) fit a whatsapp menu row")
      }
    case "ufficio":
      current?.office = value
    case "revisione", "scadenza":
      guard let day = CalendarDay(parsing: value) else {
        report(line, column, "invalid date '\(value)' for '\(key)': expected YYYY-MM-DD")
        return
      }
      if key == "revisione" {
        current?.reviewedOn = day
      } else {
        current?.expiresOn = day
        current?.sourceMap.expiry = .init(line: line, column: column)
      }
    case "link":
      let lowered = value.lowercased()
      if !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) || value.contains(" ") {
        report(line, column, "invalid link '\(value)': expected an http:// or https:// address")
      }
      current?.link = value
    default:
      let names = IntentAction.allCases.filter { $0 != .none }.map(\.rawValue)
      guard let action = IntentAction(rawValue: value), action != .none else {
        let expected = names.map { "'\($0)'" }.joined(separator: ", ")
        let hint = Suggestion.closest(to: value, in: names).map { " (did you mean '\($0)'?)" }
        report(
          line, column, "unknown action '\(value)'" + (hint ?? "; expected one of \(expected)"))
        return
      }
      current?.action = action
    }
  }

  private mutating func addItem(_ text: String, line: RuleLine, column: Int) {
    guard hasCurrent, let list = openList else {
      report(
        line.number, line.column,
        "item outside a list: write 'domande:', 'parole:', "
          + "'richiede:' or 'escludi:' above it")
      return
    }
    guard !text.isEmpty else {
      report(line.number, line.column, "empty item in '\(list)'")
      return
    }
    switch list {
    case "domande":
      current?.examples.append(text)
      current?.sourceMap.examples.append(.init(line: line.number, column: column))
    default:
      let parts =
        ASCIIText.commaSeparatedParts(of: text)
        ?? text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed() }
      if parts.contains(where: \.isEmpty) {
        report(line.number, column, "empty alternative in '\(list)': remove the extra comma")
      }
      let group = parts.filter { !$0.isEmpty }
      switch list {
      case "parole": current?.keywordGroups.append(group)
      case "richiede": current?.requiredGroups.append(group)
      default: current?.exclusions.append(contentsOf: group)
      }
    }
  }

  private mutating func finishCurrent() {
    defer {
      current = nil
      openList = nil
      isInAnswer = false
    }
    guard let faq = current else { return }
    let line = faq.location.line
    let column = faq.sourceMap.idColumn
    if !hasSeen("titolo") {
      report(line, column, "faq '\(faq.id)' has no 'titolo'")
    }
    if faq.examples.isEmpty {
      report(line, column, "faq '\(faq.id)' has no example questions: add items under 'domande:'")
    }
    if hasSeen("risposta") {
      let answer = faq.answer ?? ""
      if answer.allSatisfy(\.isWhitespace) {
        let key = faq.sourceMap.answerKey
        report(key.line, key.column, "empty answer in faq '\(faq.id)'")
      }
    } else if !hasSeen("azione") {
      report(line, column, "faq '\(faq.id)' has neither 'risposta' nor 'azione'")
    }
    faqs.append(faq)
  }
}
