/// How citizens ask, in their own words, where their own file stands: the signs that
/// fixed phrases cannot list, read on the words and roles of an ``OwnCaseReading``.
///
/// - a word of progress or of wrongness near a first-person possessive: `il mio passaporto è
///   pronto?`, `nell'atto di nascita di mio figlio la data è sbagliata`,
///   `è stata registrata la nascita di mio figlio?`, `mio figlio è in graduatoria`;
/// - the office's own past action, `avete` and a past participle: `avete ricevuto la mia
///   pec?`, `li avete visti?`, `lo avete già rinnovato?`;
/// - a request to confirm: `mi confermate l'appuntamento?`;
/// - time spent waiting: `attendo da gennaio`, `sono 3 mesi che aspetto`, `è passato un
///   mese e non è venuto nessuno` (a span of time needs a word of waiting beside it: `sono
///   10 anni che abito ad Arezzo` is no file);
/// - something that should have happened and has not: `non è ancora passato`, `ancora
///   niente`, `nessuno è venuto`, `non risulta`;
/// - a place in a ranking: `siamo in posizione 14`, `siamo al posto 12 della graduatoria`;
/// - something others did to the citizen: `mi hanno respinto la domanda`, `mi hanno tolto
///   la dieta`;
/// - a letter or bill received, asked about with a "why" or called wrong: `perché mi è
///   arrivata questa multa?`, `la tari mi è arrivata doppia`.
///
/// Each sign costs a citizen with a general question an answer from a person instead of
/// the FAQ; each miss gives a citizen waiting on a file an FAQ that cannot help. The
/// second is the worse outcome, so the signs lean towards handing over.
enum OwnCaseGrammar {
  /// Words of a file's progress that, near `mio`/`mia`/`miei`/`mie`, make it the
  /// citizen's own file. `ricevuto` is not one: `ho ricevuto la mia prima multa, come
  /// pago?` is a general question.
  static let progressWords: Set<String> = [
    "pronto", "pronta", "pronti", "pronte", "arrivato", "arrivata", "arrivati", "arrivate",
    "arriva", "arrivano",
    "registrato", "registrata", "registrati",
    "rinnovato", "rinnovata", "rinnovati", "confermato", "confermata", "ammesso", "ammessa",
    "ammessi", "graduatoria", "spedito", "spedita", "lavorazione", "esito", "evasa", "evaso",
  ]

  /// How many words apart a possessive and a word of progress may be.
  static let possessiveReach = 6

  /// Adverbs that may stand between `avete` and its participle (`avete già visto`).
  static let adverbs: Set<String> = [
    "gia", "già", "ancora", "mica", "poi", "forse", "anche", "pure", "davvero", "per", "caso",
  ]

  /// Past participles that do not end like regular ones.
  static let irregularParticiples: Set<String> = [
    "visto", "vista", "visti", "viste", "fatto", "fatta", "fatti", "fatte", "preso", "presa",
    "presi", "prese", "messo", "messa", "messi", "letto", "letta", "letti", "lette", "scritto",
    "risposto", "chiesto", "chiesta", "detto", "aperto", "aperta", "chiuso", "chiusa", "perso",
    "persa", "corretto", "corretta", "tolto", "tolta", "tolti", "tolte",
  ]

  /// The endings of regular past participles (`ricevuto`, `sistemata`, `spedite`).
  static let participleEndings = [
    "ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite",
  ]

  /// Participles that say something about the office, a call for applications or
  /// the lost-property office (`avete trovato un portafoglio?`), not about one
  /// citizen's file.
  static let publicParticiples: Set<String> = [
    "aperto", "aperta", "aperti", "aperte", "uscito", "uscita", "usciti", "uscite",
    "pubblicato", "pubblicata", "pubblicati", "pubblicate", "iniziato", "iniziata", "iniziati",
    "iniziate", "partito", "partita", "partiti", "partite", "trovato", "trovata", "trovati",
    "trovate", "cambiato", "cambiati", "spostato", "spostata", "spostati", "chiuso", "chiusa",
    "chiusi", "chiuse",
  ]

  /// Participles that, after `non … ancora`, say nothing of a file's progress (`le
  /// iscrizioni non sono ancora aperte`, `non ho ancora capito`) or only lead to the
  /// participle that counts (`non è ancora stata registrata`).
  static let impersonalParticiples: Set<String> = publicParticiples.union([
    "scaduto", "scaduta", "scaduti", "scadute", "stato", "stata", "stati", "state", "capito",
    "deciso", "fatto", "fatta", "fatti", "fatte",
  ])

