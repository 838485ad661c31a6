import Foundation

/// The working arrays of ``Scoring`` that are as long as the rules, kept from one message
/// to the next.
///
/// With a large rule set, allocating and zeroing arrays of one entry per FAQ for every
/// message cost more than most steps of scoring it. A message touches only the entries
/// of the FAQs it reaches, so it clears just those before handing the arrays back, and
/// the next message finds them zeroed.
struct ScoringScratch {
  /// Per FAQ, the weight shared with the terms read so far; all 0 when handed out.
  var partialShared: [Double]
  /// Per FAQ, the flags of ``Scoring``; all 0 when handed out.
  var flags: [UInt8]
  /// Room for every FAQ once, in the order the terms reach them, and one place more.
  var reached: [Int32]
  /// Room for every FAQ once, for those that pass the weight test of a bounding step.
  var passing: [Int32]
  /// Room for the examples of the FAQ with the most.
  var exampleShared: [Double]
  /// Per example of the rules, the weight shared with a message, when every example is
  /// weighed at once; all 0 when handed out.
  var everyExampleShared: [Double]
  /// The FAQs waiting to be scored; empty when handed out, with its capacity kept.
  var pending: [BoundHeap.Item]
  /// The FAQs scored in full; empty when handed out, with its capacity kept.
  var ranked: [ScoredFAQ]
  /// Room for a message's term codes; none coded when handed out.
  var termCodes: MessageTermCodes
  /// The tables of finding a message's pattern hits; all 0 and `false` when handed out.
  var hitLookup: PatternHits.Tables
}

extension ScoringScratch {
  /// Fresh arrays for `faqCount` FAQs whose largest has `mostExamples` examples, and
  /// rules of `exampleCount` examples, `termCount` terms and `groupCount` pattern groups.
  init(faqCount: Int, mostExamples: Int, exampleCount: Int, termCount: Int, groupCount: Int) {
    var pending: [BoundHeap.Item] = []
    pending.reserveCapacity(min(faqCount, 256))
    // With a large rule set a message scores a few dozen FAQs in full.
    var ranked: [ScoredFAQ] = []
    ranked.reserveCapacity(min(faqCount, 32))
    self.init(
      partialShared: Array(repeating: 0, count: faqCount),
      flags: Array(repeating: 0, count: faqCount),
      reached: Array(repeating: 0, count: faqCount + 1),
      passing: Array(repeating: 0, count: faqCount),
      exampleShared: Array(repeating: 0, count: mostExamples),
      everyExampleShared: Array(repeating: 0, count: exampleCount), pending: pending,
      ranked: ranked, termCodes: MessageTermCodes(termCount: termCount),
      hitLookup: PatternHits.Tables(faqCount: faqCount, groupCount: groupCount))
  }
}

/// The arrays of a ``Query``, kept from one message to the next like ``ScoringScratch``.
///
/// A query has about ten short arrays, each allocated and freed once per message: about
/// a third of the allocations of answering one. Spares keep their capacity, so a query
/// allocates only when a message has more terms than any before it.
struct QueryScratch {
  /// For ``Query/plain``.
  var plain: [Int32] = []
  /// For ``Query/stopTerms``.
  var stopTerms: [Int32] = []
  /// For ``Query/contentTerms``.
  var contentTerms: [Int32] = []
  /// For ``Query/bigrams``.
  var bigrams: [Int64] = []
  /// For ``Query/contentWeights``.
  var contentWeights: [Double] = []
  /// For ``Query/regularContentWeights``.
  var regularContentWeights: [Double] = []
  /// For ``Query/stopWeights``.
  var stopWeights: [Double] = []
  /// For the words of a message that no rule uses.
  var unknownWords: [String] = []

