import Foundation

extension TextFolding {
  /// Appends the folded letters of a whole word: NFKC when needed, lowercase,
  /// apostrophes unified to `'`, acute à ì ò ù unified to grave, zero-width and
  /// control characters dropped.
  static func appendFoldedLetters(of word: String, to buffer: inout [UInt32]) {
    var needsNormalization = false
    for scalar in word.unicodeScalars where !isStableUnderNFKC(scalar.value) {
      if !isApostrophe(scalar.value) {
        needsNormalization = true
        break
      }
    }
    let source = needsNormalization ? word.precomposedStringWithCompatibilityMapping : word
    for scalar in source.unicodeScalars {
      let value = scalar.value
      if isIgnorable(value) { continue }
      if isApostrophe(value) {
        buffer.append(0x27)
        continue
      }
      buffer.append(unifyAccent(lowercase(value)))
    }
  }

  /// The folded form of a word given by a rule set or a caller: see
  /// ``appendFoldedLetters(of:to:)``.
  static func foldedWord(_ word: String) -> String {
    var buffer: [UInt32] = []
    buffer.reserveCapacity(word.utf8.count)
    appendFoldedLetters(of: word, to: &buffer)
    return ScalarString.make(buffer)
  }

  /// Collapses every run of three or more identical letters to one letter.
  ///
  /// - Returns: Whether anything was collapsed.
  @discardableResult
  static func squeezeRuns(_ letters: inout [UInt32]) -> Bool {
    var count = letters.count
    let isSqueezed = letters.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      return squeezeRuns(base, count: &count)
    }
    letters.removeLast(letters.count - count)
    return isSqueezed
  }

  /// Collapses, in place, every run of three or more identical letters among
  /// the `count` scalars at `letters` to one letter, and updates `count`.
  ///
  /// - Returns: Whether anything was collapsed.
  static func squeezeRuns(_ letters: UnsafeMutablePointer<UInt32>, count: inout Int) -> Bool {
    guard count >= 3 else { return false }
    var first = 2
    while first < count {
      let value = letters[first]
      if value == letters[first - 1], value == letters[first - 2], isLetter(value) { break }
      first += 1
    }
    guard first < count else { return false }
    // Everything before the first run of three stays as it is; that run
    // starts two letters before `first` (had it started earlier, the scan
    // would have stopped earlier).
    let runStart = first - 2
    var written = runStart
    var index = runStart
    while index < count {
      let value = letters[index]
      var end = index + 1
      while end < count, letters[end] == value { end += 1 }
      if end - index >= 3, isLetter(value) {
        letters[written] = value
        written += 1
      } else {
        for _ in index..<end {
          letters[written] = value
          written += 1
        }
      }
      index = end
    }
    count = written
    return true
  }
}

extension TextFolding {
  /// The word with à è é ì ò ù replaced by their plain vowels.
  static func withoutAccents(_ word: String) -> String {
    var letters: [UInt32] = []
    for scalar in word.unicodeScalars {
      switch scalar.value {
      case 0xE0, 0xE1: letters.append(0x61)
      case 0xE8, 0xE9: letters.append(0x65)
      case 0xEC, 0xED: letters.append(0x69)
      case 0xF2, 0xF3: letters.append(0x6F)
      case 0xF9, 0xFA: letters.append(0x75)
      default: letters.append(scalar.value)
      }
    }
    return ScalarString.make(letters)
  }
}
