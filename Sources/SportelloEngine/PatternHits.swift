/// The keyword alternatives, required alternatives and exclusions that occur in a message,
/// counted per FAQ.
///
/// Found through ``MatcherIndex/patternsByFirstTerm``: only the patterns that start with
/// one of the message's terms are tried, so the cost follows the message, not the number
/// of patterns in the rules.
struct PatternHits: Sendable {
  /// Per FAQ, how many keyword groups have an alternative in the message.
  private(set) var keywordGroups: [UInt16]

  /// Per FAQ, how many required groups have an alternative in the message.
  private(set) var requiredGroups: [UInt16]

  /// Per FAQ, the first of its exclusions that occurs (the lowest pattern index), or -1.
  private(set) var firstExclusion: [Int32]

  /// The FAQs with at least one keyword group in the message, ascending.
  private(set) var faqsWithKeywords: [Int] = []

  /// Finds the patterns of `index` that occur in `query`.
  init(query: Query, index: MatcherIndex) {
    let faqCount = index.entries.count
    keywordGroups = Array(repeating: 0, count: faqCount)
    requiredGroups = Array(repeating: 0, count: faqCount)
    firstExclusion = Array(repeating: -1, count: faqCount)

    var tried: [Int32] = []
    var matched: [Int32] = []
    // The message's words, read once, when the first exclusion matched on words needs them.
    var words: [String]?
    for term in query.plain + query.conceptual where term >= 0 && !tried.contains(term) {
      tried.append(term)
      for position in index.patternsByFirstTerm.positions(of: term) {
        let number = index.patternsByFirstTerm[position]
        let pattern = index.patterns[Int(number)]
        guard query.contains(pattern) else { continue }
        if let written = pattern.words {
          if words == nil { words = Query.words(of: query.tokens) }
          guard Query.contains(written, in: words ?? []) else { continue }
        }
        matched.append(number)
      }
    }
    guard !matched.isEmpty else { return }

    // Patterns are stored FAQ by FAQ and group by group, so after sorting, the
    // alternatives of one group are adjacent and each group is counted once.
    matched.sort()
    var previous: (faq: Int32, role: MatcherIndex.Role)?
    for number in matched {
      let pattern = index.patterns[Int(number)]
      if let previous, previous.faq == pattern.faq, previous.role == pattern.role { continue }
      previous = (pattern.faq, pattern.role)
      let faq = Int(pattern.faq)
      switch pattern.role {
      case .keyword:
        if keywordGroups[faq] == 0 { faqsWithKeywords.append(faq) }
        keywordGroups[faq] += 1
      case .required: requiredGroups[faq] += 1
      case .exclusion: firstExclusion[faq] = number
      }
    }
  }
}
