/// A Snowball `among` list: finds the longest of a list of suffixes that ends a
/// word, as Snowball requires.
///
/// The suffixes are stored as a trie of their letters read backwards, so one
/// walk from the end of the word, a letter at a time, meets every suffix that
/// matches; the deepest one is the longest. A lookup costs one step per letter
/// of the longest match, whatever the size of the list, and allocates nothing.
struct SuffixTable: Sendable {
  /// The trie, flat: each node is `[id + 1 or 0, child count, (letter, child
  /// node)...]`, a node being the offset of its first field; the root is at 0.
  private let nodes: [UInt32]

  /// The root's child for each letter below U+0100, or 0: the root has the
  /// most children, so its step is a direct look-up.
  private let rootChildren: [UInt32]

  /// The length of each suffix, by its index in the list it was built from.
  let lengths: [Int]

  /// Builds a table; a match returns the suffix's index in `words`.
  ///
  /// When a suffix is listed twice, the first one is the one found.
  init(_ words: [String]) {
    let suffixes = words.map { $0.unicodeScalars.map(\.value) }
    // Build with one dictionary of children per node, then lay it out flat.
    var children: [[UInt32: Int]] = [[:]]
    var ids: [Int?] = [nil]
    for (id, suffix) in suffixes.enumerated() {
      var node = 0
      for letter in suffix.reversed() {
        if let child = children[node][letter] {
          node = child
        } else {
          children.append([:])
          ids.append(nil)
          children[node][letter] = children.count - 1
          node = children.count - 1
        }
      }
      if ids[node] == nil { ids[node] = id }
    }
    var offsets: [Int] = []
    var offset = 0
    for node in children.indices {
      offsets.append(offset)
      offset += 2 + 2 * children[node].count
    }
    var nodes: [UInt32] = []
    nodes.reserveCapacity(offset)
    for node in children.indices {
      nodes.append(ids[node].map { UInt32($0 + 1) } ?? 0)
      nodes.append(UInt32(children[node].count))
      for letter in children[node].keys.sorted() {
        nodes.append(letter)
        nodes.append(UInt32(offsets[children[node][letter] ?? 0]))
      }
    }
    var rootChildren = [UInt32](repeating: 0, count: 256)
    for (letter, child) in children[0] where letter < 256 {
      rootChildren[Int(letter)] = UInt32(offsets[child])
    }
    self.nodes = nodes
    self.rootChildren = rootChildren
    lengths = suffixes.map(\.count)
  }

  /// The index of the longest suffix of `word[..<end]` that starts at or after
  /// `limit`, or `nil`.
  func longestMatch(in word: UnsafeBufferPointer<UInt32>, endingAt end: Int, limit: Int) -> Int? {
    guard end > limit else { return nil }
    let last = word[end - 1]
    guard last < 256 else { return nil }
    let first = Int(rootChildren[Int(last)])
    guard first != 0 else { return nil }
    return nodes.withUnsafeBufferPointer { nodes in
      var node = first
      var best = nodes[node]
      var position = end - 1
      while position > limit {
        let letter = word[position - 1]
        let edgesEnd = node + 2 + 2 * Int(nodes[node + 1])
        var edge = node + 2
        while edge < edgesEnd, nodes[edge] != letter { edge += 2 }
        guard edge < edgesEnd else { break }
        node = Int(nodes[edge + 1])
        position -= 1
        if nodes[node] != 0 { best = nodes[node] }
      }
      return best == 0 ? nil : Int(best - 1)
    }
  }
}
