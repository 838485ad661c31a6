/// Multi-word synonyms: maps phrases of terms to one concept term.
///
/// Built from the `[sinonimi]` lines: every phrase of a line, reduced to the
/// stems of its content words, maps to the line's concept (`=cie` for the line
/// starting `cie = carta d'identità elettronica = ...`). Applied alike to FAQ
/// content and messages, longest phrase first, so "carta di identita" and "cie"
/// meet on the same term.
struct ConceptMap: Sendable {
  private var phrases: [[Int32]: Int32] = [:]
  private var starters: Set<Int32> = []
  private var longest = 0

  /// Whether no concept is defined.
  var isEmpty: Bool { phrases.isEmpty }

  /// Adds a phrase (as term ids) of `concept`; a phrase already taken keeps its first concept.
  mutating func add(_ phrase: [Int32], concept: Int32) {
    guard !phrase.isEmpty, phrases[phrase] == nil else { return }
    phrases[phrase] = concept
    starters.insert(phrase[0])
    longest = max(longest, phrase.count)
  }

  /// Replaces each phrase in `sequence` by its concept, longest match first, left to right.
  ///
  /// - Parameter sequence: Content term ids in message order; -1 stands for an unknown word.
  /// - Returns: The sequence with phrases replaced, and the concepts found.
  func apply(to sequence: [Int32]) -> (sequence: [Int32], concepts: [Int32]) {
    guard !phrases.isEmpty else { return (sequence, []) }
    var result: [Int32] = []
    result.reserveCapacity(sequence.count)
    var concepts: [Int32] = []
    var index = 0
    while index < sequence.count {
      let term = sequence[index]
      if starters.contains(term) {
        var length = min(longest, sequence.count - index)
        var matched: Int32?
        while length > 0 {
          if let concept = phrases[Array(sequence[index..<index + length])] {
            matched = concept
            break
          }
          length -= 1
        }
        if let matched {
          result.append(matched)
          concepts.append(matched)
          index += length
          continue
        }
      }
      result.append(term)
      index += 1
    }
    // Without a phrase the sequence is returned itself, so the two share their storage.
    return concepts.isEmpty ? (sequence, []) : (result, concepts)
  }
}
