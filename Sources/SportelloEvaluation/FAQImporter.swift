import Foundation

/// Turns an FAQ spreadsheet into FAQs in the staff rule format.
///
/// Each row gives one FAQ: its question becomes the first example question, its tags
/// the keywords, its answer the answer, verbatim. The intent id is ``prefix`` and the
/// row's `id` column (or, without one, the row's number among the data rows), folded to
/// the id alphabet: `--prefix faq-` and id `182` give `faq-182`. Rows without a
/// question or an answer, and rows repeating an earlier id, are skipped and reported.
///
///     let result = try FAQImporter(prefix: "faq-").read(file: "faq.csv")
///     try RuleFileWriter(directory: "Rules/importate").write(result.faqs, source: "faq.csv")
public struct FAQImporter: Sendable {
  /// What an import read: the FAQs and the rows left out.
  public struct Result: Sendable, Equatable {
    /// The FAQs, in file order.
    public var faqs: [ImportedFAQ]
    /// The rows skipped, in file order.
    public var skipped: [SkippedRow]
  }

  /// Put before every id; must itself use only the id alphabet.
  public var prefix: String

  /// The office for every FAQ; overrides an `ufficio` column.
  public var office: String?

  /// Creates an importer.
  public init(prefix: String = "", office: String? = nil) {
    self.prefix = prefix
    self.office = office
  }

  /// Reads the CSV file at `path`.
  ///
  /// - Throws: ``EvaluationError`` when the file can't be read, is malformed or lacks
  ///   the question or answer column.
  public func read(file path: String) throws -> Result {
    try read(CSVReader(contentsOf: path), path: path)
  }

  /// Reads parsed CSV records; the first is the header.
  ///
  /// - Throws: ``EvaluationError/missingColumn(path:name:)``.
  public func read(_ csv: CSVReader, path: String) throws -> Result {
    guard let header = csv.records.first else {
      throw EvaluationError.missingColumn(path: path, name: "domanda")
    }
    let columns = try ImportColumns(header: header.fields, path: path)
    var result = Result(faqs: [], skipped: [])
    var lineOfID: [String: Int] = [:]
    for (number, record) in csv.records.dropFirst().enumerated() {
      func skip(_ reason: String) {
        result.skipped.append(SkippedRow(path: path, line: record.line, reason: reason))
      }
      let rawID = columns.indices[.id] == nil ? "\(number + 1)" : columns.value(.id, in: record.fields)
      let question = Self.singleLine(columns.value(.question, in: record.fields))
      let answer = Self.answerText(columns.value(.answer, in: record.fields))
      guard !rawID.isEmpty else {
        skip("missing id")
        continue
      }
      let id = prefix + Self.intentID(from: rawID)
      guard CorpusReader.isValidIntentID(id), id != prefix else {
        skip("invalid id '\(rawID)'")
        continue
      }
      if let first = lineOfID[id] {
        skip("duplicate id '\(id)' (first on line \(first))")
        continue
      }
      guard !question.isEmpty else {
        skip("missing question")
        continue
      }
      guard !answer.isEmpty else {
        skip("missing answer")
        continue
      }
      lineOfID[id] = record.line
      let givenTitle = Self.singleLine(columns.value(.title, in: record.fields))
      let givenOffice = Self.singleLine(columns.value(.office, in: record.fields))
      let link = Self.singleLine(columns.value(.link, in: record.fields))
      result.faqs.append(
        ImportedFAQ(
          id: id,
          title: TitleMaker.title(from: givenTitle.isEmpty ? question : givenTitle),
          question: question,
          answer: answer,
          tags: Self.tags(from: columns.value(.tags, in: record.fields)),
          office: office ?? (givenOffice.isEmpty ? nil : givenOffice),
          link: link.isEmpty ? nil : link,
          line: record.line))
    }
    return result
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
    return id.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
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
      String($0.reversed().drop(while: { $0.isWhitespace }).reversed())
    }
    let first = lines.firstIndex { !$0.isEmpty } ?? lines.count
    let last = lines.lastIndex { !$0.isEmpty } ?? -1
    guard first <= last else { return "" }
    return lines[first...last].joined(separator: "\n")
  }
}
