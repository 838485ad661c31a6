/// A Snowball `among` list: suffixes grouped by their last letter, longest first,
/// so that the first match found is the longest one, as Snowball requires.
struct SuffixTable: Sendable {
  /// One suffix and the index it had in the list it was built from.
  struct Entry: Sendable {
    var letters: [UInt32]
    var id: Int
  }

  /// The entries, by last letter, longest first.
  let byLastLetter: [UInt32: [Entry]]

  /// The suffixes, by the index returned from a match.
  let suffixes: [[UInt32]]

  /// Builds a table from suffixes; a match returns the suffix's index in `words`.
  init(_ words: [String]) {
    var table: [UInt32: [Entry]] = [:]
    var suffixes: [[UInt32]] = []
    for (id, word) in words.enumerated() {
      let letters = word.unicodeScalars.map(\.value)
      suffixes.append(letters)
      guard let last = letters.last else { continue }
      table[last, default: []].append(Entry(letters: letters, id: id))
    }
    for key in table.keys {
      table[key]?.sort { $0.letters.count > $1.letters.count }
    }
    byLastLetter = table
    self.suffixes = suffixes
  }
}
