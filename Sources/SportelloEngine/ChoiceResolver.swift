import SportelloText

/// Reads a citizen's answer to a "which one?" menu.
struct ChoiceResolver {
  /// What the answer chose.
  enum Resolution: Equatable {
    /// An option, by intent id.
    case option(String)
    /// A person ("0", "operatore").
    case person
    /// A number that is not in the menu.
    case outOfRange
  }

  let analyzer: Analyzer
  let ruleSet: RuleSet

  /// Each FAQ's title as a menu answer is matched against it, by intent id: its tokens'
  /// folded forms, one space apart. Worked out once per rule set, not at every answer.
  let foldedTitles: [String: String]

  init(analyzer: Analyzer, ruleSet: RuleSet) {
    self.analyzer = analyzer
    self.ruleSet = ruleSet
    var titles: [String: String] = [:]
    for faq in ruleSet.faqs where titles[faq.id] == nil {
      if let title = ruleSet.faq(withID: faq.id)?.title {
        titles[faq.id] = analyzer.analyze(title).tokens.map(\.folded).joined(separator: " ")
      }
    }
    foldedTitles = titles
  }

  /// Number words a citizen may write instead of a digit.
  static let numberWords: [String: Int] = [
    "zero": 0, "uno": 1, "una": 1, "primo": 1, "prima": 1, "due": 2, "secondo": 2, "seconda": 2,
    "tre": 3, "terzo": 3, "terza": 3,
  ]

  /// Words that accept the only option of a "did you mean ...?" question.
  static let yesWords: Set<String> = [
    "sì", "si", "esatto", "esattamente", "certo", "giusto", "proprio", "quello", "quella", "ok",
    "va", "bene", "perfetto", "grazie",
  ]

  /// Words that refuse it: the citizen meant something else, which a person reads.
  static let noWords: Set<String> = ["no", "nope", "niente", "altro"]

  /// Words that may surround the number ("il 2", "opzione 2", "la prima").
  static let fillers: Set<String> = [
    "il", "la", "lo", "l", "opzione", "numero", "n", "risposta", "scelgo", "la", "quella", "ok",
  ]

  /// Resolves `message` against `pending`, or nil when it is a new question.
  func resolve(_ message: String, _ pending: PendingChoice) -> Resolution? {
    resolve(analyzed: analyzer.analyze(message), pending)
  }

  /// Resolves a message analysed with ``analyzer`` against `pending`, or nil when it is a
  /// new question (which is then decided on the same analysis).
  func resolve(analyzed message: AnalyzedMessage, _ pending: PendingChoice) -> Resolution? {
    let tokens = message.tokens.filter { $0.kind != .emoji }
    var numbers: [Int] = []
    var others = 0
    for token in tokens {
      if token.kind == .number, let value = Int(token.folded) {
        numbers.append(value)
      } else if let value = ChoiceResolver.numberWords[token.folded] {
        numbers.append(value)
      } else if !ChoiceResolver.fillers.contains(token.folded) {
        others += 1
      }
    }
    if pending.options.count == 1, numbers.isEmpty, !tokens.isEmpty {
      let words = tokens.map(\.folded)
      if words.allSatisfy(ChoiceResolver.yesWords.contains),
        words.contains(where: { $0 != "grazie" })
      {
        return .option(pending.options[0])
      }
      if words.first.map(ChoiceResolver.noWords.contains) == true, words.count <= 3 {
        return .person
      }
    }
    if numbers.count == 1, others == 0 {
      let number = numbers[0]
      if number == 0 { return .person }
      return pending.options.indices.contains(number - 1)
        ? .option(pending.options[number - 1])
        : .outOfRange
    }
    if OwnCaseDetector.requestsPerson(tokens) { return .person }
    let words = tokens.map(\.folded).joined(separator: " ")
    let matches = pending.options.filter { id in
      guard let folded = foldedTitles[id] else { return false }
      return !folded.isEmpty
        && ChoiceResolver.contains(" " + folded + " ", in: " " + words + " ")
    }
    return matches.count == 1 ? .option(matches[0]) : nil
  }

  /// Whether `text` contains `part`, as Foundation's `contains` finds it (never an empty
  /// `part`).
  ///
  /// Most menu answers and titles are plain ASCII, where that search compares bytes:
  /// they are compared here as bytes, several times faster. Other text is left to
  /// Foundation, which matches canonically equivalent accents.
  static func contains(_ part: String, in text: String) -> Bool {
    var part = part
    var text = text
    let found = part.withUTF8 { part in
      text.withUTF8 { text -> Bool? in
        guard part.allSatisfy({ $0 < 0x80 }), text.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard part.count <= text.count else { return false }
        if part.isEmpty { return false }
        for start in 0...(text.count - part.count) where text[start] == part[0] {
          var offset = 1
          while offset < part.count, text[start + offset] == part[offset] { offset += 1 }
          if offset == part.count { return true }
        }
        return false
      }
    }
    return found ?? text.contains(part)
  }
}
