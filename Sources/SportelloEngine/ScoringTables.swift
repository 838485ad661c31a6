import Foundation

/// What scoring a message reads of a matcher, behind one reference.
///
/// A ``Matcher`` is a value of many arrays: copying it into the state of each message
/// costs a retain and a release of every one of them. Scoring holds this reference
/// instead. It also keeps a few facts per FAQ and per example in flat arrays, because
/// reading one field of an ``MatcherIndex/Entry`` or ``MatcherIndex/Example`` can copy
/// the element, with a retain of each array it holds.
///
/// Immutable once built, so it is shared between threads as freely as a value.
final class ScoringTables: Sendable {
  /// The index the tables were made from.
  let index: MatcherIndex

  /// The scoring constants.
  let weights: ScoringWeights

  /// When each FAQ expires (the start of the day after its `scadenza`), if it does.
  let expiryInstants: [Date?]

  /// When each FAQ expires, in seconds from the reference date, or infinity: compared as
  /// ``Date`` compares, without a call per FAQ.
  let expiryTimes: [Double]

  /// Whether each FAQ hands the citizen to a person (such an FAQ is never a menu option).
  let isHandover: [Bool]

  /// Each FAQ's examples (title included), as a range of ``MatcherIndex/examples``.
  let exampleRanges: [Range<Int>]

  /// How many required groups each FAQ has.
  let requiredGroupCounts: [Int]

  /// Each example's norm, by example.
  let exampleNorms: [Double]

  /// Whether each example belongs to a small-talk FAQ, by example.
  let exampleIsSmallTalk: [Bool]

  /// The index's patterns, flat.
  let patterns: FlatPatterns

  /// Each FAQ's terms with their credits and examples, for scoring FAQs in full.
  let faqTerms: FAQTermIndex

  /// The rule-long working arrays of scoring, kept between messages.
  let scratch: ScoringScratchPool

  /// Makes the tables of `index`.
  ///
  /// - Parameter isHandover: Whether each FAQ, in rule order, hands over to a person.
  /// - Complexity: O(n) in the number of FAQs and examples.
  init(
    index: MatcherIndex, weights: ScoringWeights, expiryInstants: [Date?], isHandover: [Bool]
  ) {
    // The FAQ term index is the longest step here, and needs only the index: it is made
    // on a thread of its own while this one makes the rest.
    let faqTerms = BackgroundTask { FAQTermIndex(index) }
    self.index = index
    self.weights = weights
    self.expiryInstants = expiryInstants
    expiryTimes = expiryInstants.map { $0?.timeIntervalSinceReferenceDate ?? .infinity }
    self.isHandover = isHandover
    exampleRanges = index.entries.map(\.examples)
    requiredGroupCounts = index.entries.map(\.requiredGroups.count)
    exampleNorms = index.examples.map(\.norm)
    exampleIsSmallTalk = index.examples.map { index.boundShapes[Int($0.faq)].isSmallTalk }
    patterns = FlatPatterns(index.patterns, byFirstTerm: index.patternsByFirstTerm)
    self.faqTerms = faqTerms.value()
    scratch = ScoringScratchPool(
      faqCount: index.entries.count, mostExamples: index.mostExamples,
      exampleCount: index.examples.count, termCount: index.terms.names.count,
      groupCount: patterns.groupCount)
  }

  /// The number of FAQs.
  var faqCount: Int { exampleRanges.count }
}

/// The index's patterns (``MatcherIndex/patterns``) laid out in flat arrays.
///
/// Matching a message tries a few dozen patterns; reading one as a ``MatcherIndex/Pattern``
/// retains and releases each of its arrays and its label.
struct FlatPatterns: Sendable {
  /// Each pattern's conceptual terms, then its plain terms, pattern after pattern.
  let terms: [Int32]
  /// Where each pattern's terms start in `terms`: pattern `p` has its conceptual terms
  /// from `starts[2p]`, its plain terms from `starts[2p + 1]`, up to `starts[2p + 2]`.
  let starts: [Int]
  /// Each pattern's FAQ.
  let faqs: [Int32]
  /// Each pattern's role.
  let roles: [MatcherIndex.Role]
  /// Each pattern's group, numbered across the rules: the alternatives of one keyword or
  /// required group of one FAQ share a number (they are stored one after the other), so
  /// that a message counts each group once however many of its alternatives occur.
  let groups: [Int32]
  /// How many groups there are.
  let groupCount: Int
  /// Whether each pattern is matched on its words too (``MatcherIndex/Pattern/words``).
  let hasWords: [Bool]
  /// Each form's patterns, ascending: patterns with the same terms and words (the same
  /// exclusion written in many FAQs) share a form, so a message tests it once.
  let formMembers: PostingLists<Int32>
  /// Content term -> the forms whose patterns start with it (as in
  /// ``MatcherIndex/patternsByFirstTerm``), ascending.
  let formsByFirstTerm: PostingLists<Int32>

