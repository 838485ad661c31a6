import SportelloText

/// What a word can be to the own-case signs of ``OwnCaseDetector`` and ``OwnCaseGrammar``.
///
/// Every message is read for these signs before it is answered, so each word is looked up
/// once, in one table, and the signs test bits instead of hashing the word against each of
/// their word lists.
struct OwnCaseRoles: OptionSet, Sendable {
  let rawValue: UInt32

  static let reference = OwnCaseRoles(rawValue: 1 << 0)
  static let filing = OwnCaseRoles(rawValue: 1 << 1)
  static let caseNoun = OwnCaseRoles(rawValue: 1 << 2)
  static let possessive = OwnCaseRoles(rawValue: 1 << 3)
  static let questionFollower = OwnCaseRoles(rawValue: 1 << 4)
  static let phraseStart = OwnCaseRoles(rawValue: 1 << 5)
  static let personWord = OwnCaseRoles(rawValue: 1 << 6)
  static let person = OwnCaseRoles(rawValue: 1 << 7)
  static let progress = OwnCaseRoles(rawValue: 1 << 8)
  static let adverb = OwnCaseRoles(rawValue: 1 << 9)
  static let confirmation = OwnCaseRoles(rawValue: 1 << 10)
  static let confirmingVerb = OwnCaseRoles(rawValue: 1 << 11)
  static let confirmationPronoun = OwnCaseRoles(rawValue: 1 << 12)
  static let waiting = OwnCaseRoles(rawValue: 1 << 13)
  static let timeUnit = OwnCaseRoles(rawValue: 1 << 14)
  static let amount = OwnCaseRoles(rawValue: 1 << 15)
  static let waitingContext = OwnCaseRoles(rawValue: 1 << 16)
  static let expectedChild = OwnCaseRoles(rawValue: 1 << 17)
  static let nothingStart = OwnCaseRoles(rawValue: 1 << 18)
  static let publicParticiple = OwnCaseRoles(rawValue: 1 << 19)
  static let impersonalParticiple = OwnCaseRoles(rawValue: 1 << 20)
  static let irregularParticiple = OwnCaseRoles(rawValue: 1 << 21)
  /// The words that start a sign of ``OwnCaseGrammar`` by name (`avete`, `non`, `posizione`).
  static let grammarStart = OwnCaseRoles(rawValue: 1 << 22)
  /// A word that calls something wrong (`sbagliata`, `doppia`): near a possessive, the
  /// citizen's own record or bill is wrong (`nell'atto di mio figlio la data è sbagliata`).
  static let wrongness = OwnCaseRoles(rawValue: 1 << 23)

  /// The roles of the words of every sign of ``OwnCaseGrammar``: a message with none of
  /// them shows none of its signs.
  static let grammarTriggers: OwnCaseRoles = [
    .progress, .confirmation, .confirmingVerb, .waiting, .timeUnit, .nothingStart,
    .grammarStart, .wrongness,
  ]
}

/// A message's words as the own-case signs read them, with each word's roles.
struct OwnCaseReading: Sendable {
  /// Each token's folded form before typo correction (``OwnCaseDetector/uncorrected(_:)``).
  var words: [String]

  /// Each word's roles, by the word's index.
  var roles: [OwnCaseRoles]

  /// The reading of `tokens`.
  init(_ tokens: [Token]) {
    // One pass by index: `map` over the tokens binds each one, copying its strings.
    var words: [String] = []
    words.reserveCapacity(tokens.count)
    var roles: [OwnCaseRoles] = []
    roles.reserveCapacity(tokens.count)
    for index in tokens.indices {
      let word = OwnCaseDetector.uncorrected(tokens[index])
      roles.append(OwnCaseReading.roles(of: word))
      words.append(word)
    }
    self.words = words
    self.roles = roles
  }

  /// Whether any word has one of `roles`.
  func contains(_ roles: OwnCaseRoles) -> Bool {
    self.roles.contains { !$0.isDisjoint(with: roles) }
  }

  /// Whether the word at `index` has one of `roles`.
  func word(_ index: Int, is roles: OwnCaseRoles) -> Bool {
    !self.roles[index].isDisjoint(with: roles)
  }

  /// The roles of `word`, none for a word no sign knows.
  static func roles(of word: String) -> OwnCaseRoles {
    // Most words of a message have no role: the front table answers those too, without
    // hashing the word with SipHash.
    switch asciiTable.lookup(word) {
    case .found(let bits): return OwnCaseRoles(rawValue: UInt32(bitPattern: bits))
    case .absent: return []
    case .notASCII: return table[word] ?? []
    }
  }

  /// Builds the word tables that every message reads (``asciiTable``, ``table`` and the
  /// own-case phrases), once per process.
  ///
  /// Called when a matcher is built: left to the first message, building them cost that
  /// message as much as deciding fifteen others (measured with callgrind).
  static func prepareTables() {
    _ = asciiTable
    _ = OwnCaseDetector.compiledPhrases
    _ = OwnCaseDetector.phraseListNumbers
  }

  /// ``table`` by the bytes of every ASCII string equal to one of its words
  /// (``ASCIIKeyTable/insertASCIIForm(of:value:)``), so a plain-ASCII word this table
  /// lacks is not in ``table`` either.
  static let asciiTable: ASCIIKeyTable = {
    var ascii = ASCIIKeyTable()
    // The slots' layout follows the dictionary's order, which differs from run to run;
    // what a lookup finds does not.
    for (word, roles) in table {
      ascii.insertASCIIForm(of: word, value: Int32(bitPattern: roles.rawValue))
    }
    return ascii
  }()

  /// The roles of every word any sign knows.
  static let table: [String: OwnCaseRoles] = {
    var table: [String: OwnCaseRoles] = [:]
    func mark(_ words: some Sequence<String>, _ role: OwnCaseRoles) {
      for word in words { table[word, default: []].insert(role) }
    }
    mark(OwnCaseDetector.referenceWords, .reference)
    mark(OwnCaseDetector.filingWords, .filing)
    mark(OwnCaseDetector.caseNouns, .caseNoun)
    mark(OwnCaseDetector.possessives, .possessive)
    mark(OwnCaseDetector.questionFollowers, .questionFollower)
    mark(OwnCaseDetector.phrasesByFirstWord.keys, .phraseStart)
    mark(OwnCaseDetector.personWords, .personWord)
    mark(OwnCaseDetector.people, .person)
    mark(OwnCaseGrammar.progressWords, .progress)
    mark(OwnCaseGrammar.adverbs, .adverb)
    mark(OwnCaseGrammar.confirmationWords, .confirmation)
    mark(OwnCaseGrammar.confirmingVerbs, .confirmingVerb)
    mark(OwnCaseGrammar.confirmationPronouns, .confirmationPronoun)
    mark(OwnCaseGrammar.waitingWords, .waiting)
    mark(OwnCaseGrammar.timeUnits, .timeUnit)
    mark(OwnCaseGrammar.amounts, .amount)
    mark(OwnCaseGrammar.waitingContext, .waitingContext)
    mark(OwnCaseGrammar.expectedChildren, .expectedChild)
    mark(OwnCaseGrammar.nothingHappened.map { $0[0] }, .nothingStart)
    mark(OwnCaseGrammar.publicParticiples, .publicParticiple)
    mark(OwnCaseGrammar.impersonalParticiples, .impersonalParticiple)
    mark(OwnCaseGrammar.irregularParticiples, .irregularParticiple)
    mark(OwnCaseGrammar.startWords, .grammarStart)
    mark(OwnCaseGrammar.wrongnessWords, .wrongness)
    return table
  }()
}
