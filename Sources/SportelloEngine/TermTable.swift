import SportelloText

/// The matcher's vocabulary of terms: stems, codes, numbers and synonym concepts.
///
/// Terms are numbered once when the index is built so that scoring compares
/// integers. A concept term is written `=name` (such as `=cie`) and stands for
/// every phrase of a `[sinonimi]` line.
struct TermTable: Sendable {
  /// The number of each term.
  private(set) var ids: [String: Int32] = [:]

  /// Each term's text, by number.
  private(set) var names: [String] = []

  /// Whether each term was seen as a stop word.
  var isStop: [Bool] = []

  /// Each term's inverse document frequency over FAQs.
  var idf: [Double] = []

  /// The weight of a stop word relative to a content word of the same idf.
  static let stopWordFactor = 0.15

  /// The ids of the ASCII names, by their bytes: asked first, since building the index
  /// numbers every word of every rule and hashing each with SipHash cost most of that
  /// work. A name it lacks is looked up in ``ids``, which holds every name.
  private var asciiIDs = ASCIIKeyTable()

  /// The id of `name`, adding it when new.
  mutating func intern(_ name: String, isStop stop: Bool) -> Int32 {
    if let id = asciiIDs.value(of: name) {
      if !stop { isStop[Int(id)] = false }
      return id
    }
    if let id = ids[name] {
      if !stop { isStop[Int(id)] = false }
      // Not ASCII (the front table leaves it out), or ASCII and equal to a name stored
      // with other bytes: either way the front table now answers for these bytes.
      asciiIDs.insert(name, value: id)
      return id
    }
    let id = Int32(names.count)
    ids[name] = id
    asciiIDs.insert(name, value: id)
    names.append(name)
    isStop.append(stop)
    return id
  }

  /// The id of `name`, or nil when no rule uses it.
  func id(of name: String) -> Int32? { asciiIDs.value(of: name) ?? ids[name] }

  /// The weight of a known term: its idf, lowered for stop words.
  func weight(_ id: Int32) -> Double {
    let index = Int(id)
    return isStop[index] ? idf[index] * TermTable.stopWordFactor : idf[index]
  }

  /// The text of term `id`.
  func name(_ id: Int32) -> String { names[Int(id)] }
}

/// One token reduced to what matching uses.
struct TermUnit: Sendable {
  /// The term text: a stem for words, the folded form for numbers and codes.
  var name: String
  /// Whether it is a stop word.
  var isStop: Bool
}

extension TermUnit {
  /// The units of an analysed text: words, numbers and codes, in order.
  ///
  /// Dates, times, amounts, links, e-mail addresses and emoji are left out: they
  /// say nothing about which FAQ fits.
  static func units(of message: AnalyzedMessage) -> [TermUnit] {
    var units: [TermUnit] = []
    units.reserveCapacity(message.tokens.count)
    forEachUnit(of: message) { units.append(TermUnit(name: $0, isStop: $1)) }
    return units
  }

  /// Calls `body` with the name of each of the units of `message` and whether it is a
  /// stop word, in order, without making the units.
  static func forEachUnit(of message: AnalyzedMessage, _ body: (String, Bool) -> Void) {
    // By index, reading the fields it needs: `for token in` copies each token, with a
    // retain of each of its strings.
    let tokens = message.tokens
    for index in tokens.indices {
      switch tokens[index].kind {
      case .word:
        guard !tokens[index].stem.isEmpty else { continue }
        body(tokens[index].stem, tokens[index].isStopWord)
      case .number, .code:
        body(tokens[index].folded, false)
      default:
        continue
      }
    }
  }
}
