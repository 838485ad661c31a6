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

  /// Each name's folded words, by its last word, for a name that closes a message.
  private var namesByLastWord: [String: [[String]]] = [:]

  /// The lists of ``namesByFirstWord`` and ``namesByLastWord``, numbered.
  private var nameLists: [[[String]]] = []

  /// The keys of ``namesByFirstWord`` and of ``namesByLastWord`` by the bytes of their
  /// ASCII forms, with the number of their list: most messages' first and last words are
  /// ASCII and name no Comune, and these tables tell so without hashing them with SipHash.
  private var firstWords = ASCIIKeyTable()
  private var lastWords = ASCIIKeyTable()

  /// How many bytes the shortest first or last word of a name has: a shorter word is no
  /// name, and is not hashed.
  private var shortestEnd = Int.max

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
      namesByLastWord[name[name.count - 1], default: []].append(name)
      shortestEnd = min(shortestEnd, name[0].utf8.count, name[name.count - 1].utf8.count)
    }
    for (word, names) in namesByFirstWord {
      firstWords.insertASCIIForm(of: word, value: Int32(nameLists.count))
      nameLists.append(names)
    }
    for (word, names) in namesByLastWord {
      lastWords.insertASCIIForm(of: word, value: Int32(nameLists.count))
      nameLists.append(names)
    }
  }

  /// The names whose first word is `word`, longest first.
  private func names(startingWith word: String) -> [[String]]? {
    names(under: word, in: namesByFirstWord, front: firstWords)
  }

  /// The names whose last word is `word`, longest first.
  private func names(endingWith word: String) -> [[String]]? {
    names(under: word, in: namesByLastWord, front: lastWords)
  }

  /// The names in `byWord` (one of the two dictionaries) under `word`, through `front`
  /// (its front table).
  private func names(
    under word: String, in byWord: [String: [[String]]], front: ASCIIKeyTable
  ) -> [[String]]? {
    switch front.lookup(word) {
    case .found(let number): return nameLists[Int(number)]
    case .absent: return nil
    case .notASCII: return byWord[word]
    }
  }

  /// Every word of the names, for the analyzer to protect from typo correction.
  var words: [String] { namesByFirstWord.values.flatMap { $0.flatMap { $0 } }.sorted() }

  /// Whether `word` is one of ``placeWords``, compared rather than hashed, since this runs
  /// for every word of every message.
  static func isPlaceWord(_ word: String) -> Bool {
    word.utf8.count <= 2 && (word == "di" || word == "a" || word == "ad" || word == "in")
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
      guard let names = names(startingWith: words[start]) else { continue }
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
    guard let first = words.first, let last = words.last else { return nil }
    func counts(_ name: [String]) -> Bool {
      name.count > 1 || !OtherComunes.namesThatAreWords.contains(name[0])
    }
    if first.utf8.count >= shortestEnd {
      for name in names(startingWith: first) ?? [] where words.starts(with: name) && counts(name) {
        return name.joined(separator: " ")
      }
    }
    guard last.utf8.count >= shortestEnd else { return nil }
    for name in names(endingWith: last) ?? [] where name.count < words.count {
      let start = words.count - name.count
      guard words[start...].elementsEqual(name), counts(name) else { continue }
      let before = words[start - 1]
      if !OtherComunes.isPlaceWord(before), before != "da" { return name.joined(separator: " ") }
    }
    return nil
  }
}
