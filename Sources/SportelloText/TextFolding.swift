/// Character-level folding rules shared by the analyzer, the stemmer and the
/// typo vocabulary: lowercase, apostrophe and accent unification, and the
/// classes of scalars the tokenizer needs.
///
/// Everything works on Unicode scalar values so that plain ASCII and Latin-1
/// text never touches the slower `Character` machinery.
enum TextFolding {
  /// The lowercase form of a scalar, for scalars whose lowercase is one scalar.
  ///
  /// ASCII and Latin-1 are handled inline; other scalars use the Unicode
  /// lowercase mapping when it is a single scalar, and are kept otherwise.
  static func lowercase(_ value: UInt32) -> UInt32 {
    if value < 0x80 {
      return (0x41...0x5A).contains(value) ? value + 0x20 : value
    }
    if (0xC0...0xDE).contains(value), value != 0xD7 { return value + 0x20 }
    if value < 0xFF { return value }
    return lowercaseFromProperties(value)
  }

  /// ``lowercase(_:)`` from the Unicode properties, for scalars from U+00FF.
  ///
  /// Never inlined: `Unicode.Scalar.Properties` is a resilient type, and a
  /// caller that inlined this would look up its metadata on every call, even
  /// for plain ASCII.
  @inline(never)
  private static func lowercaseFromProperties(_ value: UInt32) -> UInt32 {
    guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else {
      return value
    }
    let mapped = scalar.properties.lowercaseMapping.unicodeScalars
    return mapped.count == 1 ? mapped.first?.value ?? value : value
  }

  /// Whether the scalar is one of the many ways people type an apostrophe:
  /// ' ’ ‘ ` ´ ʼ ′ and the fullwidth apostrophe.
  static func isApostrophe(_ value: UInt32) -> Bool {
    switch value {
    case 0x27, 0x2019, 0x2018, 0x60, 0xB4, 0x2BC, 0x2B9, 0x2032, 0xFF07, 0x201B: return true
    default: return false
    }
  }

  /// Italian writes à ì ò ù with a grave accent; acute variants are unified to
  /// grave. `é` stays distinct from `è` (perché, è).
  static func unifyAccent(_ value: UInt32) -> UInt32 {
    switch value {
    case 0xE1: return 0xE0
    case 0xED: return 0xEC
    case 0xF3: return 0xF2
    case 0xFA: return 0xF9
    default: return value
    }
  }

  /// The letter with a grave accent (é for e is handled by the chat table), used
  /// when an apostrophe after a final vowel stands for an accent: `citta'`.
  static func accented(_ value: UInt32) -> UInt32? {
    switch value {
    case 0x61: return 0xE0
    case 0x65: return 0xE8
    case 0x69: return 0xEC
    case 0x6F: return 0xF2
    case 0x75: return 0xF9
    default: return nil
    }
  }

  /// Whether the scalar is an Italian vowel (plain or accented).
  static func isVowel(_ value: UInt32) -> Bool {
    switch value {
    case 0x61, 0x65, 0x69, 0x6F, 0x75, 0xE0, 0xE8, 0xE9, 0xEC, 0xF2, 0xF9: return true
    default: return false
    }
  }

  /// Whether the scalar is an ASCII digit.
  @inline(__always)
  static func isDigit(_ value: UInt32) -> Bool {
    value &- 0x30 < 10
  }

  /// Whether the scalar is a letter (or a combining mark that belongs to one).
  @inline(__always)
  static func isLetter(_ value: UInt32) -> Bool {
    if value < 0x80 {
      return (value | 0x20) &- 0x61 < 26
    }
    return isNonASCIILetter(value)
  }

  /// ``isLetter(_:)`` for scalars from U+0080.
  private static func isNonASCIILetter(_ value: UInt32) -> Bool {
    if value < 0x100 {
      return value >= 0xC0 && value != 0xD7 && value != 0xF7 || value == 0xAA || value == 0xB5
        || value == 0xBA
    }
    return isLetterFromProperties(value)
  }

