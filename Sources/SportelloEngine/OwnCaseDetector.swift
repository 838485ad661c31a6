import SportelloText

/// Recognises messages about the citizen's own case, and explicit requests for a person.
///
/// Own cases go to a person even when they name a topic: an FAQ cannot say where
/// one citizen's file stands. The signs, on normalized words:
/// - a number of at least 4 digits (or a code with at least 4 digits) after a
///   reference word (`prot. 88123`, `pratica n. 2025/123`, `numero 12345`), or any
///   code token with at least 5 digits;
/// - phrases such as `la mia pratica`, `la mia domanda/richiesta`, `il mio ricorso`,
///   `a che punto è`, `che fine ha fatto` (but not `la mia domanda è ...`).
enum OwnCaseDetector {
  /// Words after which a number is a reference to a file.
  static let referenceWords: Set<String> = [
    "prot", "protocollo", "pratica", "pratiche", "n", "nr", "num", "numero", "rif",
    "riferimento", "istanza", "ticket", "domanda", "richiesta", "fascicolo", "pg", "codice",
    "segnalazione", "verbale", "id",
  ]

  /// Word sequences that speak of the citizen's own file.
  static let phrases: [[String]] = [
    ["mia", "pratica"], ["mie", "pratiche"], ["mia", "domanda"], ["mia", "richiesta"],
    ["mio", "ricorso"], ["mia", "istanza"], ["mia", "segnalazione"], ["mia", "posizione"],
    ["mio", "fascicolo"], ["mia", "iscrizione", "al", "nido"], ["a", "che", "punto"],
    ["che", "fine", "ha", "fatto"], ["stato", "della", "pratica"], ["stato", "della", "mia"],
    ["mio", "caso"], ["mia", "situazione"], ["numero", "di", "protocollo"],
    ["nessuno", "mi", "ha", "risposto"], ["non", "mi", "avete", "risposto"],
    ["ancora", "nessuna", "risposta"], ["non", "ho", "ancora", "ricevuto"],
  ]

  /// Words that, right after `mia domanda`, make it a question rather than a file.
  static let questionFollowers: Set<String> = ["e", "è", "era", "sarebbe", "riguarda"]

  /// The evidence that `tokens` speak of the citizen's own case, or nil.
  static func ownCaseEvidence(in tokens: [Token]) -> String? {
    let words = tokens.map { $0.folded }
    for (index, token) in tokens.enumerated() {
      let digits = token.folded.reduce(0) { $0 + ($1.isNumber ? 1 : 0) }
      if token.kind == .code, digits >= 5 { return "reference '\(token.surface)'" }
      guard token.kind == .number || token.kind == .code, digits >= 4 else { continue }
      let before = words[max(0, index - 3)..<index]
      if before.contains(where: { referenceWords.contains($0) }) {
        return "reference '\(token.surface)'"
      }
    }
    for phrase in phrases where words.count >= phrase.count {
      for start in 0...(words.count - phrase.count)
      where words[start..<start + phrase.count].elementsEqual(phrase) {
        let next = start + phrase.count < words.count ? words[start + phrase.count] : ""
        if phrase == ["mia", "domanda"], questionFollowers.contains(next) { continue }
        return "phrase '\(phrase.joined(separator: " "))'"
      }
    }
    return nil
  }

  /// Words that ask for a person on their own.
  static let personWords: Set<String> = [
    "operatore", "operatrice", "operatori", "umano", "umana",
  ]

  /// Whether `tokens` ask explicitly for a person ("voglio parlare con un operatore").
  static func requestsPerson(_ tokens: [Token]) -> Bool {
    let words = tokens.map { $0.folded }
    if words.contains(where: { personWords.contains($0) }) { return true }
    let people: Set<String> = ["qualcuno", "persona", "impiegato", "impiegata"]
    for index in words.indices.dropLast() {
      let next = words[index + 1]
      if words[index] == "persona", ["vera", "reale", "fisica"].contains(next) { return true }
      if words[index] == "parlare",
        words[(index + 1)..<min(words.count, index + 5)].contains(where: people.contains)
      {
        return true
      }
    }
    return false
  }
}