  /// Words asking the office to confirm something to the citizen.
  static let confirmationWords: Set<String> = ["confermatemi", "confermarmi", "confermami"]

  /// Forms of "confermare", "controllare" and "verificare" that ask the office to confirm
  /// or check something after a pronoun (`mi confermate`, `me lo controllate`); alone
  /// (`confermate che la tari scade il 16?`) they ask about a rule.
  static let confirmingVerbs: Set<String> = [
    "confermate", "confermereste", "confermi", "controllate", "controllereste", "verificate",
    "verifichereste",
  ]

  /// Pronouns before a confirming verb that make the confirmation the citizen's.
  static let confirmationPronouns: Set<String> = [
    "mi", "me", "ci", "ce", "lo", "la", "li", "le", "l",
  ]

  /// First-person words of waiting.
  static let waitingWords: Set<String> = [
    "aspetto", "attendo", "aspettiamo", "attendiamo", "aspettando", "attendendo",
  ]

  /// Words after a waiting word that make it "expecting" (`aspetto un bambino`).
  static let expectedChildren: Set<String> = [
    "bambino", "bambina", "bimbo", "bimba", "figlio", "figlia", "gemelli",
  ]

  /// Words that make a span of time one of waiting (`sono due settimane che ho prenotato e
  /// nessuno è venuto`) rather than of living (`sono 10 anni che abito ad arezzo`).
  static let waitingContext: Set<String> = [
    "non", "nessuno", "ancora", "niente", "nulla", "mai", "aspettare", "attesa", "aspetto",
    "attendo", "aspettiamo", "attendiamo", "aspettando", "attendendo",
  ]

  /// Units of time spent waiting.
  static let timeUnits: Set<String> = [
    "giorno", "giorni", "settimana", "settimane", "mese", "mesi", "anno", "anni",
  ]

  /// Words for an amount of time (`sono *due* settimane che`), besides numbers.
  static let amounts: Set<String> = [
    "un", "uno", "una", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
    "dieci", "quindici", "venti", "trenta", "qualche", "molti", "molte", "tanti", "tante",
    "diversi", "diverse", "parecchi", "parecchie", "più", "piu",
  ]

  /// Word sequences of something awaited that has not happened.
  static let nothingHappened: [[String]] = [
    ["ancora", "niente"], ["ancora", "nulla"], ["nessuna", "notizia"], ["nessuna", "novità"],
    ["nessuno", "è", "venuto"], ["nessuno", "e", "venuto"], ["nessuno", "è", "passato"],
    ["nessuno", "e", "passato"], ["non", "risulta"], ["non", "risultano"],
    ["non", "mi", "risulta"], ["non", "mi", "risultano"],
  ]

  /// The words that start a sign by name.
  /// (``questionedArrival(_:)`` starts on `arrivata`, a word of progress.)
  static let startWords: Set<String> = ["avete", "non", "posizione", "posto", "hanno", "ha"]

  /// Words that ask why something happened (`perché mi è arrivata questa multa?`), besides
  /// `come mai`.
  static let reasonWords: Set<String> = ["perché", "perche", "perchè"]

  /// Words that say a bill or a letter that came was wrong (`mi è arrivata doppia`).
  static let wrongnessWords: Set<String> = [
    "doppia", "doppio", "doppie", "doppi", "sbagliata", "sbagliato", "sbagliate", "sbagliati",
    "errata", "errato", "altissima", "altissimo", "uguali", "identici", "identiche",
  ]

  /// Words that make a place number one of a ranking (`siamo al posto 12 della graduatoria`).
  static let rankingWords: Set<String> = ["graduatoria", "graduatorie", "classifica", "lista"]

  /// The evidence that the words of `reading` speak of the citizen's own case, or nil.
  static func evidence(in reading: OwnCaseReading) -> String? {
    // One test of the words' roles spares most messages the signs' own passes.
    guard reading.contains(OwnCaseRoles.grammarTriggers) else { return nil }
    return progressNearPossessive(reading) ?? officeAction(reading)
      ?? confirmationRequest(reading) ?? waiting(reading) ?? somethingAwaited(reading)
      ?? rankingPlace(reading.words) ?? doneToTheCitizen(reading) ?? questionedArrival(reading)
  }

