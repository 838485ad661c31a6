import SportelloText

/// The words that ask for something without saying what (`[parole_generiche]` in
/// sinonimi.txt): `aiuto`, `informazioni`, `mi serve un documento`.
///
/// Such a message scores well against whichever FAQ uses the word (`aiuto` against social
/// help, `documento` against the identity card), yet no FAQ can know what the citizen
/// needs: a person asks. A message with any other word is read as usual (`aiuto per
/// l'affitto`), except greetings and thanks, which say nothing of the subject either.
struct GenericWords: Sendable {
  /// What a stem is to the rules: a bit set of ``genericBit`` and ``smallTalkBit``.
  private let kindsByStem: [String: Int32]

  /// ``kindsByStem`` by the bytes of every ASCII string equal to one of its stems
  /// (``ASCIIKeyTable/insertASCIIForm(of:value:)``): every word of every message is looked
  /// up, and this table answers for the ASCII ones without hashing them with SipHash.
  private let asciiKinds: ASCIIKeyTable

  /// The stem is one of the rules' generic words.
  private static let genericBit: Int32 = 1

  /// The stem is a word of a small-talk FAQ's keyword groups.
  private static let smallTalkBit: Int32 = 2

  /// Whether the rules have generic words at all.
  private let hasGenericWords: Bool

  /// Stems the rules' generic words and small-talk keywords with `analyzer`, the one
  /// messages are read with (before typo correction, which does not change a stem).
  init(ruleSet: RuleSet, analyzer: Analyzer) {
    var kinds: [String: Int32] = [:]
    func mark(_ phrases: [String], _ bit: Int32) {
      for phrase in phrases {
        for token in analyzer.analyze(phrase).tokens where token.kind == .word {
          kinds[token.stem, default: 0] |= bit
        }
      }
    }
    mark(ruleSet.synonyms.genericWords, Self.genericBit)
    let smallTalk = ruleSet.faqs.filter { $0.action == .smallTalk }
    mark(smallTalk.flatMap { $0.keywordGroups.flatMap { $0 } }, Self.smallTalkBit)
    hasGenericWords = kinds.values.contains { $0 & Self.genericBit != 0 }
    var ascii = ASCIIKeyTable()
    // The slots' layout follows the dictionary's order, which differs from run to run;
    // what a lookup finds does not.
    for (stem, kind) in kinds { ascii.insertASCIIForm(of: stem, value: kind) }
    kindsByStem = kinds
    asciiKinds = ascii
  }

  /// What `stem` is to the rules (see ``kindsByStem``), 0 for any other stem.
  private func kinds(of stem: String) -> Int32 {
    switch asciiKinds.lookup(stem) {
    case .found(let kinds): return kinds
    case .absent: return 0
    case .notASCII: return kindsByStem[stem] ?? 0
    }
  }

  /// The generic words of `tokens` when every other word is a stop word or small talk,
  /// and there is at least one; otherwise nil. Emoji say nothing either; a number, a date
  /// or a code does (`documento 12345`).
  func onlyGenericWords(in tokens: [Token]) -> [String]? {
    guard hasGenericWords else { return nil }
    var generic: [String] = []
    // By index, reading the fields it needs: `for token in` copies each token, with a
    // retain of each of its strings.
    for index in tokens.indices {
      switch tokens[index].kind {
      case .emoji: continue
      case .word:
        let kinds = kinds(of: tokens[index].stem)
        if kinds & Self.genericBit != 0 {
          generic.append(tokens[index].surface)
        } else if !tokens[index].isStopWord && kinds & Self.smallTalkBit == 0 {
          return nil
        }
      default: return nil
      }
    }
    return generic.isEmpty ? nil : generic
  }
}
