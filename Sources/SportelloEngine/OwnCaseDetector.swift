import SportelloText

/// Recognises messages about the citizen's own case, and explicit requests for a person.
///
/// Own cases go to a person even when they name a topic: an FAQ cannot say where
/// one citizen's file stands. The signs, on normalized words:
/// - a number of at least 4 digits (or a code with at least 4 digits) after a
///   reference word (`prot. 88123`, `pratica n. 2025/123`, `numero 12345`), or any
///   code token with at least 5 digits;
/// - a date right after a word of filing (`la domanda del 3 marzo`, `richiesta il 10/11`);
/// - phrases about the citizen's own file or past dealings with the office:
///   `la mia pratica`, `il mio ricorso`, `a che punto è`, `mi avete mandato`, `ho fatto
///   domanda`, `è stata accettata`, `potete verificare` (but not `la mia domanda è ...`);
/// - questions only the citizen's file or the citizen's own judgement can answer:
///   `risulta ancora`, `a mio nome`, `il contributo che ho chiesto`, `ve l'hanno portato?`,
///   `mi conviene fare ricorso?`.
/// A word ending in `*` in a phrase matches any word with that beginning. Beyond these
/// fixed phrases, ``OwnCaseGrammar`` reads how citizens ask about a file in their own words.
enum OwnCaseDetector {
  /// Words after which a number is a reference to a file.
  static let referenceWords: Set<String> = [
    "prot", "protocollo", "pratica", "pratiche", "n", "nr", "num", "numero", "rif",
    "riferimento", "istanza", "ticket", "domanda", "richiesta", "fascicolo", "pg", "codice",
    "segnalazione", "verbale", "id",
  ]

  /// Words of filing after which a date points to the citizen's own file.
  static let filingWords: Set<String> = [
    "domanda", "richiesta", "richiesto", "presentata", "presentato", "inviata", "inviato",
    "protocollo", "pratica", "istanza", "segnalazione", "ricorso",
  ]

  /// Nouns of a file that, after "mio/mia/miei/mie", make it the citizen's own.
  static let caseNouns: Set<String> = [
    "pratica", "pratiche", "domanda", "richiesta", "ricorso", "istanza", "segnalazione",
    "posizione", "fascicolo", "scia", "cila", "decreto", "rimborso", "esposto", "caso",
    "situazione", "protocollo", "debito", "calcolo",
  ]

  /// Possessives of the first person.
  static let possessives: Set<String> = ["mia", "mio", "mie", "miei"]

