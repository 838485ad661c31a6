/// `{name}` placeholders in answers and templates.
enum Placeholders {
  /// A placeholder found in a text: its name and the character offset of its `{`.
  struct Occurrence: Sendable, Equatable {
    var name: String
    var offset: Int
  }

  /// Every `{name}` in `text`, where the name is lowercase letters, digits and `_`.
  static func occurrences(in text: String) -> [Occurrence] {
    var result: [Occurrence] = []
    var offset = 0
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "{" {
        var end = text.index(after: index)
        while end < text.endIndex, isNameCharacter(text[end]) { end = text.index(after: end) }
        if end < text.endIndex, text[end] == "}", end > text.index(after: index) {
          result.append(Occurrence(name: String(text[text.index(after: index)..<end]), offset: offset))
          offset += text.distance(from: index, to: end) + 1
          index = text.index(after: end)
          continue
        }
      }
      offset += 1
      index = text.index(after: index)
    }
    return result
  }

  /// Replaces each `{name}` that `values` knows; unknown ones stay as written.
  static func fill(_ text: String, with values: (String) -> String?) -> String {
    guard text.contains("{") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "{" {
        var end = text.index(after: index)
        while end < text.endIndex, isNameCharacter(text[end]) { end = text.index(after: end) }
        if end < text.endIndex, text[end] == "}",
          let value = values(String(text[text.index(after: index)..<end]))
        {
          result += value
          index = text.index(after: end)
          continue
        }
      }
      result.append(text[index])
      index = text.index(after: index)
    }
    return result
  }

  private static func isNameCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLowercase || character.isNumber || character == "_")
  }
}
