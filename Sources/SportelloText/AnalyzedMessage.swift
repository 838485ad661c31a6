/// A message after analysis: its (repaired) text and its tokens.
public struct AnalyzedMessage: Sendable, Codable, Equatable {
  /// The message, with invalid UTF-8 replaced by U+FFFD; offsets refer to it.
  public var text: String

  /// The tokens, in the order they appear.
  public var tokens: [Token]

  /// How many invalid UTF-8 sequences were replaced (0 for a clean message).
  public var invalidUTF8Count: Int

  /// Creates an analysed message.
  public init(text: String, tokens: [Token], invalidUTF8Count: Int = 0) {
    self.text = text
    self.tokens = tokens
    self.invalidUTF8Count = invalidUTF8Count
  }

  /// The tokens' stems, in order.
  public var stems: [String] { tokens.map(\.stem) }

  /// The tokens' folded forms, in order.
  public var foldedWords: [String] { tokens.map(\.folded) }
}