  /// Word sequences about the citizen's own file or past dealings with the office.
  static let phrases: [[String]] = [
    ["a", "che", "punto"], ["che", "fine", "ha", "fatto"], ["stato", "della", "pratica"],
    ["numero", "di", "protocollo"], ["nessuno", "mi", "ha", "risposto"], ["mi", "avete"],
    ["ancora", "nessuna", "risposta"], ["non", "ho", "ancora", "ricevuto"],
    ["potete", "verificare"], ["potete", "controllare"], ["potreste", "verificare"],
    ["potreste", "controllare"], ["ho", "fatto", "domanda"], ["ho", "fatto", "richiesta"],
    ["ho", "presentato"], ["ho", "inviato"], ["ho", "gia", "pagato"], ["ho", "già", "pagato"],
    ["stata", "accettat*"], ["stata", "approvat*"], ["stata", "respint*"],
    ["stata", "protocollat*"], ["stato", "accettat*"], ["stato", "approvat*"],
    ["stato", "respint*"], ["stato", "protocollat*"], ["stato", "escluso"],
    ["stata", "esclusa"], ["sono", "stato", "escluso"], ["che", "posizione", "sono"],
    ["non", "è", "ancora", "arrivat*"], ["non", "e", "ancora", "arrivat*"],
    ["ancora", "non", "è", "arrivat*"], ["quando", "mi", "pagate"], ["mi", "rimborsate"],
    ["ho", "mandato"], ["ho", "spedito"], ["ho", "consegnato"], ["ho", "segnalato"],
    ["vi", "ho", "scritto"], ["potete", "annull*"], ["potreste", "annull*"],
    ["stata", "registrat*"], ["stato", "registrat*"], ["non", "ho", "ricevuto"],
    ["non", "ho", "avuto"], ["non", "mi", "è", "arrivat*"], ["non", "mi", "e", "arrivat*"],
    ["pagato", "due", "volte"], ["pagato", "2", "volte"], ["non", "è", "venut*"],
    ["non", "e", "venut*"], ["doveva", "venire"], ["dovevano", "venire"],
    ["in", "che", "posizione"],
    // What the office decided about the citizen's request.
    ["stata", "autorizzat*"], ["stato", "autorizzat*"], ["stata", "accolt*"],
    ["stato", "accolt*"], ["stata", "rilasciat*"], ["stato", "rilasciat*"],
    ["stata", "rifiutat*"], ["stato", "rifiutat*"], ["è", "confermat*"], ["e", "confermat*"],
    ["stato", "trascritt*"], ["stata", "trascritt*"], ["tra", "gli", "ammessi"],
    // What the citizen's records show, or should show by now.
    ["ancora", "a", "zero"], ["risulta", "ancora"], ["risultano", "ancora"],
    ["risulta", "non"], ["risultano", "non"], ["a", "mio", "nome"], ["intestat*", "a", "me"],
    // A request the citizen made, and its money.
    ["che", "ho", "chiesto"], ["che", "ho", "richiesto"], ["che", "abbiamo", "chiesto"],
    ["che", "abbiamo", "richiesto"], ["me", "lo", "pagate"], ["me", "li", "pagate"],
    ["ce", "lo", "pagate"], ["quando", "ci", "pagate"],
    // A payment of the citizen's that failed, or a message that may be a scam.
    ["andato", "in", "errore"], ["andata", "in", "errore"], ["mi", "sono", "usciti"],
    ["mi", "hanno", "addebitato"], ["è", "una", "truffa"], ["e", "una", "truffa"],
    // A call or a visit the citizen was promised.
    ["dovevano", "passare"], ["doveva", "passare"],
    ["non", "mi", "ha", "richiamat*"], ["non", "mi", "hanno", "richiamat*"],
    ["nessuno", "mi", "ha", "richiamat*"], ["mi", "doveva", "richiamare"],
    ["mi", "dovevate", "richiamare"], ["doveva", "richiamarmi"], ["dovevate", "richiamarmi"],
    ["mi", "richiamava"],
    // Whether the office received what the citizen lost ("qualcuno l'ha trovata?" stays a
    // question for the lost-property FAQ, which says how to ask the office).
    ["ve", "l", "hanno"], ["ve", "lo", "hanno"], ["ve", "la", "hanno"],
    ["l", "hanno", "portat*"], ["l", "hanno", "consegnat*"], ["l", "hanno", "riportat*"],
    // A visit or an inspection for the citizen.
    ["vigile", "è", "passato"], ["vigile", "e", "passato"], ["è", "passato", "il", "vigile"],
    ["e", "passato", "il", "vigile"], ["vigili", "sono", "passati"],
    ["venite", "a", "controllare"], ["venite", "a", "vedere"],
    // What the citizen still lacks.
    ["ancora", "non", "ci", "è"], ["ancora", "non", "ci", "e"], ["non", "ci", "è", "ancora"],
    ["non", "ci", "e", "ancora"],
    // Advice on the citizen's own choice, which no FAQ can give.
    ["mi", "conviene"], ["ci", "conviene"], ["conviene", "di", "più"],
    ["conviene", "di", "piu"],
    // A reason asked for what happened to the citizen, or what they were asked to pay.
    ["come", "mai"], ["cosa", "è", "successo"], ["cosa", "e", "successo"],
    ["che", "è", "successo"], ["cos", "è", "successo"], ["mi", "chiedete"],
    ["devo", "pagare", "io"], ["pago", "io"],
    // A collection or a bus that did not come (`un` is Tuscan for `non`: `un gli è passato`).
    ["non", "è", "passat*"], ["non", "e", "passat*"], ["un", "è", "passat*"],
    ["un", "e", "passat*"], ["non", "gli", "è", "passat*"], ["un", "gli", "è", "passat*"],
    ["non", "sono", "passati"],
    // The citizen's own payment or refusal, and papers sent for their file.
    ["io", "l", "ho"], ["io", "l", "avevo"], ["non", "la", "pago"], ["non", "lo", "pago"],
    ["vi", "mando"], ["vi", "invio"], ["già", "pagat*"], ["gia", "pagat*"],
    ["mi", "avevano", "detto"], ["mi", "avevate", "detto"],
    // A complaint, which a person answers.
    ["vergogna"], ["vergognatevi"], ["vergognoso"], ["schifo"], ["scandalo"], ["assurdo"],
    ["inaccettabile"], ["non", "è", "giusto"], ["non", "e", "giusto"],
    ["la", "terza", "volta"], ["è", "sempre", "rotto"], ["e", "sempre", "rotto"],
    ["chi", "è", "il", "responsabile"], ["chi", "e", "il", "responsabile"], ["eppure"],
    // Something of the citizen's on its way, or owed by them.
    ["quando", "mi", "arriva"], ["quando", "mi", "arrivano"], ["sono", "indietro"],
    ["stato", "adottat*"], ["stata", "adottat*"], ["l", "hanno", "lasciat*"],
    ["arriva", "ancora"], ["arrivano", "ancora"], ["a", "che", "posto"],
    // Money the office owes the citizen, and what the citizen already asked or paid.
    ["mi", "ridate"], ["ci", "ridate"], ["ridatemi"], ["rimborsatemi"], ["ho", "chiesto"],
    ["ho", "richiesto"], ["ho", "chiamato"], ["abbiamo", "chiamato"], ["io", "ho", "pagat*"],
    ["io", "la", "pago"], ["io", "lo", "pago"], ["ho", "la", "ricevuta"],
    ["avevamo", "chiesto"], ["avevo", "chiesto"], ["abbiamo", "chiesto"],
    // The citizen's own standing, which only their file shows.
    ["sono", "in", "regola"], ["siamo", "in", "regola"], ["ho", "da", "pagare"],
    ["devo", "ancora", "pagare"], ["non", "risulto"], ["non", "risultiamo"], ["mi", "spiegate"],
    // What was due and has not come.
    ["doveva", "arrivar*"], ["è", "ancora", "lì"], ["e", "ancora", "li"], ["è", "ancora", "li"],
    ["quando", "viene", "il", "vigile"], ["quando", "passa", "il", "vigile"],
  ]

