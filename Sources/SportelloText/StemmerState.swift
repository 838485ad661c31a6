/// The working state of one run of ``ItalianStemmer``: the letters and the three
/// regions of the Snowball algorithm.
///
/// Positions count letters from the start of the word; deletions only ever happen
/// at the end, so a region start stays valid while the word shrinks. No step
/// makes the word longer (a replacement is never longer than what it replaces),
/// so the letters are edited in place in the caller's storage and the state only
/// moves ``count``. The names of the steps follow the Snowball source
/// (`prelude`, `mark_regions`, `attached_pronoun`, `standard_suffix`,
/// `verb_suffix`, `vowel_suffix`, `postlude`).
struct StemmerState {
  /// The letters, as Unicode scalar values; `U` and `I` mark non-vowel u and i.
  ///
  /// The caller's storage, valid for the state's lifetime; only the first
  /// ``count`` letters are the word.
  let word: UnsafeMutablePointer<UInt32>

  /// How many letters the word has now.
  var count: Int

  /// Start of the region RV.
  var rv = 0

  /// Start of the region R1.
  var r1 = 0

  /// Start of the region R2.
  var r2 = 0

  /// Whether any step changed the letters (the prelude's marks do not count).
  var isChanged = false

  /// Whether the prelude marked a `U` or an `I`, for the postlude to undo.
  var hasMarks = false

  /// One bit per vowel, for words of up to 64 letters, once ``prelude()`` ran.
  var vowels: UInt64 = 0

  /// A state over the `count` letters at `word`, which it edits in place.
  init(word: UnsafeMutablePointer<UInt32>, count: Int) {
    self.word = word
    self.count = count
  }

  /// The letters of the word as it stands.
  var letters: UnsafeBufferPointer<UInt32> {
    UnsafeBufferPointer(start: word, count: count)
  }

  /// The last letter, or `nil` for an empty word.
  var last: UInt32? {
    count > 0 ? word[count - 1] : nil
  }

  // MARK: Letters

  static let upperU: UInt32 = 0x55
  static let upperI: UInt32 = 0x49

  /// The Snowball group `v`: a e i o u and the grave-accented à è ì ò ù.
  static func isVowel(_ value: UInt32) -> Bool {
    switch value {
    case 0x61, 0x65, 0x69, 0x6F, 0x75, 0xE0, 0xE8, 0xEC, 0xF2, 0xF9: return true
    default: return false
    }
  }

  /// The Snowball group `AEIO`: a e i o and à è ì ò.
  static func isResidualVowel(_ value: UInt32) -> Bool {
    switch value {
    case 0x61, 0x65, 0x69, 0x6F, 0xE0, 0xE8, 0xEC, 0xF2: return true
    default: return false
    }
  }

  // MARK: Forward steps

  /// Acute accents become grave, `qu` marks its u, and u or i between vowels
  /// become the non-vowels `U` and `I`.
  ///
  /// For a word of up to 64 letters it also notes where the vowels are, in
  /// ``vowels``, which the marking keeps up to date and ``markRegions()``
  /// reads.
  mutating func prelude() {
    var index = 0
    var mask: UInt64 = 0
    while index < count {
      let value = word[index]
      if value == 0x71, index + 1 < count, word[index + 1] == 0x75 {
        word[index + 1] = Self.upperU
        hasMarks = true
        index += 2
        continue
      }
      switch value {
      case 0xE1, 0xE9, 0xED, 0xF3, 0xFA:
        word[index] = value - 1
        isChanged = true
      default: break
      }
      if index < UInt64.bitWidth, Self.isVowel(word[index]) { mask |= 1 &<< index }
      index += 1
    }
    guard count <= UInt64.bitWidth else {
      markVowelsBetweenVowelsLetterByLetter()
      return
    }
    // A u or an i between two vowels, from left to right: a mark turns a
    // vowel into a non-vowel, which the next position then sees.
    var center = 1
    while center + 1 < count {
      if mask & (1 &<< (center - 1)) != 0, mask & (1 &<< (center + 1)) != 0 {
        let value = word[center]
        if value == 0x75 || value == 0x69 {
          word[center] = value == 0x75 ? Self.upperU : Self.upperI
          hasMarks = true
          mask &= ~(1 &<< center)
        }
      }
      center += 1
    }
    vowels = mask
  }

  /// The second half of ``prelude()`` for words longer than a bit mask.
  private mutating func markVowelsBetweenVowelsLetterByLetter() {
    var index = 0
    while index + 2 < count {
      if Self.isVowel(word[index]), Self.isVowel(word[index + 2]) {
        if word[index + 1] == 0x75 {
          word[index + 1] = Self.upperU
          hasMarks = true
        } else if word[index + 1] == 0x69 {
          word[index + 1] = Self.upperI
          hasMarks = true
        }
      }
      index += 1
    }
  }