  /// ``isLetter(_:)`` from the Unicode properties, for scalars from U+0100;
  /// never inlined, as ``lowercaseFromProperties(_:)``.
  @inline(never)
  private static func isLetterFromProperties(_ value: UInt32) -> Bool {
    if isIgnorable(value) || isApostrophe(value) { return false }
    guard let scalar = Unicode.Scalar(value) else { return false }
    if scalar.properties.isAlphabetic { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Whether the scalar separates tokens: whitespace of any kind.
  @inline(__always)
  static func isWhitespace(_ value: UInt32) -> Bool {
    if value < 0x80 {
      return value == 0x20 || (0x09...0x0D).contains(value)
    }
    return isNonASCIIWhitespace(value)
  }

  /// ``isWhitespace(_:)`` for scalars from U+0080.
  private static func isNonASCIIWhitespace(_ value: UInt32) -> Bool {
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  /// Whether the scalar is dropped from words: zero-width and format
  /// characters, soft hyphens and control characters.
  @inline(__always)
  static func isIgnorable(_ value: UInt32) -> Bool {
    if value >= 0x20 && value < 0x7F { return false }
    return isIgnorableOutsidePrintableASCII(value)
  }

  /// ``isIgnorable(_:)`` for scalars outside printable ASCII.
  private static func isIgnorableOutsidePrintableASCII(_ value: UInt32) -> Bool {
    switch value {
    case 0x00...0x08, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F, 0xAD, 0x200B...0x200F,
      0x202A...0x202E, 0x2060...0x2064, 0xFEFF, 0xFE00...0xFE0F:
      return true
    default:
      return false
    }
  }

  /// Whether the scalar starts an emoji: a pictograph or a regional indicator.
  static func isEmoji(_ value: UInt32) -> Bool {
    if value < 0x2100 { return value == 0x203C || value == 0x2049 }
    if (0x1F1E6...0x1F1FF).contains(value) { return true }
    return isEmojiFromProperties(value)
  }

  /// ``isEmoji(_:)`` from the Unicode properties; never inlined, as
  /// ``lowercaseFromProperties(_:)``.
  @inline(never)
  private static func isEmojiFromProperties(_ value: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.isEmoji
  }

  /// Whether the scalar continues an emoji sequence: variation selectors, skin
  /// tones, the zero-width joiner, keycaps and tags.
  static func continuesEmoji(_ value: UInt32) -> Bool {
    switch value {
    case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x200D, 0x20E3, 0xE0020...0xE007F: return true
    default: return false
    }
  }

  /// Whether NFKC leaves the scalar unchanged and it needs no context, so text
  /// made only of such scalars can skip normalisation.
  static func isStableUnderNFKC(_ value: UInt32) -> Bool {
    if value < 0xA0 { return true }
    if value < 0xC0 {
      switch value {
      case 0xA8, 0xAA, 0xAF, 0xB2, 0xB3, 0xB4, 0xB5, 0xB8, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE:
        return false
      default:
        return true
      }
    }
    if value < 0x17F {
      switch value {
      case 0x132, 0x133, 0x13F, 0x140, 0x149: return false
      default: return true
      }
    }
    switch value {
    case 0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x20AC:
      return true
    case 0x2190...0x21FF, 0x2300...0x23FF, 0x25A0...0x27BF, 0x2B00...0x2BFF, 0x1F300...0x1FAFF:
      return true
    default:
      return false
    }
  }

  /// Whether the scalar is a whole grapheme cluster on its own in any context
  /// (apart from CR LF), so that scalar offsets equal `Character` offsets.
  static func isOwnGrapheme(_ value: UInt32) -> Bool {
    if value < 0x300 { return true }
    switch value {
    case 0x2010...0x205F, 0x20A0...0x20CF, 0x2190...0x21FF, 0x2300...0x23FF, 0x25A0...0x27BF,
      0x2B00...0x2BFF:
      return value != 0x200C && value != 0x200D
    case 0x1F300...0x1F3FA, 0x1F400...0x1FAFF:
      return true
    default:
      return false
    }
  }
}
