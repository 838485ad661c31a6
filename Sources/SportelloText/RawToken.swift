/// The Unicode scalar values of a message during one analysis, borrowed from
/// the ``SourceText`` that owns them.
///
/// A buffer rather than an array so that the scanning loops neither check
/// bounds twice nor retain storage per access; it never outlives the analysis.
typealias Scalars = UnsafeBufferPointer<UInt32>

/// A token found by the ``Segmenter``, before folding: a range of scalars of the
/// ``SourceText`` and what the segmenter knows about it.
struct RawToken {
  /// How a word token relates to the apostrophes around it.
  enum Role: Equatable {
    /// A plain token.
    case plain
    /// An elided article or preposition (`dell'`) followed by its word.
    case elided
    /// An elided form standing alone (`l'` before a space).
    case elidedAlone
    /// A word whose final apostrophe stands for an accent: `e'`, `citta'`, `po'`.
    case accentApostrophe
    /// A currency sign or word (`€`, `euro`), merged with a number when one is beside it.
    case currency
  }

  /// First scalar of the surface.
  var start: Int
  /// One past the last scalar of the surface.
  var end: Int
  /// The kind found by the segmenter.
  var kind: TokenKind
  /// The role of the token among apostrophes.
  var role: Role = .plain
  /// For the word right after an elided form, the index of that form's token.
  var elidedToken: Int?
}
