import SportelloText

/// The words that ask for something without saying what (`[parole_generiche]` in
/// sinonimi.txt): `aiuto`, `informazioni`, `mi serve un documento`.
///
/// Such a message scores well against whichever FAQ uses the word (`aiuto` against social
/// help, `documento` against the identity card), yet no FAQ can know what the citizen
/// needs: a person asks. A message with any other word is read as usual (`aiuto per
/// l'affitto`), except greetings and thanks, which say nothing of the subject either.
struct GenericWords: Sendable {
  /// The stems of the generic words.
  private let genericStems: Set<String>

  /// The stems of the words of the small-talk FAQs' keyword groups.
  private let smallTalkStems: Set<String>

  /// Stems the rules' generic words and small-talk keywords with `analyzer`, the one
  /// messages are read with (before typo correction, which does not change a stem).
  init(ruleSet: RuleSet, analyzer: Analyzer) {
    func stems(_ phrases: [String]) -> Set<String> {
      var stems: Set<String> = []
      for phrase in phrases {
        for token in analyzer.analyze(phrase).tokens where token.kind == .word {
          stems.insert(token.stem)
        }
      }
      return stems
    }
    genericStems = stems(ruleSet.synonyms.genericWords)
    let smallTalk = ruleSet.faqs.filter { $0.action == .smallTalk }
    smallTalkStems = stems(smallTalk.flatMap { $0.keywordGroups.flatMap { $0 } })
  }

  /// The generic words of `tokens` when every other word is a stop word or small talk,
  /// and there is at least one; otherwise nil. Emoji say nothing either; a number, a date
  /// or a code does (`documento 12345`).
  func onlyGenericWords(in tokens: [Token]) -> [String]? {
    guard !genericStems.isEmpty else { return nil }
    var generic: [String] = []
    for token in tokens {
      switch token.kind {
      case .emoji: continue
      case .word:
        if genericStems.contains(token.stem) {
          generic.append(token.surface)
        } else if !token.isStopWord && !smallTalkStems.contains(token.stem) {
          return nil
        }
      default: return nil
      }
    }
    return generic.isEmpty ? nil : generic
  }
}
