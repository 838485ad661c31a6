/// Multi-word synonyms: maps phrases of terms to one concept term.
///
/// Built from the `[sinonimi]` lines: every phrase of a line, reduced to the
/// stems of its content words, maps to the line's concept (`=cie` for the line
/// starting `cie = carta d'identità elettronica = ...`). Applied alike to FAQ
/// content and messages, longest phrase first, so "carta di identita" and "cie"
/// meet on the same term.
struct ConceptMap: Sendable {
  private var phrases: [[Int32]: Int32] = [:]
  /// By first term id, where its phrases are in `phrasesByStarter`, or -1: a message's
  /// terms are looked up here, which is cheaper than hashing each of them.
  private var starterSlots: [Int32] = []
  /// The phrases of each first term with their concepts, longest first.
  private var phrasesByStarter: [[(phrase: [Int32], concept: Int32)]] = []

  /// Whether no concept is defined.
  var isEmpty: Bool { phrases.isEmpty }

  /// Adds a phrase (as term ids) of `concept`; a phrase already taken keeps its first concept.
  mutating func add(_ phrase: [Int32], concept: Int32) {
    guard !phrase.isEmpty, phrases[phrase] == nil else { return }
    phrases[phrase] = concept
    let starter = Int(phrase[0])
    if starter >= starterSlots.count {
      starterSlots += repeatElement(-1, count: starter + 1 - starterSlots.count)
    }
    if starterSlots[starter] < 0 {
      starterSlots[starter] = Int32(phrasesByStarter.count)
      phrasesByStarter.append([])
    }
    let slot = Int(starterSlots[starter])
    let position =
      phrasesByStarter[slot].firstIndex { $0.phrase.count < phrase.count }
      ?? phrasesByStarter[slot].count
    phrasesByStarter[slot].insert((phrase, concept), at: position)
  }

  /// Replaces each phrase in `sequence` by its concept, longest match first, left to right.
  ///
  /// - Parameter sequence: Content term ids in message order; -1 stands for an unknown word.
  /// - Returns: The sequence with phrases replaced, and the concepts found.
  func apply(to sequence: [Int32]) -> (sequence: [Int32], concepts: [Int32]) {
    guard !phrases.isEmpty else { return (sequence, []) }
    // Made only at the first phrase found: most messages have none.
    var result: [Int32] = []
    var concepts: [Int32] = []
    var index = 0
    while index < sequence.count {
      let term = sequence[index]
      if term >= 0, Int(term) < starterSlots.count, starterSlots[Int(term)] >= 0 {
        let remaining = sequence[index...]
        // Longest first, as the phrases of one first term are kept.
        let match = phrasesByStarter[Int(starterSlots[Int(term)])].first { candidate in
          candidate.phrase.count <= remaining.count && remaining.starts(with: candidate.phrase)
        }
        if let match {
          if concepts.isEmpty {
            result.reserveCapacity(sequence.count)
            result += sequence[..<index]
          }
          result.append(match.concept)
          concepts.append(match.concept)
          index += match.phrase.count
          continue
        }
      }
      if !concepts.isEmpty { result.append(term) }
      index += 1
    }
    // Without a phrase the sequence is returned itself, so the two share their storage.
    return concepts.isEmpty ? (sequence, []) : (result, concepts)
  }
}
