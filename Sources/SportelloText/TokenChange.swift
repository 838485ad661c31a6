/// One change the analyzer made to a token, with the form before the change.
///
/// A token lists its changes in the order they were made. `from` is the form
/// just before that step: the surface for the first step, the folded
/// intermediate form for later ones.
public enum TokenChange: Sendable, Codable, Equatable {
  /// Chat-speak or a misspelling from the abbreviation table: `cmq` → `comunque`.
  case expandedAbbreviation(from: String)
  /// A typo corrected to the nearest vocabulary word: `residneza` → `residenza`.
  case correctedTypo(from: String)
  /// Runs of three or more identical letters collapsed: `ciaooo` → `ciao`.
  case squeezedLetters(from: String)
  /// An elided article or preposition split from its word: `dell'IMU`.
  case splitElision(from: String)
  /// An accent restored: `e'` → `è`, `perche` → `perché`.
  case restoredAccent(from: String)

  /// The form before the change.
  public var from: String {
    switch self {
    case .expandedAbbreviation(let from), .correctedTypo(let from), .squeezedLetters(let from),
      .splitElision(let from), .restoredAccent(let from):
      return from
    }
  }

  /// A short English name for the change, as `sportello analyze` prints it.
  public var name: String {
    switch self {
    case .expandedAbbreviation: return "abbreviation"
    case .correctedTypo: return "typo"
    case .squeezedLetters: return "squeezed"
    case .splitElision: return "elision"
    case .restoredAccent: return "accent"
    }
  }
}
