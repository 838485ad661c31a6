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

  /// Openings that say nothing about the topic, longest first.
  static let openings: [String] = [
    "cosa devo fare per", "cosa bisogna fare per", "che cosa devo fare per",
    "come devo fare per", "come si fa a", "come si fa per", "come faccio a", "come faccio per",
    "come posso", "come si puo", "come si può", "è possibile", "e possibile", "e' possibile",
    "posso", "come si", "vorrei sapere", "vorrei", "come", "quando", "dove", "cosa", "quali",
    "quale", "qual è", "qual e", "quanto", "quanti", "perché", "perche", "chi",
  ]

  /// Words a title should not end with.
  static let danglingWords: Set<String> = [
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "a", "da", "in", "con", "su",
    "per", "tra", "fra", "e", "o", "del", "dello", "della", "dei", "degli", "delle", "al",
    "allo", "alla", "ai", "agli", "alle", "dal", "dalla", "dai", "nel", "nella", "nei", "sul",
    "sulla", "che", "se", "mi", "si", "ci", "ne", "è", "sono", "the", "of", "to", "and",
  ]

  /// The title for `question`, at most ``maximumLength`` characters, on word boundaries
  /// (a single longer word is cut).
  public static func title(from question: String) -> String {
    var words = question.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    let original = words
    if let opening = openings.first(where: { startsWith(words, $0) }) {
      words.removeFirst(opening.split(separator: " ").count)
    }
    words = words.map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
    if words.isEmpty {
      words = original.map { $0.trimmingCharacters(in: .punctuationCharacters) }
        .filter { !$0.isEmpty }
    }
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

  /// Whether `words` start with the words of `phrase`, ignoring case and punctuation.
  static func startsWith(_ words: [String], _ phrase: String) -> Bool {
    let phraseWords = phrase.split(separator: " ")
    guard words.count > phraseWords.count else { return false }
    return zip(words, phraseWords).allSatisfy { word, expected in
      word.lowercased().trimmingCharacters(in: .punctuationCharacters) == expected
    }
  }
}