  /// The indices of `phrases` by the phrase's first word (none starts with a `*` pattern).
  static let phrasesByFirstWord: [String: [Int]] = Dictionary(
    grouping: phrases.indices, by: { phrases[$0][0] })

  /// The lists of ``phrasesByFirstWord``, numbered by ``phraseListNumbers``.
  static let phraseLists: [[Int]] = phraseListTables.lists

  /// The number of each list of ``phrasesByFirstWord`` in ``phraseLists``, by the bytes
  /// of every ASCII string equal to its first word: most first words are ASCII, and are
  /// found without hashing them with SipHash.
  static let phraseListNumbers: ASCIIKeyTable = phraseListTables.numbers

  /// ``phraseLists`` and ``phraseListNumbers``, made together.
  private static let phraseListTables: (lists: [[Int]], numbers: ASCIIKeyTable) = {
    var lists: [[Int]] = []
    var numbers = ASCIIKeyTable()
    // The numbering follows the dictionary's order, which differs from run to run; what a
    // lookup finds does not.
    for (word, list) in phrasesByFirstWord {
      numbers.insertASCIIForm(of: word, value: Int32(lists.count))
      lists.append(list)
    }
    return (lists, numbers)
  }()

  /// The indices of the phrases that start with `word`, ascending.
  static func phrases(startingWith word: String) -> [Int] {
    switch phraseListNumbers.lookup(word) {
    case .found(let number): return phraseLists[Int(number)]
    case .absent: return []
    case .notASCII: return phrasesByFirstWord[word] ?? []
    }
  }

  /// Words that, right after `mia domanda`, make it a question rather than a file.
  static let questionFollowers: Set<String> = ["e", "è", "era", "sarebbe", "riguarda"]

  /// The evidence that `tokens` speak of the citizen's own case, or nil.
  static func ownCaseEvidence(in tokens: [Token]) -> String? {
    ownCaseEvidence(in: tokens, reading: OwnCaseReading(tokens))
  }

