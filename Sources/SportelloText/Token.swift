/// One analysed token of a message.
///
/// It keeps what a member of staff needs to understand a match: where the token
/// is in the message, what it became, and why.
///
///     // "cmq" in "ciao cmq"
///     Token(surface: "cmq", offset: 5, folded: "comunque", stem: "comunqu",
///           kind: .word, changes: [.expandedAbbreviation(from: "cmq")],
///           isStopWord: false, isProtected: false)
///
/// An abbreviation that expands to several words yields one token per word;
/// they share the surface and the offset.
public struct Token: Sendable, Codable, Equatable {
  /// The token as written in the message.
  public var surface: String

  /// The offset of ``surface`` in the analysed message's text, in `Character`s.
  public var offset: Int

  /// The normalised form: NFKC, lowercase, apostrophes and accents unified,
  /// letters squeezed, abbreviations expanded, typos corrected.
  public var folded: String

  /// The Snowball stem of ``folded``; equal to ``folded`` for protected words and
  /// for every kind but ``TokenKind/word``.
  public var stem: String

  /// What the token is.
  public var kind: TokenKind

  /// What the analyzer changed, in order.
  public var changes: [TokenChange]

  /// Whether the folded form is a stop word (to weigh less, never to drop).
  public var isStopWord: Bool

  /// Whether the folded form is a protected word (an acronym or a name).
  public var isProtected: Bool

  /// Creates a token.
  public init(
    surface: String, offset: Int, folded: String, stem: String, kind: TokenKind,
    changes: [TokenChange] = [], isStopWord: Bool = false, isProtected: Bool = false
  ) {
    self.surface = surface
    self.offset = offset
    self.folded = folded
    self.stem = stem
    self.kind = kind
    self.changes = changes
    self.isStopWord = isStopWord
    self.isProtected = isProtected
  }
}