  /// Lays out `patterns`, and groups them by form for `byFirstTerm`, the index's
  /// ``MatcherIndex/patternsByFirstTerm``.
  init(_ patterns: [MatcherIndex.Pattern], byFirstTerm: PostingLists<Int32>) {
    // By index throughout: a copy of each pattern would retain and release its arrays and
    // its label.
    var terms: [Int32] = []
    terms.reserveCapacity(
      patterns.indices.reduce(0) { $0 + patterns[$1].conceptual.count + patterns[$1].plain.count })
    var starts: [Int] = [0]
    starts.reserveCapacity(2 * patterns.count + 1)
    for number in patterns.indices {
      terms += patterns[number].conceptual
      starts.append(terms.count)
      terms += patterns[number].plain
      starts.append(terms.count)
    }
    self.terms = terms
    self.starts = starts
    faqs = patterns.map(\.faq)
    roles = patterns.map(\.role)
    var groups: [Int32] = []
    groups.reserveCapacity(patterns.count)
    for (number, pattern) in patterns.enumerated() {
      let previous = number > 0 ? patterns[number - 1] : nil
      let isNewGroup = previous.map { $0.faq != pattern.faq || $0.role != pattern.role } ?? true
      groups.append((groups.last ?? -1) + (isNewGroup ? 1 : 0))
    }
    self.groups = groups
    groupCount = Int(groups.last ?? -1) + 1
    hasWords = patterns.map { $0.words != nil }

    // Forms are numbered in the order of their first pattern; each pattern is listed
    // under its form, and patterns come in ascending order, so each list is ascending.
    var formNumbers: [FormKey: Int32] = [:]
    formNumbers.reserveCapacity(patterns.count)
    var formOf: [Int32] = []
    formOf.reserveCapacity(patterns.count)
    var members: [(term: Int32, element: Int32)] = []
    members.reserveCapacity(patterns.count)
    for number in patterns.indices {
      let key = FormKey(
        conceptual: patterns[number].conceptual, plain: patterns[number].plain,
        words: patterns[number].words)
      let form = formNumbers[key] ?? Int32(formNumbers.count)
      if form == Int32(formNumbers.count) { formNumbers[key] = form }
      members.append((form, Int32(number)))
      formOf.append(form)
    }
    formMembers = PostingLists(termCount: formNumbers.count, postings: members)

    // Each term's forms, sorted and unique, gathered in one reused array: most terms
    // start no pattern, and an array per term cost more than the rest of this.
    var byTerm: [(term: Int32, element: Int32)] = []
    byTerm.reserveCapacity(byFirstTerm.total)
    var forms: [Int32] = []
    for term in 0..<Int32(byFirstTerm.termCount) {
      let positions = byFirstTerm.positions(of: term)
      guard !positions.isEmpty else { continue }
      forms.removeAll(keepingCapacity: true)
      for position in positions { forms.append(formOf[Int(byFirstTerm[position])]) }
      forms.sort()
      var last: Int32 = -1
      for form in forms where form != last {
        byTerm.append((term, form))
        last = form
      }
    }
    formsByFirstTerm = PostingLists(termCount: byFirstTerm.termCount, postings: byTerm)
  }

  /// What makes two patterns occur in the same messages.
  private struct FormKey: Hashable {
    var conceptual: [Int32]
    var plain: [Int32]
    var words: [String]?
  }

  /// The conceptual terms of pattern `number`, as a range of `terms`.
  func conceptualRange(of number: Int) -> Range<Int> { starts[2 * number]..<starts[2 * number + 1] }

  /// The plain terms of pattern `number`, as a range of `terms`.
  func plainRange(of number: Int) -> Range<Int> { starts[2 * number + 1]..<starts[2 * number + 2] }
}
