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

  /// Makes the tables of `index`.
  ///
  /// - Parameter isHandover: Whether each FAQ, in rule order, hands over to a person.
  /// - Complexity: O(n) in the number of FAQs and examples.
  init(
    index: MatcherIndex, weights: ScoringWeights, expiryInstants: [Date?], isHandover: [Bool]
  ) {
    self.index = index
    self.weights = weights
    self.expiryInstants = expiryInstants
    expiryTimes = expiryInstants.map { $0?.timeIntervalSinceReferenceDate ?? .infinity }
    self.isHandover = isHandover
    exampleRanges = index.entries.map(\.examples)
    requiredGroupCounts = index.entries.map(\.requiredGroups.count)
    exampleNorms = index.examples.map(\.norm)
  }

  /// The number of FAQs.
  var faqCount: Int { exampleRanges.count }
}
