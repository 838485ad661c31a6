import Foundation

/// Derives a menu title of at most 24 characters from a question.
///
/// Titles show in "which one?" menus, so they should name the topic: the opening
/// question words are dropped, whole words are kept up to 24 characters, and trailing
/// articles and prepositions are removed:
///
///     TitleMaker.title(from: "Come posso pagare la bolletta dell'acqua?")
///     // "Pagare la bolletta"
public enum TitleMaker {
  /// The longest title a WhatsApp list row shows.
  public static let maximumLength = 24

  /// Words that open a question without naming its topic: interrogatives, modal and
  /// auxiliary verbs, clitics and articles. They are dropped from the start of the title.
  static let openingWords: Set<String> = [
    "come", "cosa", "che", "cos", "quali", "quale", "qual", "quando", "dove", "perché",
    "perche", "chi", "quanto", "quanta", "quanti", "quante", "posso", "possiamo", "puoi",
    "può", "puo", "si", "mi", "ci", "ti", "devo", "dobbiamo", "bisogna", "occorre", "serve",
    "servono", "faccio", "fare", "fa", "sono", "è", "e", "c", "ho", "hai", "ha", "vorrei",
    "voglio", "sapere", "possibile", "se", "per", "a", "il", "lo", "la", "l", "i", "gli", "le",
    "un", "uno", "una", "un'", "di", "del", "della", "in", "nel", "nella", "ecco", "salve",
    "buongiorno", "ciao", "scusate", "gentilmente", "mai", "non", "ne", "io", "noi",
  ]

  /// Words a title should not end with.
  static let danglingWords: Set<String> = [
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "a", "da", "in", "con", "su",
    "per", "tra", "fra", "e", "o", "del", "dello", "della", "dei", "degli", "delle", "al",
    "allo", "alla", "ai", "agli", "alle", "dal", "dalla", "dai", "nel", "nella", "nei", "sul",
    "sulla", "che", "se", "mi", "si", "ci", "ne", "è", "sono", "mio", "mia", "miei", "mie", "tuo",
    "tua", "suo", "sua", "dove", "via", "così", "molto", "più", "come", "cosa", "quando", "non",
    "the", "of", "to", "and",
  ]

  /// The title for `question`, at most ``maximumLength`` characters, on word boundaries
  /// (a single longer word is cut).
  public static func title(from question: String) -> String {
    let words = question.split(whereSeparator: { $0.isWhitespace })
      .map { $0.trimmed(where: { $0.isPunctuation }) }
      .filter { !$0.isEmpty }
    let topic = Array(words.drop { isOpening($0) })
    return title(fromWords: topic.isEmpty ? words : topic)
  }

  /// Whether `word` opens a question without naming its topic (`c'è`, `cos'è` included).
  static func isOpening(_ word: String) -> Bool {
    let lowered = word.lowercased().replacingOccurrences(of: "’", with: "'")
    if openingWords.contains(lowered) { return true }
    let parts = lowered.split(separator: "'")
    return parts.count == 2 && parts.allSatisfy { openingWords.contains(String($0)) }
  }

  /// Whole words up to the length limit, trailing function words removed, capitalized.
  static func title(fromWords words: [String]) -> String {
    var kept: [String] = []
    var length = 0
    for word in words {
      let added = kept.isEmpty ? word.count : length + 1 + word.count
      if added > maximumLength { break }
      kept.append(word)
      length = added
    }
    while kept.count > 1, let last = kept.last, danglingWords.contains(last.lowercased()) {
      kept.removeLast()
    }
    if kept.isEmpty, let first = words.first {
      kept = [String(first.prefix(maximumLength))]
    }
    let title = kept.joined(separator: " ")
    return title.prefix(1).uppercased() + title.dropFirst()
  }
}