  /// Empties every array, keeping its storage.
  ///
  /// Called when a spare is taken, not when it is given back: a query gives its arrays
  /// back while it still holds them, and emptying a shared array would copy it.
  mutating func removeAll() {
    plain.removeAll(keepingCapacity: true)
    stopTerms.removeAll(keepingCapacity: true)
    contentTerms.removeAll(keepingCapacity: true)
    bigrams.removeAll(keepingCapacity: true)
    contentWeights.removeAll(keepingCapacity: true)
    regularContentWeights.removeAll(keepingCapacity: true)
    stopWeights.removeAll(keepingCapacity: true)
    unknownWords.removeAll(keepingCapacity: true)
  }
}

/// The spare ``ScoringScratch`` of one rule set, for the messages that score against it,
/// on any thread, and the spare ``QueryScratch``.
///
/// A message takes a spare, or gets fresh arrays when every spare is in use, and gives it
/// back when done, as many at once as threads score.
final class ScoringScratchPool: @unchecked Sendable {
  // Safe: `spares` and `querySpares` are read and changed only while `lock` is held, and
  // a spare taken out belongs to the one message that took it until it is given back.
  private let lock = NSLock()
  private var spares: [ScoringScratch] = []
  private var querySpares: [QueryScratch] = []

  /// How many FAQs the rules have.
  private let faqCount: Int
  /// How many examples the FAQ with the most has.
  private let mostExamples: Int
  /// How many examples the rules have.
  private let exampleCount: Int
  /// How many terms the rules have.
  private let termCount: Int
  /// How many pattern groups the rules have.
  private let groupCount: Int

  /// The most spares kept: more threads than this scoring at once allocate, as without
  /// a pool.
  static let mostSpares = 16

  /// A pool for rules of `faqCount` FAQs whose largest has `mostExamples` examples, and
  /// of `exampleCount` examples, `termCount` terms and `groupCount` pattern groups.
  init(faqCount: Int, mostExamples: Int, exampleCount: Int, termCount: Int, groupCount: Int) {
    self.faqCount = faqCount
    self.mostExamples = mostExamples
    self.exampleCount = exampleCount
    self.termCount = termCount
    self.groupCount = groupCount
  }

  /// A spare, or fresh arrays when there is none: every entry is 0 and `pending` empty.
  func take() -> ScoringScratch {
    let spare = lock.withLock { spares.popLast() }
    return spare
      ?? ScoringScratch(
        faqCount: faqCount, mostExamples: mostExamples, exampleCount: exampleCount,
        termCount: termCount, groupCount: groupCount)
  }

  /// Keeps `scratch` for another message; its caller has cleared it.
  func giveBack(_ scratch: consuming ScoringScratch) {
    assert(scratch.partialShared.allSatisfy { $0 == 0 } && scratch.flags.allSatisfy { $0 == 0 })
    assert(scratch.pending.isEmpty && scratch.ranked.isEmpty && !scratch.termCodes.isCoded)
    assert(scratch.termCodes.codes.allSatisfy { $0 == 0 })
    assert(scratch.everyExampleShared.allSatisfy { $0 == 0 })
    assert(scratch.hitLookup.slots.allSatisfy { $0 == 0 })
    assert(scratch.hitLookup.isCounted.allSatisfy { !$0 })
    // Locked by hand, not in a closure: a closure would capture the scratch and append a
    // copy, a retain and a release of each of its arrays; this way it is moved in.
    lock.lock()
    defer { lock.unlock() }
    if spares.count < Self.mostSpares { spares.append(scratch) }
  }

  /// A query's spare arrays, empty, or empty arrays when there is none.
  func takeQueryScratch() -> QueryScratch {
    lock.lock()
    var spare = querySpares.popLast() ?? QueryScratch()
    lock.unlock()
    spare.removeAll()
    return spare
  }

  /// Keeps the arrays of a query for another message.
  func giveBack(_ scratch: consuming QueryScratch) {
    // Locked by hand, as above, so that the arrays are moved in.
    lock.lock()
    defer { lock.unlock() }
    if querySpares.count < Self.mostSpares { querySpares.append(scratch) }
  }
}