  /// The evidence that `tokens` speak of the citizen's own case, or nil, with the
  /// tokens' reading already made.
  static func ownCaseEvidence(in tokens: [Token], reading: OwnCaseReading) -> String? {
    let words = reading.words
    // Tokens are read by index: binding each one would copy it, with its strings, and most
    // are words, which this pass skips.
    for index in tokens.indices where tokens[index].kind != .word {
      let token = tokens[index]
      let before = max(0, index - 3)..<index
      if token.kind == .date, before.contains(where: { reading.word($0, is: .filing) }) {
        return "date '\(token.surface)' of a filing"
      }
      // A school year (`iscrizioni 2027/28`) names a period, not a file; a number after
      // `legge` or `L.` names a law (`accesso ai documenti ex L. 241/1990`).
      if isSchoolYear(token.folded) { continue }
      if index > 0, lawWords.contains(words[index - 1]) { continue }
      let digits = digitCount(token.folded)
      if token.kind == .code, digits >= 5 { return "reference '\(token.surface)'" }
      // A number plate names the citizen's own vehicle (`il permesso della targa FG123XY`).
      if token.kind == .code, index > 0, words[index - 1] == "targa" {
        return "plate '\(token.surface)'"
      }
      guard token.kind == .number || token.kind == .code || token.kind == .date, digits >= 4
      else { continue }
      if token.kind == .number, let year = Int(token.folded), (1900...2099).contains(year) {
        // A year ("domanda asilo nido 2027") unless it directly follows a number word.
        if index > 0, ["n", "nr", "num", "numero", "prot", "protocollo"].contains(words[index - 1])
        {
          return "reference '\(token.surface)'"
        }
        continue
      }
      if before.contains(where: { reading.word($0, is: .reference) }) {
        return "reference '\(token.surface)'"
      }
    }
    for index in words.indices.dropLast() where reading.word(index, is: .possessive) {
      guard reading.word(index + 1, is: .caseNoun) else { continue }
      let noun = words[index + 1]
      if noun == "domanda", index + 2 < words.count,
        reading.word(index + 2, is: .questionFollower)
      {
        continue
      }
      return "phrase '\(words[index]) \(noun)'"
    }
    // The evidence names the phrase listed first in `phrases` among those found.
    var found: Int?
    for start in words.indices where reading.word(start, is: .phraseStart) {
      let word = words[start]
      for number in phrases(startingWith: word) where number < found ?? phrases.count {
        // The first word is the one looked up: the match is read from the second.
        let phrase = compiledPhrases[number]
        guard start + phrase.count <= words.count else { continue }
        let rest = 1..<max(1, phrase.count)
        let matched = rest.allSatisfy { phrase[$0].matches(words[start + $0]) }
        if matched, !isInATimeClause(start, words) { found = number }
      }
    }
    if let found { return "phrase '\(phrases[found].joined(separator: " "))'" }
    return citizenContradiction(words) ?? OwnCaseGrammar.evidence(in: reading)
  }

  /// Words after which a number names a law, not a file.
  static let lawWords: Set<String> = ["l", "legge", "dpr", "dlgs", "lgs", "art", "articolo"]

  /// Words after which `io` sets the citizen's own facts against the office's
  /// (`ma io il permesso ce l'avevo`, `però io abito qui`).
  static let contradictingWords: Set<String> = ["ma", "però", "pero"]

  /// `ma io il permesso ce l'avevo valido`: the citizen's own facts against what the office
  /// did or sent, which only a person can weigh. Not when the citizen asks again (`ma io non
  /// ho capito`) or asks what they may or must do (`ma io posso venire sabato?`).
  static func citizenContradiction(_ words: [String]) -> String? {
    for index in words.indices.dropFirst()
    where words[index] == "io" && contradictingWords.contains(words[index - 1]) {
      let next = words[(index + 1)...].prefix(3)
      if next.contains("capito") || next.contains("capisco") { continue }
      if let verb = next.first, ["posso", "devo", "dovrei", "potrei"].contains(verb) { continue }
      return "'\(words[index - 1]) io'"
    }
    return nil
  }

