import Foundation

/// Reads RFC 4180 CSV, with the delimiter detected among `;`, `,` and tab.
///
/// Fields may be quoted with `"`, and quoted fields may hold delimiters, line breaks
/// and doubled quotes (`""` for one `"`). Files are UTF-8 with or without a byte-order
/// mark, with LF or CRLF line ends; CRLF inside quoted fields becomes LF. Spreadsheets
/// are forgiving, so this reader is too: a quote inside an unquoted field is kept as
/// text. An unterminated quoted field is an error at the line where it opens.
public struct CSVReader: Sendable {
  /// One record: its fields and the 1-based line where it starts.
  public struct Record: Sendable, Equatable {
    /// The fields, unquoted.
    public var fields: [String]
    /// The line of the file where the record starts.
    public var line: Int
  }

  /// The delimiter found in the header line.
  public private(set) var delimiter: Unicode.Scalar

  /// The records in file order, blank lines left out.
  public private(set) var records: [Record]

  /// Parses CSV text from the bytes of `path` (the name is used in diagnostics).
  ///
  /// - Throws: ``EvaluationError/malformedCSV(path:line:reason:)``.
  public init(data: Data, path: String) throws {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let line = Self.lineOfFirstInvalidByte(bytes)
      throw EvaluationError.malformedCSV(path: path, line: line, reason: "invalid UTF-8")
    }
    delimiter = Self.detectDelimiter(in: text)
    records = try Self.parse(text, delimiter: delimiter, path: path)
  }

  /// Reads and parses the file at `path`.
  ///
  /// - Throws: ``EvaluationError/unreadable(path:reason:)`` or
  ///   ``EvaluationError/malformedCSV(path:line:reason:)``.
  public init(contentsOf path: String) throws {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw EvaluationError.unreadable(path: path, reason: CorpusReader.reason(for: error))
    }
    try self.init(data: data, path: path)
  }

  /// The most frequent of `;`, tab and `,` outside quotes on the first line; ties go
  /// in that order, and `,` when none occurs.
  static func detectDelimiter(in text: String) -> Unicode.Scalar {
    var counts: [Unicode.Scalar: Int] = [";": 0, "\t": 0, ",": 0]
    var isQuoted = false
    for scalar in text.unicodeScalars {
      if scalar == "\"" { isQuoted.toggle() }
      if isQuoted { continue }
      if scalar == "\n" || scalar == "\r" { break }
      if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
    }
    var best: Unicode.Scalar = ","
    var bestCount = 0
    for candidate in [";", "\t", ","] as [Unicode.Scalar] where counts[candidate, default: 0] > bestCount {
      best = candidate
      bestCount = counts[candidate, default: 0]
    }
    return best
  }

  /// Splits `text` into records.
  static func parse(_ text: String, delimiter: Unicode.Scalar, path: String) throws -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var isQuoted = false
    var wasQuoted = false
    var isFieldQuoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil

    func endRecord() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
        records.append(Record(fields: fields, line: recordLine))
      }
      fields = []
      wasQuoted = false
      isFieldQuoted = false
    }

    while let scalar = pending ?? scalars.next() {
      pending = nil
      if isQuoted {
        switch scalar {
        case "\"":
          let next = scalars.next()
          if next == "\"" {
            field.append("\"")
          } else {
            isQuoted = false
            pending = next
          }
        case "\r":
          let next = scalars.next()
          if next != "\n" { pending = next }
          field.append("\n")
          line += 1
        case "\n":
          field.append("\n")
          line += 1
        default:
          field.append(scalar)
        }
        continue
      }
      switch scalar {
      case delimiter:
        fields.append(String(field))
        field = String.UnicodeScalarView()
        isFieldQuoted = false
      case "\"" where field.isEmpty && !isFieldQuoted:
        isQuoted = true
        wasQuoted = true
        isFieldQuoted = true
        quoteLine = line
      case "\r", "\n":
        if scalar == "\r" {
          let next = scalars.next()
          if next != "\n" { pending = next }
        }
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(scalar)
      }
    }
    if isQuoted {
      throw EvaluationError.malformedCSV(
        path: path, line: quoteLine, reason: "quoted field not closed before the end of the file")
    }
    if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
    return records
  }

  /// The 1-based line holding the first byte that is not valid UTF-8.
  static func lineOfFirstInvalidByte(_ bytes: [UInt8]) -> Int {
    var line = 1
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      if String(validating: bytes[start...index], as: UTF8.self) == nil { return line }
      line += 1
      start = index + 1
    }
    return line
  }
}
