/// The keyword alternatives, required alternatives and exclusions that occur in a message,
/// counted per FAQ.
///
/// Found through ``FlatPatterns/formsByFirstTerm``: only the patterns that start with one
/// of the message's terms are tried, each distinct pattern once, so the cost follows the
/// message, not the number of patterns in the rules. Only the few FAQs with a hit are
/// listed, so nothing as long as the rules is allocated for a message.
struct PatternHits: Sendable {
  /// What occurs of one FAQ's patterns.
  struct Counts: Sendable {
    /// How many keyword groups have an alternative in the message.
    var keywordGroups: UInt16 = 0
    /// How many required groups have an alternative in the message.
    var requiredGroups: UInt16 = 0
    /// The first of its exclusions that occurs (the lowest pattern index), or -1.
    var firstExclusion: Int32 = -1
  }

  /// One FAQ with at least one pattern in the message, and what occurs of its patterns.
  struct Hit: Sendable {
    /// The FAQ.
    var faq: Int32
    /// What occurs of its patterns.
    var counts = Counts()
  }

  /// The FAQs with at least one pattern in the message, ascending.
  ///
  /// One array of FAQs and their counts, not two: a message allocates one list.
  private(set) var hits: [Hit] = []

  /// Finds the patterns of the index that occur in `query`.
  init(query: Query, tables: ScoringTables) {
    // Fields of `tables.patterns` are read in place: a local copy of the flat patterns
    // retains and releases each of their arrays.
    let formsByFirstTerm = tables.patterns.formsByFirstTerm
    let formMembers = tables.patterns.formMembers
    // The groups counted so far, by number (``FlatPatterns/groups``): a message has a few
    // dozen pattern hits at most, so a list searched in full costs less than a set.
    var counted: [Int32] = []
    counted.reserveCapacity(32)
    var hits: [Hit] = []
    hits.reserveCapacity(16)
    // The message's words, read once, when the first exclusion matched on words needs them.
    var words: [String]?
    func tryPatterns(startingWith term: Int32) {
      // One test per form: the same exclusion written in many FAQs is tested once, and
      // then counts for each of them.
      for position in formsByFirstTerm.positions(of: term) {
        let members = formMembers.positions(of: formsByFirstTerm[position])
        let number = Int(formMembers[members.lowerBound])
        let occurs =
          Query.occurs(
            tables.patterns.terms, tables.patterns.conceptualRange(of: number),
            in: query.conceptual)
          || Query.occurs(
            tables.patterns.terms, tables.patterns.plainRange(of: number), in: query.plain)
        guard occurs else { continue }
        if tables.patterns.hasWords[number], let written = tables.index.patterns[number].words {
          if words == nil { words = Query.words(of: query.tokens) }
          guard Query.contains(written, in: words ?? []) else { continue }
        }
        for member in members {
          PatternHits.count(
            formMembers[member], of: tables.patterns, in: &hits, counted: &counted)
        }
      }
    }
    // Every distinct known term of the message once, in any order: what occurs does not
    // depend on the order patterns are tried in. The content terms are the conceptual
    // terms, unique; a term of the message as written is missing from them only when a
    // synonym replaced it.
    for term in query.contentTerms { tryPatterns(startingWith: term) }
    if !query.concepts.isEmpty {
      for (index, term) in query.plain.enumerated()
      where term >= 0 && !query.contentTerms.contains(term)
        && !query.plain[..<index].contains(term)
      {
        tryPatterns(startingWith: term)
      }
    }
    self.hits = hits
  }

  /// Counts pattern `number`, which occurs, for its FAQ in `hits` (kept ascending by FAQ),
  /// unless its group is in `counted`.
  private static func count(
    _ number: Int32, of patterns: FlatPatterns, in hits: inout [Hit], counted: inout [Int32]
  ) {
    let role = patterns.roles[Int(number)]
    if case .exclusion = role {
      // Only the first exclusion that occurs is reported, whatever the order found in.
    } else {
      let group = patterns.groups[Int(number)]
      guard !counted.contains(group) else { return }
      counted.append(group)
    }
    let faq = patterns.faqs[Int(number)]
    // From the end: the members of a form come in ascending order, so most FAQs are new
    // and go last.
    var slot = hits.count
    while slot > 0, hits[slot - 1].faq >= faq { slot -= 1 }
    if slot == hits.count || hits[slot].faq != faq {
      // Moved down from the end by hand: `insert(_:at:)` costs a generic call.
      hits.append(Hit(faq: faq))
      var place = hits.count - 1
      while place > slot {
        hits.swapAt(place, place - 1)
        place -= 1
      }
    }
    switch role {
    case .keyword: hits[slot].counts.keywordGroups += 1
    case .required: hits[slot].counts.requiredGroups += 1
    case .exclusion:
      let first = hits[slot].counts.firstExclusion
      if first < 0 || number < first { hits[slot].counts.firstExclusion = number }
    }
  }

  /// The FAQs with at least one keyword group in the message, ascending.
  var faqsWithKeywords: [Int] {
    hits.compactMap { $0.counts.keywordGroups > 0 ? Int($0.faq) : nil }
  }

  /// What occurs of the patterns of `faq`.
  ///
  /// - Complexity: O(log n) in the number of FAQs with a hit.
  func counts(of faq: Int) -> Counts {
    var low = 0
    var high = hits.count
    while low < high {
      let middle = (low + high) / 2
      if hits[middle].faq < Int32(faq) { low = middle + 1 } else { high = middle }
    }
    return low < hits.count && hits[low].faq == Int32(faq) ? hits[low].counts : Counts()
  }
}
