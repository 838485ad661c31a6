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
    public var skipped: [ImportWarning]
    /// Values changed so the rules lint clean, in file order.
    public var adjusted: [ImportWarning] = []

    /// Every warning in line order: skipped rows and adjusted values.
    public var warnings: [ImportWarning] {
      (skipped + adjusted).enumerated().sorted {
        ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
      }.map(\.element)
    }
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
    if csv.isWindows1252 {
      result.adjusted.append(
        ImportWarning(
          path: path, line: 1, message: "not UTF-8: read as Windows-1252 (Latin-1)"))
    }
    var lineOfID: [String: Int] = [:]
    for (number, record) in csv.records.dropFirst().enumerated() {
      func skip(_ reason: String) {
        result.skipped.append(
          ImportWarning(path: path, line: record.line, message: "skipped row: \(reason)"))
      }
      func adjust(_ message: String) {
        result.adjusted.append(ImportWarning(path: path, line: record.line, message: message))
      }
      var fields = record.fields
      if fields.count > header.fields.count, let answerIndex = columns.indices[.answer] {
        // An unquoted delimiter inside the answer, the longest field, is the likeliest
        // cause of extra fields: join them back into it.
        let extra = fields.count - header.fields.count
        let joined = fields[answerIndex...(answerIndex + extra)]
          .joined(separator: String(csv.delimiter))
        fields.replaceSubrange(answerIndex...(answerIndex + extra), with: [joined])
        adjust(
          "\(record.fields.count) fields for \(header.fields.count) columns: the extra "
            + "'\(csv.delimiter)' taken as part of the answer")
      }
      let rawID =
        columns.indices[.id] == nil ? "\(number + 1)" : columns.value(.id, in: fields)
      let question = Self.singleLine(columns.value(.question, in: fields))
      var answer = Self.answerText(columns.value(.answer, in: fields))
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
      let givenTitle = Self.singleLine(columns.value(.title, in: fields))
      let givenOffice = Self.singleLine(columns.value(.office, in: fields))
      var link = Self.singleLine(columns.value(.link, in: fields))
      if !link.isEmpty, !Self.isWebAddress(link) {
        adjust("link '\(link)' is not an http:// or https:// address; left out")
        link = ""
      }
      let escaped = Self.escapingPlaceholders(answer)
      if escaped != answer {
        adjust("'{name}' in the answer would be read as a placeholder; written as '{ name }'")
        answer = escaped
      }
      let limit = Self.maximumAnswerLength - (link.isEmpty ? 0 : link.count + 1)
      if answer.count > limit {
        adjust("answer of \(answer.count) characters cut to \(limit), the most whatsapp takes")
        answer = Self.cut(answer, to: limit)
      }
      var title = TitleMaker.title(from: givenTitle.isEmpty ? question : givenTitle)
      if title.isEmpty { title = String(id.prefix(TitleMaker.maximumLength)) }
      result.faqs.append(
        ImportedFAQ(
          id: id,
          title: title,
          question: question,
          answer: answer,
          tags: Self.tags(from: columns.value(.tags, in: fields)),
          office: office ?? (givenOffice.isEmpty ? nil : givenOffice),
          link: link.isEmpty ? nil : link,
          line: record.line))
    }
    return result
  }
}
