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

  /// Whether the file was not UTF-8 and was read as Windows-1252 (Latin-1).
  public private(set) var isWindows1252: Bool

  /// The records in file order, blank lines left out.
  public private(set) var records: [Record]

  /// Parses CSV text from the bytes of `path` (the name is used in diagnostics).
  ///
  /// - Throws: ``EvaluationError/malformedCSV(path:line:reason:)``.
  public init(data: Data, path: String) throws {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    isWindows1252 = false
    if String(validating: bytes, as: UTF8.self) == nil {
      // Spreadsheets saved by Excel in Italy are often Windows-1252, not UTF-8.
      guard let converted = Self.utf8(fromWindows1252: bytes) else {
        let line = Self.lineOfFirstInvalidByte(bytes)
        throw EvaluationError.malformedCSV(
          path: path, line: line, reason: "invalid UTF-8 (and not Windows-1252 either)")
      }
      bytes = converted
      isWindows1252 = true
    }
    delimiter = Self.detectDelimiter(in: bytes)
    records = try Self.parse(bytes, delimiter: delimiter, path: path)
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
  static func detectDelimiter(in bytes: [UInt8]) -> Unicode.Scalar {
    var counts: [Unicode.Scalar: Int] = [";": 0, "\t": 0, ",": 0]
    var isQuoted = false
    for byte in bytes {
      let scalar = Unicode.Scalar(byte)
      if scalar == "\"" { isQuoted.toggle() }
      if isQuoted { continue }
      if scalar == "\n" || scalar == "\r" { break }
      if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
    }
    var best: Unicode.Scalar = ","
    var bestCount = 0
    for candidate in [";", "\t", ","] as [Unicode.Scalar]
    where counts[candidate, default: 0] > bestCount {
      best = candidate
      bestCount = counts[candidate, default: 0]
    }
    return best
  }

  /// Splits UTF-8 `bytes` into records. Quotes, delimiters and line ends are ASCII, so
  /// the bytes are scanned directly; each field is decoded once.
  static func parse(_ bytes: [UInt8], delimiter: Unicode.Scalar, path: String) throws -> [Record] {
    let separator = UInt8(truncatingIfNeeded: delimiter.value)
    let quote = UInt8(ascii: "\""), carriageReturn = UInt8(ascii: "\r")
    let lineFeed = UInt8(ascii: "\n")
    var records: [Record] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var isQuoted = false
    var wasQuoted = false
    var isFieldQuoted = false
    var index = 0
    let count = bytes.count

    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      isFieldQuoted = false
    }

    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
        records.append(Record(fields: fields, line: recordLine))
      }
      fields = []
      wasQuoted = false
    }

    while index < count {
      let byte = bytes[index]
      index += 1
      if isQuoted {
        if byte == quote {
          if index < count, bytes[index] == quote {
            field.append(quote)
            index += 1
          } else {
            isQuoted = false
          }
        } else if byte == carriageReturn {
          if index < count, bytes[index] == lineFeed { index += 1 }
          field.append(lineFeed)
          line += 1
        } else {
          if byte == lineFeed { line += 1 }
          field.append(byte)
        }
        continue
      }
      if byte == separator {
        endField()
      } else if byte == quote, field.isEmpty, !isFieldQuoted {
        isQuoted = true
        wasQuoted = true
        isFieldQuoted = true
        quoteLine = line
      } else if byte == carriageReturn || byte == lineFeed {
        if byte == carriageReturn, index < count, bytes[index] == lineFeed { index += 1 }
        endRecord()
        line += 1
        recordLine = line
      } else {
        field.append(byte)
      }
    }
    if isQuoted {
      throw EvaluationError.malformedCSV(
        path: path, line: quoteLine, reason: "quoted field not closed before the end of the file")
    }
    if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
    return records
  }

  /// The Unicode scalars of Windows-1252 bytes 0x80...0x9F; 0 where undefined.
  static let windows1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// The UTF-8 bytes of Windows-1252 text; `nil` when a byte is undefined in it.
  static func utf8(fromWindows1252 bytes: [UInt8]) -> [UInt8]? {
    var text = String.UnicodeScalarView()
    for byte in bytes {
      var value = UInt32(byte)
      if (0x80...0x9F).contains(byte) { value = windows1252High[Int(byte) - 0x80] }
      guard value != 0 || byte == 0, let scalar = Unicode.Scalar(value) else { return nil }
      text.append(scalar)
    }
    return Array(String(text).utf8)
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
