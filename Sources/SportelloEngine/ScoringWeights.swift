/// The constants of the matcher's score, documented in ``Matcher``.
///
/// Fixed in the product; tests build matchers with other values to measure them.
struct ScoringWeights: Sendable, Equatable {
  /// How much the FAQ-wide coverage counts against the best example.
  var coverage = 0.8
  /// The bonus per matched keyword group.
  var keyword = 0.08
  /// How many matched keyword groups earn the bonus: a third group of one FAQ in the same
  /// message is strong evidence (on Corpus/ of 2026-12-04: 33 more right answers, 1 more
  /// wrong than with two).
  var keywordGroups = 3
  /// The bonus per two-word phrase shared with the best example.
  var bigram = 0.05
  /// How many shared phrases earn the bonus.
  var bigrams = 2
  /// The weight of a word no rule uses, as a share of the rarest rule word's weight.
  var unknown = 0.6
}
