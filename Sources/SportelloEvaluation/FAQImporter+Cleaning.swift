import Foundation

/// How spreadsheet values are cleaned into rule values that lint clean.
extension FAQImporter {
  /// The longest answer a WhatsApp message holds, as the engine's lint checks it.
  public static let maximumAnswerLength = 4096

  /// Whether `text` is an http:// or https:// address without blanks.
  static func isWebAddress(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://"))
      && !text.contains(where: \.isWhitespace)
  }

  /// The text with every `{name}` (lowercase letters, digits, `_`) written `{ name }`,
  /// which the rule format does not read as a placeholder.
  static func escapingPlaceholders(_ text: String) -> String {
    guard text.contains("{") else { return text }
    var result = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let afterOpen = rest.index(after: open)
      let name = rest[afterOpen...].prefix {
        $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_")
      }
      let close = name.endIndex
      if !name.isEmpty, close < rest.endIndex, rest[close] == "}" {
        result += "{ \(name) }"
        rest = rest[rest.index(after: close)...]
      } else {
        result += "{"
        rest = rest[afterOpen...]
      }
    }
    return result + rest
  }

  /// The text cut to at most `limit` characters, at the last line or sentence end
  /// that fits, with `…` at the end.
  static func cut(_ text: String, to limit: Int) -> String {
    let head = text.prefix(max(0, limit - 1))
    var kept = head
    if let boundary = head.lastIndex(where: { $0 == "\n" || $0 == "." }),
      head.distance(from: head.startIndex, to: boundary) > limit / 2
    {
      kept = head[...boundary]
    }
    return kept.trimmingCharacters(in: .whitespacesAndNewlines) + "…"
  }

  /// Folds a spreadsheet id into the id alphabet: lower case, accents removed, every
  /// other character run replaced by `-`.
  public static func intentID(from raw: String) -> String {
    let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .lowercased()
    var id = ""
    for scalar in folded.unicodeScalars {
      if CorpusReader.isValidIntentID(String(scalar)) {
        id.unicodeScalars.append(scalar)
      } else if !id.hasSuffix("-") {
        id += "-"
      }
    }
    return id.trimmed(where: { $0 == "-" })
  }

  /// The tags of a cell: split on `,`, `;`, `|` and line breaks, trimmed, repeats
  /// (ignoring case) removed.
  public static func tags(from cell: String) -> [String] {
    var seen: Set<String> = []
    var tags: [String] = []
    for part in cell.split(whereSeparator: { ",;|\n\r".contains($0) }) {
      let tag = singleLine(String(part))
      guard !tag.isEmpty, seen.insert(tag.lowercased()).inserted else { continue }
      tags.append(tag)
    }
    return tags
  }

  /// The text on one line, runs of blanks and line breaks squeezed to one space.
  static func singleLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// The answer with each line's trailing blanks and the surrounding blank lines
  /// removed; everything else verbatim.
  static func answerText(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.trimmedAtEnd()
    }
    let first = lines.firstIndex { !$0.isEmpty } ?? lines.count
    let last = lines.lastIndex { !$0.isEmpty } ?? -1
    guard first <= last else { return "" }
    return lines[first...last].joined(separator: "\n")
  }
}
