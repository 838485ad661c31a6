import Foundation

/// Adds an example question to one FAQ of a `.faq` file, touching nothing else.
///
/// The new item goes right after the last `- ` item of the FAQ's `domande:` list, with the
/// same indentation as that item; comments, blank lines, the byte-order mark and the line
/// endings (LF or CRLF) of the file are kept as they were.
///
///     [anagrafe.carta_identita]          [anagrafe.carta_identita]
///     domande:                           domande:
///     - come faccio la carta d'identità  - come faccio la carta d'identità
///     # a comment                   ->   - mi serve la cie per domani
///     parole:                            # a comment
///                                        parole:
public enum FAQFileEditor {
  /// The result of an edit.
  public enum Edit: Sendable, Equatable {
    /// The file's new contents and the 1-based line of the new item.
    case inserted(contents: String, line: Int)
    /// The example was already in the list (compared without case and outer spaces).
    case alreadyPresent(line: Int)
  }

  /// Why the edit could not be made.
  public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `[id]` header in the file.
    case faqNotFound(String)
    /// The FAQ has no `domande:` key.
    case noQuestionList(String)
    /// The example is empty once folded onto one line.
    case emptyExample

    /// The failure in lower case.
    public var description: String {
      switch self {
      case .faqNotFound(let id): "no '[\(id)]' in the file"
      case .noQuestionList(let id): "faq '\(id)' has no 'domande:' list"
      case .emptyExample: "the example is empty"
      }
    }
  }

  /// The example folded onto one line: line breaks and runs of spaces become one space.
  public static func singleLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
  }

  /// Adds `example` to the `domande:` list of FAQ `id` in `contents`.
  ///
  /// - Throws: ``Failure``.
  public static func addingExample(
    _ example: String, toFAQ id: String, in contents: String
  ) throws -> Edit {
    let item = singleLine(example)
    guard !item.isEmpty else { throw Failure.emptyExample }
    let hasBOM = contents.hasPrefix("\u{FEFF}")
    let body = hasBOM ? String(contents.dropFirst()) : contents
    let lineEnding = body.contains("\r\n") ? "\r\n" : "\n"
    // Split on bytes: "\r\n" is one Character, so character-wise splitting would miss it.
    var lines = body.utf8.split(separator: 10, omittingEmptySubsequences: false).map { line in
      String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
    }
    let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
    guard let header = trimmed.firstIndex(of: "[\(id)]") else { throw Failure.faqNotFound(id) }
    let end =
      trimmed[(header + 1)...].firstIndex { $0.hasPrefix("[") && $0.hasSuffix("]") }
      ?? trimmed.count
    guard let list = trimmed[(header + 1)..<end].firstIndex(where: { $0.hasPrefix("domande:") })
    else { throw Failure.noQuestionList(id) }
    var lastItem: Int?
    var index = list + 1
    while index < end {
      let line = trimmed[index]
      if line.hasPrefix("-") {
        let existing = line.dropFirst().trimmingCharacters(in: .whitespaces)
        if existing.lowercased() == item.lowercased() { return .alreadyPresent(line: index + 1) }
        lastItem = index
      } else if !(line.isEmpty || line.hasPrefix("#")) {
        break
      }
      index += 1
    }
    let anchor = lastItem ?? list
    let indent = lastItem.map { String(lines[$0].prefix { $0 == " " || $0 == "\t" }) } ?? ""
    lines.insert(indent + "- " + item, at: anchor + 1)
    let joined = lines.joined(separator: lineEnding)
    return .inserted(contents: (hasBOM ? "\u{FEFF}" : "") + joined, line: anchor + 2)
  }
}
