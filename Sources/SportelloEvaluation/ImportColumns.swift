import Foundation

/// Where each known column sits in an FAQ spreadsheet, read from its header.
///
/// Header names are Italian or English, matched without regard to case, accents,
/// surrounding blanks, `_` or `-`: `id`; `domanda`/`question`; `risposta`/`answer`;
/// `tag`/`tags`/`parole chiave`/`keywords`; and the optional `titolo`/`title`,
/// `ufficio`/`office`, `link`. Unknown columns are ignored; when a name repeats, the
/// first column wins.
public struct ImportColumns: Sendable, Equatable {
  /// The column of each field.
  public enum Field: String, Sendable, CaseIterable {
    case id, question, answer, tags, title, office, link
  }

  /// The index of each field found.
  public private(set) var indices: [Field: Int] = [:]

  /// The header names that mean each field.
  static let names: [Field: Set<String>] = [
    .id: ["id", "codice", "numero"],
    .question: ["domanda", "domande", "question", "questions"],
    .answer: ["risposta", "risposte", "answer", "answers"],
    .tags: ["tag", "tags", "parole chiave", "parola chiave", "keywords", "keyword"],
    .title: ["titolo", "title"],
    .office: ["ufficio", "office"],
    .link: ["link", "url"],
  ]

  /// Maps a header row.
  ///
  /// - Throws: ``EvaluationError/missingColumn(path:name:)`` when there is no question
  ///   or no answer column.
  public init(header: [String], path: String) throws {
    for (index, name) in header.enumerated() {
      let key = Self.normalized(name)
      for (field, names) in Self.names where names.contains(key) && indices[field] == nil {
        indices[field] = index
      }
    }
    guard indices[.question] != nil else {
      throw EvaluationError.missingColumn(path: path, name: "domanda")
    }
    guard indices[.answer] != nil else {
      throw EvaluationError.missingColumn(path: path, name: "risposta")
    }
  }

  /// The trimmed value of `field` in `fields`; empty when the column is absent or the
  /// row is short.
  public func value(_ field: Field, in fields: [String]) -> String {
    guard let index = indices[field], index < fields.count else { return "" }
    return fields[index].trimmed()
  }

  /// A header name folded for comparison.
  static func normalized(_ name: String) -> String {
    name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "_", with: " ")
      .replacingOccurrences(of: "-", with: " ")
      .split(separator: " ").joined(separator: " ")
  }
}
