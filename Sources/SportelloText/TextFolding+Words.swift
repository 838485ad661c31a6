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
    guard letters.count >= 3 else { return false }
    var hasRun = false
    for index in 2..<letters.count
    where letters[index] == letters[index - 1] && letters[index] == letters[index - 2]
      && isLetter(letters[index])
    {
      hasRun = true
      break
    }
    guard hasRun else { return false }
    var result: [UInt32] = []
    result.reserveCapacity(letters.count)
    var index = 0
    while index < letters.count {
      let value = letters[index]
      var end = index + 1
      while end < letters.count, letters[end] == value { end += 1 }
      let runLength = end - index
      if runLength >= 3, isLetter(value) {
        result.append(value)
      } else {
        result.append(contentsOf: letters[index..<end])
      }
      index = end
    }
    letters = result
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
