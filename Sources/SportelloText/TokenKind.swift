/// What a token is: a word to stem, or something kept whole.
///
/// Everything but ``word`` is kept as written (lowercased), never stemmed and
/// never corrected.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
  /// A word (letters), including expanded chat-speak.
  case word
  /// A number: `12`, `3,5`, `1.000`, `10%`, `2x3`.
  case number
  /// A date: `3/12`, `03-12-2026`, `3.12.2026`.
  case date
  /// A time of day: `8:30`.
  case time
  /// An amount of money: `22,21 €`, `€ 5`, `10 euro`.
  case money
  /// A code: a tax code (codice fiscale), a protocol number, a plate, any mix of
  /// letters and digits.
  case code
  /// A web address: `https://...`, `www....`.
  case url
  /// An e-mail address.
  case email
  /// An emoji, with its modifiers and joined parts.
  case emoji
}