  /// `perché mi è arrivata questa multa?`, `la tari mi è arrivata doppia`: a letter or a
  /// bill the citizen received, asked about with a "why" or called wrong. Without either
  /// (`mi è arrivata una multa, come la pago?`) the question is a general one.
  static func questionedArrival(_ reading: OwnCaseReading) -> String? {
    let words = reading.words
    for index in words.indices.dropFirst().dropLast()
    where words[index - 1] == "mi" || words[index - 1] == "ci" {
      guard ["è", "e", "sono"].contains(words[index]), words[index + 1].hasPrefix("arrivat")
      else { continue }
      let arrival = "'\(words[index - 1]) \(words[index]) \(words[index + 1])'"
      let why = words.indices.first { position in
        reasonWords.contains(words[position])
          || (words[position] == "mai" && position > 0 && words[position - 1] == "come")
      }
      if let why { return "\(arrival) with '\(words[why])'" }
      let after = index + 2..<min(words.count, index + 7)
      if let wrong = after.first(where: { wrongnessWords.contains(words[$0]) }) {
        return "\(arrival) with '\(words[wrong])'"
      }
    }
    return nil
  }

  /// What others may have done to a citizen that an FAQ answers (`mi hanno rubato la carta
  /// d'identità`, `mi hanno multato, come contesto?`), unlike what an office did to their
  /// file.
  static let eventParticiples: Set<String> = [
    "rubato", "rubata", "rubati", "rubate", "scippato", "scippata", "multato", "multata",
    "detto", "consigliato", "consigliata", "spiegato", "notificato", "notificata", "lasciato",
    "lasciata", "fregato", "fregata", "fregati", "fregate", "licenziato", "licenziata",
  ]

  /// `mi hanno bocciato la richiesta`, `la mensa mi ha addebitato 8 pasti`: `mi hanno` or
  /// `mi ha` and a past participle.
  static func doneToTheCitizen(_ reading: OwnCaseReading) -> String? {
    let words = reading.words
    for index in words.indices.dropFirst() where words[index] == "hanno" || words[index] == "ha" {
      guard words[index - 1] == "mi" || words[index - 1] == "ci" else { continue }
      var next = index + 1
      while next < words.count, reading.word(next, is: .adverb) { next += 1 }
      if next < words.count, isParticiple(words[next], reading.roles[next]),
        !reading.word(next, is: .publicParticiple), !eventParticiples.contains(words[next])
      {
        return "'\(words[index - 1]) \(words[index]) \(words[next])'"
      }
    }
    return nil
  }

  /// `il mio passaporto è pronto?`, `la data di mio figlio è sbagliata`: a word of progress
  /// or of wrongness near a possessive.
  static func progressNearPossessive(_ reading: OwnCaseReading) -> String? {
    let words = reading.words
    for index in words.indices where reading.word(index, is: [.progress, .wrongness]) {
      // What came to the citizen (`mi è arrivato un verbale, ma guidava mio figlio`) is
      // read by ``questionedArrival(_:)``: it is the citizen's own file only when asked
      // about with a "why" or called wrong.
      if index >= 2, words[index].hasPrefix("arrivat"), ["mi", "ci"].contains(words[index - 2]),
        ["è", "e", "sono"].contains(words[index - 1])
      {
        continue
      }
      let reach = max(0, index - possessiveReach)...min(words.count - 1, index + possessiveReach)
      if let possessive = reach.first(where: { reading.word($0, is: .possessive) }) {
        return "'\(words[possessive])' with '\(words[index])'"
      }
    }
    return nil
  }

  /// `li avete visti?`: `avete`, any adverbs, then a past participle.
  static func officeAction(_ reading: OwnCaseReading) -> String? {
    let words = reading.words
    for index in words.indices where words[index] == "avete" {
      var next = index + 1
      while next < words.count, reading.word(next, is: .adverb) { next += 1 }
      if next < words.count, isParticiple(words[next], reading.roles[next]),
        !reading.word(next, is: .publicParticiple)
      {
        return "'avete \(words[next])'"
      }
    }
    return nil
  }