  /// Whether `text` is a year and the next one, as a school year is written: `2027/28`,
  /// `2026/2027`, `2026-27`.
  static func isSchoolYear(_ text: String) -> Bool {
    let parts = text.split(maxSplits: 2) { $0 == "/" || $0 == "-" }
    guard parts.count == 2, parts[0].count == 4, let first = Int(parts[0]),
      (1900...2099).contains(first), let second = Int(parts[1])
    else { return false }
    switch parts[1].count {
    case 2: return second == (first + 1) % 100
    case 4: return second == first + 1
    default: return false
    }
  }

  /// Whether the phrase at `start` is in a clause of time (`dopo che ho chiesto la
  /// residenza, passa il vigile?`, `una volta che ho presentato la domanda`): the citizen
  /// asks what follows a step, in general, not where their own file stands.
  static func isInATimeClause(_ start: Int, _ words: [String]) -> Bool {
    let clauseStart = words[start] == "che" ? start : start - 1
    guard clauseStart >= 1, words[clauseStart] == "che" else { return false }
    return words[clauseStart - 1] == "dopo" || words[clauseStart - 1] == "volta"
  }

  /// How many digits `text` has (ASCII ones read as bytes, others as characters).
  private static func digitCount(_ text: String) -> Int {
    var count = 0
    for byte in text.utf8 {
      guard byte < 0x80 else { return text.reduce(0) { $0 + ($1.isNumber ? 1 : 0) } }
      if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { count += 1 }
    }
    return count
  }

  /// A token's folded form before typo correction: a real word the rules do not
  /// know ("verificare") must not be read as the rule word it was corrected to.
  static func uncorrected(_ token: Token) -> String {
    for change in token.changes {
      if case .correctedTypo(let from) = change { return from.lowercased() }
    }
    return token.folded
  }

  /// A word of a phrase: a word to equal, or the beginning of one (`arrivat*`).
  struct PhraseWord: Sendable {
    /// The word, or its beginning without the `*`.
    let text: String
    /// Whether any word that begins with `text` matches.
    let isBeginning: Bool

    /// Reads a phrase word as ``phrases`` writes it.
    init(_ pattern: String) {
      isBeginning = pattern.hasSuffix("*")
      text = isBeginning ? String(pattern.dropLast()) : pattern
    }

    /// Whether `word` matches (`arrivat*` matches `arrivata`).
    @inline(__always)
    func matches(_ word: String) -> Bool { isBeginning ? word.hasPrefix(text) : word == text }
  }

  /// ``phrases`` read once into ``PhraseWord``s: every message is read for them.
  static let compiledPhrases: [[PhraseWord]] = phrases.map { $0.map(PhraseWord.init) }

  /// Words that ask for a person on their own.
  static let personWords: Set<String> = [
    "operatore", "operatrice", "operatori", "umano", "umana",
  ]

  /// Verbs that, before one of ``people``, ask to talk to a person (`parlare con qualcuno`,
  /// `mi fate chiamare da un impiegato?`).
  static let talkingVerbs: Set<String> = ["parlare", "chiamare", "richiamare", "sentire"]

  /// Who a citizen may ask to talk to ("parlare con qualcuno").
  static let people: Set<String> = ["qualcuno", "persona", "impiegato", "impiegata"]

  /// Whether `tokens` ask explicitly for a person ("voglio parlare con un operatore").
  static func requestsPerson(_ tokens: [Token]) -> Bool {
    requestsPerson(OwnCaseReading(tokens))
  }

  /// Whether a message of this reading asks explicitly for a person.
  static func requestsPerson(_ reading: OwnCaseReading) -> Bool {
    guard reading.contains([.personWord, .person]) else { return false }
    if reading.contains(.personWord) { return true }
    let words = reading.words
    for index in words.indices.dropLast() where reading.word(index, is: .person) {
      if words[index] == "persona", ["vera", "reale", "fisica"].contains(words[index + 1]) {
        return true
      }
    }
    for index in words.indices where talkingVerbs.contains(words[index]) {
      let after = index + 1..<min(words.count, index + 5)
      if after.contains(where: { reading.word($0, is: .person) }) { return true }
    }
    return false
  }
}
