/// The keyword alternatives, required alternatives and exclusions that occur in a message,
/// counted per FAQ.
///
/// Found through ``FlatPatterns/formsByFirstTerm``: only the patterns that start with one
/// of the message's terms are tried, each distinct pattern once, so the cost follows the
/// message, not the number of patterns in the rules. Only the few FAQs with a hit are
/// listed; the rule-long tables that find an FAQ's entry and a counted group come from
/// the caller (``Tables``), which keeps them from one message to the next.
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

  /// The rule-long tables of finding the hits, all 0 and `false` between messages.
  struct Tables: Sendable {
    /// Per FAQ, its place in ``PatternHits/hits`` plus one, or 0 when it has no hit.
    var slots: [Int32]
    /// Per group of ``FlatPatterns/groups``, whether the message has counted it; cleared
    /// before the hits are handed over.
    var isCounted: [Bool]
    /// Room for the groups a message counts, to clear in `isCounted`; empty between
    /// messages.
    var counted: [Int32]
    /// Room for a message's ``PatternHits/hits``, left by the previous message
    /// (``PatternHits/recycle(into:)``), so that the next one does not allocate it.
    var spareHits: [Hit]

    /// Tables for rules of `faqCount` FAQs and `groupCount` groups.
    init(faqCount: Int, groupCount: Int) {
      slots = Array(repeating: 0, count: faqCount)
      isCounted = Array(repeating: false, count: groupCount)
      counted = []
      spareHits = []
    }

    /// No room at all, for a value whose arrays have been handed on.
    init() {
      self.init(faqCount: 0, groupCount: 0)
    }
  }

  /// The FAQs with at least one pattern in the message, ascending.
  ///
  /// One array of FAQs and their counts, not two: a message allocates one list.
  private(set) var hits: [Hit] = []

  /// Finds the patterns of the index that occur in `query`, with fresh tables.
  init(query: Query, tables: ScoringTables) {
    var lookup = Tables(faqCount: tables.faqCount, groupCount: tables.patterns.groupCount)
    self.init(query: query, tables: tables, lookup: &lookup)
  }

  /// Finds the patterns of the index that occur in `query`.
  ///
  /// - Parameter lookup: Tables all 0 and `false`; on return each FAQ with a hit has its
  ///   slot (see ``recycle(into:)``), and every group is `false` again.
  init(query: Query, tables: ScoringTables, lookup: inout Tables) {
    // Fields of `tables.patterns` are read in place: a local copy of the flat patterns
    // retains and releases each of their arrays.
    let formsByFirstTerm = tables.patterns.formsByFirstTerm
    let formMembers = tables.patterns.formMembers
    // The groups counted, to clear in `lookup` at the end. Both lists are swapped out of
    // `lookup`, not copied: appending to a copy that `lookup` still holds would copy it.
    var counted: [Int32] = []
    swap(&counted, &lookup.counted)
    counted.reserveCapacity(32)
    var hits: [Hit] = []
    swap(&hits, &lookup.spareHits)
    hits.removeAll(keepingCapacity: true)
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
            formMembers[member], of: tables.patterns, in: &hits, lookup: &lookup,
            counted: &counted)
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
    for group in counted { lookup.isCounted[Int(group)] = false }
    counted.removeAll(keepingCapacity: true)
    swap(&counted, &lookup.counted)

    // The FAQs came in the order the forms reached them: sorted by insertion (there are a
    // few), and their slots moved with them.
    for index in hits.indices.dropFirst() {
      var place = index
      while place > 0, hits[place - 1].faq > hits[place].faq {
        hits.swapAt(place, place - 1)
        place -= 1
      }
    }
    for (index, hit) in hits.enumerated() { lookup.slots[Int(hit.faq)] = Int32(index + 1) }
    self.hits = hits
  }

  /// Counts pattern `number`, which occurs, for its FAQ in `hits`, unless its group is
  /// counted already.
  @inline(__always)
  private static func count(
    _ number: Int32, of patterns: FlatPatterns, in hits: inout [Hit], lookup: inout Tables,
    counted: inout [Int32]
  ) {
    let role = patterns.roles[Int(number)]
    if case .exclusion = role {
      // Only the first exclusion that occurs is reported, whatever the order found in.
    } else {
      let group = patterns.groups[Int(number)]
      guard !lookup.isCounted[Int(group)] else { return }
      lookup.isCounted[Int(group)] = true
      counted.append(group)
    }
    let faq = Int(patterns.faqs[Int(number)])
    var slot = Int(lookup.slots[faq]) - 1
    if slot < 0 {
      slot = hits.count
      hits.append(Hit(faq: Int32(faq)))
      lookup.slots[faq] = Int32(hits.count)
    }
    switch role {
    case .keyword: hits[slot].counts.keywordGroups += 1
    case .required: hits[slot].counts.requiredGroups += 1
    case .exclusion:
      let first = hits[slot].counts.firstExclusion
      if first < 0 || number < first { hits[slot].counts.firstExclusion = number }
    }
  }

  /// Sets back to 0 the slots in `lookup` of the FAQs with a hit, and leaves the storage
  /// of the hits to `lookup` for the next message: these hits are gone.
  mutating func recycle(into lookup: inout Tables) {
    for hit in hits { lookup.slots[Int(hit.faq)] = 0 }
    swap(&hits, &lookup.spareHits)
    hits = []
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

  /// What occurs of the patterns of `faq`, found through its slot in `lookup`, the tables
  /// these hits were found with.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  func counts(of faq: Int, in lookup: Tables) -> Counts {
    let slot = Int(lookup.slots[faq])
    return slot == 0 ? Counts() : hits[slot - 1].counts
  }
}