  /// `mi confermate l'appuntamento?`: a request to confirm.
  static func confirmationRequest(_ reading: OwnCaseReading) -> String? {
    let words = reading.words
    for index in words.indices where reading.word(index, is: [.confirmation, .confirmingVerb]) {
      if reading.word(index, is: .confirmation) { return "'\(words[index])'" }
      if index > 0, reading.word(index - 1, is: .confirmationPronoun) {
        return "'\(words[index - 1]) \(words[index])'"
      }
    }
    return nil
  }

  /// `sono 3 mesi che aspetto`, `è passato un mese e nessuno`: time spent waiting.
  static func waiting(_ reading: OwnCaseReading) -> String? {
    let words = reading.words
    for index in words.indices where reading.word(index, is: .waiting) {
      let expecting =
        index + 2 < words.count && ["un", "una", "due", "dei"].contains(words[index + 1])
        && reading.word(index + 2, is: .expectedChild)
      if !expecting { return "'\(words[index])'" }
    }
    guard reading.contains(.waitingContext) else { return nil }
    for index in words.indices where reading.word(index, is: .timeUnit) {
      guard index > 0, isAmount(words[index - 1], reading.roles[index - 1]) else { continue }
      if index >= 2, ["sono", "è"].contains(words[index - 2]), index + 1 < words.count,
        words[index + 1] == "che"
      {
        return "'\(words[index - 2...index + 1].joined(separator: " "))'"
      }
      let around = max(0, index - 3)..<min(words.count, index + 3)
      if let passed = around.first(where: { words[$0].hasPrefix("passat") }) {
        return "'\(words[passed])' with '\(words[index - 1]) \(words[index])'"
      }
    }
    return nil
  }

  /// `non è ancora passato`, `ancora niente`: something awaited that has not happened.
  static func somethingAwaited(_ reading: OwnCaseReading) -> String? {
    let words = reading.words
    for start in words.indices where reading.word(start, is: .nothingStart) {
      for phrase in nothingHappened
      where phrase[0] == words[start] && start + phrase.count <= words.count {
        if words[start..<start + phrase.count].elementsEqual(phrase) {
          return "'\(phrase.joined(separator: " "))'"
        }
      }
    }
    for index in words.indices where words[index] == "non" {
      let window = index + 1..<min(words.count, index + 4)
      guard let still = window.first(where: { words[$0] == "ancora" }) else { continue }
      let after = still + 1..<min(words.count, still + 4)
      let done = after.first {
        isParticiple(words[$0], reading.roles[$0])
          && !reading.word($0, is: .impersonalParticiple)
      }
      if let done {
        return "'non … ancora \(words[done])'"
      }
    }
    return nil
  }

  /// `siamo in posizione 14`, `siamo al posto 12 della graduatoria`, `sono al 14° posto in
  /// graduatoria`: a place in a ranking. "posto" counts only beside a word of ranking:
  /// `posto 3` alone may be a parking space.
  static func rankingPlace(_ words: [String]) -> String? {
    for index in words.indices.dropFirst() where words[index] == "posto" {
      // Looked for only at a "posto": hashing every word of every message cost more than
      // the rest of this sign.
      guard words.contains(where: rankingWords.contains) else { break }
      let before = words[index - 1].filter { $0 != "°" && $0 != "º" }
      if !before.isEmpty, before.allSatisfy(\.isNumber) { return "'\(words[index - 1]) posto'" }
    }
    for index in words.indices.dropLast()
    where words[index] == "posizione" || words[index] == "posto" {
      let next = words[index + 1]
      guard !next.isEmpty, next.allSatisfy(\.isNumber) else { continue }
      if words[index] == "posizione" || words.contains(where: rankingWords.contains) {
        return "'\(words[index]) \(next)'"
      }
    }
    return nil
  }

  /// Whether `word`, of these roles, reads as a past participle (`ricevuto`, `visti`).
  static func isParticiple(_ word: String, _ roles: OwnCaseRoles) -> Bool {
    if roles.contains(.irregularParticiple) { return true }
    return word.utf8.count >= 5 && participleEndings.contains(where: word.hasSuffix)
  }

  /// Whether `word`, of these roles, is an amount of time: a number or a word such as
  /// `due` or `qualche`.
  static func isAmount(_ word: String, _ roles: OwnCaseRoles) -> Bool {
    roles.contains(.amount) || (!word.isEmpty && word.allSatisfy(\.isNumber))
  }
}
