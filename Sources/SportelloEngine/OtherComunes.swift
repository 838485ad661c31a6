/// The other Comuni a rule set names (`[altri_comuni]` in sinonimi.txt), to recognise a
/// message about another Comune's office, tax or rules: `la tari di Montevarchi`, `telefono
/// anagrafe di Sansepolcro`, `una multa in ztl a Firenze`.
///
/// Arezzo's FAQs cannot answer those, and answering one with Arezzo's rules would be wrong,
/// so such a message goes to a person. A message that also names Arezzo (`mi trasferisco ad
/// Arezzo da Cortona`) or says "qui" is about Arezzo; so is one where the place is only
/// where someone lives or studies (`mio figlio studia a Bologna`); a name after any other
/// word (`vengo da Siena`) does not count.
struct OtherComunes: Sendable {
  /// Each name's folded words, by its first word, longest names first so that `civitella
  /// in val di chiana` is found whole before `civitella`. Every message is read for them, so
  /// a word is hashed only when it follows a place word.
  private var namesByFirstWord: [String: [[String]]] = [:]

  /// How many words the longest name has.
  private var longestName = 0

  /// Names that are also Italian words (`il concerto al Prato`, `in massa`): they count only
  /// after a place word.
  static let namesThatAreWords: Set<String> = ["prato", "massa"]

  /// The words before a name that make it the place a question is about.
  static let placeWords: Set<String> = ["di", "a", "ad", "in"]

  /// Words before `a`/`in` that make the place where a person lives, studies, works or was
  /// born (`mio figlio studia a Bologna`, `sono residente a Cortona`): such a person may well
  /// ask about Arezzo. After `di` a place is always the subject (`la tari di Siena`).
  static let personalPlaceWords: Set<String> = [
    "vive", "vivo", "viviamo", "vivono", "abita", "abito", "abitiamo", "abitano", "studia",
    "studio", "studiano", "lavora", "lavoro", "lavoriamo", "lavorano", "nato", "nata", "nati",
    "nate", "residente", "residenti", "sono", "siamo", "è", "e", "sta", "stanno", "domiciliato",
    "domiciliata",
  ]

  /// Words before `a`/`in` that make the place one the citizen moves to (`ci trasferiamo a
  /// Bologna, come si disdice la mensa?`), unless the message asks about it with "lì" (`mi
  /// trasferisco a Siena, come funziona lì la residenza?`).
  static let movingWords: Set<String> = [
    "trasferisco", "trasferiamo", "trasferisce", "trasferiscono", "trasferito", "trasferita",
    "trasferiti", "trasferirmi", "trasferirci", "trasloco", "traslochiamo",
  ]

  /// Words that point at the place named (`lì`, `là`).
  static let thereWords: Set<String> = ["lì", "li", "là", "la'", "lí"]

  /// Words for the Comune whose FAQs these are: a message with one is about it (`mi
  /// trasferisco a Perugia, la tari qui come la chiudo?`).
  static let homeWords: Set<String> = ["arezzo", "qui", "qua"]

  /// Reads the names as the rules wrote them (any case, several words allowed; place names
  /// are written without accents, so lowercasing folds them as messages are folded).
  init(_ names: [String]) {
    let split = names.map { name in
      name.lowercased().split(whereSeparator: { $0 == " " || $0 == "'" }).map(String.init)
    }
    for name in split.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
      namesByFirstWord[name[0], default: []].append(name)
      longestName = max(longestName, name.count)
    }
  }

  /// Every word of the names, for the analyzer to protect from typo correction.
  var words: [String] { namesByFirstWord.values.flatMap { $0.flatMap { $0 } }.sorted() }

  /// Whether `word` is one of ``placeWords``; most words are longer than any of them and
  /// are not hashed, since this runs for every word of every message.
  private static func isPlaceWord(_ word: String) -> Bool {
    word.utf8.count <= 2 && placeWords.contains(word)
  }

  /// The place word and name that make `words` a message about another Comune, or nil.
  ///
  /// A name with no place word before it counts as the first or last words of the message
  /// (`Lucignano ufficio tecnico dove si trova?`, `calendario raccolta Sansepolcro`), unless
  /// it follows `da` (`vengo da Siena`).
  ///
  /// - Parameter words: The message's folded words (``OwnCaseReading/words``).
  func mention(in words: [String]) -> String? {
    guard !namesByFirstWord.isEmpty else { return nil }
    if let bare = bareMention(in: words) {
      return words.contains(where: OtherComunes.homeWords.contains) ? nil : "'\(bare)'"
    }
    for start in words.indices.dropFirst() where OtherComunes.isPlaceWord(words[start - 1]) {
      guard let names = namesByFirstWord[words[start]] else { continue }
      if words[start - 1] != "di", start >= 2 {
        let before = words[start - 2]
        if OtherComunes.personalPlaceWords.contains(before) { continue }
        if OtherComunes.movingWords.contains(before),
          !words.contains(where: OtherComunes.thereWords.contains)
        {
          continue
        }
      }
      for name in names where start + name.count <= words.count {
        guard words[start..<start + name.count].elementsEqual(name) else { continue }
        // Checked last, since few messages get this far.
        if words.contains(where: OtherComunes.homeWords.contains) { return nil }
        return "'\(words[start - 1]) \(name.joined(separator: " "))'"
      }
    }
    return nil
  }

  /// A name that opens or closes `words` without a place word before it, or nil.
  private func bareMention(in words: [String]) -> String? {
    guard let first = words.first else { return nil }
    for name in namesByFirstWord[first] ?? [] where words.starts(with: name) {
      if name.count > 1 || !OtherComunes.namesThatAreWords.contains(first) {
        return name.joined(separator: " ")
      }
    }
    // The names that end with the last word: each starts a few words from the end.
    for start in max(1, words.count - longestName)..<max(1, words.count) {
      guard !OtherComunes.isPlaceWord(words[start - 1]), words[start - 1] != "da",
        let names = namesByFirstWord[words[start]]
      else { continue }
      for name in names where words[start...].elementsEqual(name) {
        if name.count > 1 || !OtherComunes.namesThatAreWords.contains(name[0]) {
          return name.joined(separator: " ")
        }
      }
    }
    return nil
  }
}