  /// Sets RV, R1 and R2 as the Snowball description defines them; runs after
  /// ``prelude()``.
  mutating func markRegions() {
    guard count <= UInt64.bitWidth else {
      markRegionsLetterByLetter()
      return
    }
    // Every region boundary is the position just past the next set bit of a
    // mask of the vowels (`nil` when none is left). Shifts are masking (&<<,
    // &>>) where the amount is known to be below 64: Swift's << and >> check.
    let letters: UInt64 = count == UInt64.bitWidth ? ~0 : (1 &<< count) - 1
    let nonVowels = ~vowels & letters
    rv = count
    r1 = count
    r2 = count
    if count >= 2 {
      switch (vowels & 1 != 0, vowels & 2 != 0) {
      case (true, false), (false, false):
        rv = Self.positionPast(vowels, from: 2) ?? count
      case (true, true):
        rv = Self.positionPast(nonVowels, from: 2) ?? count
      case (false, true):
        rv = count >= 3 ? 3 : count
      }
    }
    if isDivano { rv = 5 }
    if let vowel = Self.positionPast(vowels, from: 0),
      let start = Self.positionPast(nonVowels, from: vowel)
    {
      r1 = start
      if let vowel2 = Self.positionPast(vowels, from: start),
        let start2 = Self.positionPast(nonVowels, from: vowel2)
      {
        r2 = start2
      }
    }
  }

  /// The position just after the first set bit of `mask` at or after `start`,
  /// or `nil`.
  @inline(__always)
  private static func positionPast(_ mask: UInt64, from start: Int) -> Int? {
    guard start < UInt64.bitWidth else { return nil }
    let rest = mask &>> start
    return rest == 0 ? nil : start + rest.trailingZeroBitCount + 1
  }

  /// Whether the word starts with `divan`: the Snowball source makes an
  /// exception so that "divano" keeps "divan".
  private var isDivano: Bool {
    count >= 5 && word[0] == 0x64 && word[1] == 0x69 && word[2] == 0x76 && word[3] == 0x61
      && word[4] == 0x6E
  }

  /// ``markRegions()`` for words longer than a bit mask, one letter at a time.
  private mutating func markRegionsLetterByLetter() {
    /// The position just after the first letter at or after `start` that is
    /// a vowel (or is not, when `isVowel` is false), or `nil`.
    func positionPast(vowel isVowel: Bool, from start: Int) -> Int? {
      var index = start
      while index < count {
        if Self.isVowel(word[index]) == isVowel { return index + 1 }
        index += 1
      }
      return nil
    }
    rv = count
    r1 = count
    r2 = count
    if count >= 2 {
      switch (Self.isVowel(word[0]), Self.isVowel(word[1])) {
      case (true, false), (false, false):
        rv = positionPast(vowel: true, from: 2) ?? count
      case (true, true):
        rv = positionPast(vowel: false, from: 2) ?? count
      case (false, true):
        rv = count >= 3 ? 3 : count
      }
    }
    if isDivano { rv = 5 }
    if let vowel = positionPast(vowel: true, from: 0),
      let start = positionPast(vowel: false, from: vowel)
    {
      r1 = start
      if let vowel2 = positionPast(vowel: true, from: start),
        let start2 = positionPast(vowel: false, from: vowel2)
      {
        r2 = start2
      }
    }
  }

  /// Undoes the prelude's marks.
  mutating func postlude() {
    guard hasMarks else { return }
    for index in 0..<count {
      if word[index] == Self.upperI {
        word[index] = 0x69
      } else if word[index] == Self.upperU {
        word[index] = 0x75
      }
    }
  }

  // MARK: Backward helpers

  /// Whether the letters end, at `end`, with `suffix`.
  func hasSuffix(_ suffix: [UInt32], endingAt end: Int) -> Bool {
    guard suffix.count <= end else { return false }
    let start = end - suffix.count
    for offset in 0..<suffix.count where word[start + offset] != suffix[offset] {
      return false
    }
    return true
  }

  /// Whether the word ends with `suffix`.
  func hasSuffix(_ suffix: [UInt32]) -> Bool {
    hasSuffix(suffix, endingAt: count)
  }

  /// The longest suffix of `table` ending at `end` that starts at or after `limit`.
  func longestSuffix(in table: SuffixTable, endingAt end: Int, limit: Int = 0) -> Int? {
    table.longestMatch(in: letters, endingAt: end, limit: limit)
  }

  /// Replaces the last `length` letters with `replacement`, which is never
  /// longer than they are.
  mutating func replaceSuffix(length: Int, with replacement: [UInt32]) {
    assert(replacement.count <= length, "a replacement never lengthens the word")
    removeLast(length)
    for value in replacement {
      word[count] = value
      count += 1
    }
  }

  /// Deletes the last `length` letters.
  mutating func removeLast(_ length: Int = 1) {
    count -= length
    isChanged = true
  }

  /// Deletes `suffix` from the end when it is there and starts at or after `region`.
  ///
  /// - Returns: Whether it was deleted.
  @discardableResult
  mutating func deleteSuffix(_ suffix: [UInt32], ifStartsAtOrAfter region: Int) -> Bool {
    guard hasSuffix(suffix), count - suffix.count >= region else { return false }
    removeLast(suffix.count)
    return true
  }
}
