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

  /// The FAQs with at least one pattern in the message, ascending.
  private(set) var faqs: [Int32] = []

  /// What occurs of the patterns of each of ``faqs``, in the same order.
  private(set) var counts: [Counts] = []

  /// The FAQs with at least one keyword group in the message, ascending.
  private(set) var faqsWithKeywords: [Int] = []

  /// Finds the patterns of the index that occur in `query`.
  init(query: Query, tables: ScoringTables) {
    let patterns = tables.patterns
    let formsByFirstTerm = patterns.formsByFirstTerm
    let formMembers = patterns.formMembers
    var tried: [Int32] = []
    tried.reserveCapacity(query.plain.count + query.conceptual.count)
    var matched: [Int32] = []
    matched.reserveCapacity(16)
    // The message's words, read once, when the first exclusion matched on words needs them.
    var words: [String]?
    func tryPatterns(startingWith term: Int32) {
      guard term >= 0, !tried.contains(term) else { return }
      tried.append(term)
      // One test per form: the same exclusion written in many FAQs is tested once, and
      // then counts for each of them.
      for position in formsByFirstTerm.positions(of: term) {
        let members = formMembers.positions(of: formsByFirstTerm[position])
        let number = formMembers[members.lowerBound]
        let occurs =
          Query.occurs(
            patterns.terms, patterns.conceptualRange(of: Int(number)), in: query.conceptual)
          || Query.occurs(patterns.terms, patterns.plainRange(of: Int(number)), in: query.plain)
        guard occurs else { continue }
        if patterns.hasWords[Int(number)], let written = tables.index.patterns[Int(number)].words {
          if words == nil { words = Query.words(of: query.tokens) }
          guard Query.contains(written, in: words ?? []) else { continue }
        }
        for member in members { matched.append(formMembers[member]) }
      }
    }
    for term in query.plain { tryPatterns(startingWith: term) }
    for term in query.conceptual { tryPatterns(startingWith: term) }
    guard !matched.isEmpty else { return }

    // Patterns are stored FAQ by FAQ and group by group, so after sorting, the FAQs come
    // in ascending order, the alternatives of one group are adjacent and each group is
    // counted once.
    matched.sort()
    faqs.reserveCapacity(matched.count)
    counts.reserveCapacity(matched.count)
    var previous: (faq: Int32, role: MatcherIndex.Role)?
    for number in matched {
      let faq = patterns.faqs[Int(number)]
      let role = patterns.roles[Int(number)]
      if let previous, previous.faq == faq, previous.role == role { continue }
      previous = (faq, role)
      if faqs.last != faq {
        faqs.append(faq)
        counts.append(Counts())
      }
      switch role {
      case .keyword:
        if counts[counts.count - 1].keywordGroups == 0 { faqsWithKeywords.append(Int(faq)) }
        counts[counts.count - 1].keywordGroups += 1
      case .required: counts[counts.count - 1].requiredGroups += 1
      case .exclusion: counts[counts.count - 1].firstExclusion = number
      }
    }
  }

  /// What occurs of the patterns of `faq`.
  ///
  /// - Complexity: O(log n) in the number of FAQs with a hit.
  func counts(of faq: Int) -> Counts {
    var low = 0
    var high = faqs.count
    while low < high {
      let middle = (low + high) / 2
      if faqs[middle] < Int32(faq) { low = middle + 1 } else { high = middle }
    }
    return low < faqs.count && faqs[low] == Int32(faq) ? counts[low] : Counts()
  }
}
