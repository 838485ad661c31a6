import Foundation

/// Reads recorded-question files: one `expected<TAB>message` a line.
///
/// `#` starts a comment line and blank lines are ignored. `expected` is an intent id,
/// several ids joined by `|` when any of them is right, or `-` when the message must
/// be handed to a person. Files are UTF-8 with or without a byte-order mark, with LF
/// or CRLF line ends. Intent ids are compared in lower case, as the rule format
/// writes them. Every malformed line is collected, none is skipped silently:
///
///     Corpus/anagrafe.tsv:7: error: missing tab between the expected intent and the message
public enum CorpusReader {
  /// Reads every file or directory in `paths`; a directory contributes all its
  /// `*.tsv` files (in subfolders too), in path order.
  ///
  /// - Throws: ``CorpusErrors`` with every unreadable file and malformed line.
  public static func read(paths: [String]) throws -> [CorpusEntry] {
    var entries: [CorpusEntry] = []
    var errors: [EvaluationError] = []
    for path in paths {
      do {
        for file in try files(at: path) {
          do {
            entries += try read(file: file)
          } catch let failure as CorpusErrors {
            errors += failure.errors
          }
        }
      } catch let error as EvaluationError {
        errors.append(error)
      }
    }
    if !errors.isEmpty { throw CorpusErrors(errors) }
    return entries
  }

  /// Reads one file.
  ///
  /// - Throws: ``CorpusErrors`` when the file can't be read or has malformed lines.
  public static func read(file path: String) throws -> [CorpusEntry] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CorpusErrors([.unreadable(path: path, reason: reason(for: error))])
    }
    return try parse(data, path: path)
  }

  /// Parses the bytes of a recorded-question file named `path` (for diagnostics).
  ///
  /// - Throws: ``CorpusErrors`` with every malformed line.
  public static func parse(_ data: Data, path: String) throws -> [CorpusEntry] {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var entries: [CorpusEntry] = []
    var errors: [EvaluationError] = []
    var lineNumber = 0
    for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      var lineBytes = rawLine
      if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
      guard let line = String(validating: lineBytes, as: UTF8.self) else {
        errors.append(.malformedLine(path: path, line: lineNumber, reason: "invalid UTF-8"))
        continue
      }
      do {
        if let entry = try parseLine(line, path: path, line: lineNumber) {
          entries.append(entry)
        }
      } catch let error as EvaluationError {
        errors.append(error)
      }
    }
    if !errors.isEmpty { throw CorpusErrors(errors) }
    return entries
  }

  /// Parses one line; `nil` for blank and comment lines.
  static func parseLine(_ line: String, path: String, line number: Int) throws -> CorpusEntry? {
    let trimmed = line.trimmed()
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
    func failure(_ reason: String) -> EvaluationError {
      .malformedLine(path: path, line: number, reason: reason)
    }
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard fields.count >= 2 else {
      throw failure("missing tab between the expected intent and the message")
    }
    guard fields.count == 2 else {
      throw failure("more than one tab: a message cannot contain a tab")
    }
    let expectedText = fields[0].trimmed()
    let message = fields[1].trimmed()
    guard !expectedText.isEmpty else { throw failure("empty expected intent") }
    guard !message.isEmpty else { throw failure("empty message") }
    if expectedText == "-" {
      return CorpusEntry(file: path, line: number, message: message, expected: [])
    }
    var expected: [String] = []
    for part in expectedText.split(separator: "|", omittingEmptySubsequences: false) {
      let id = part.trimmed().lowercased()
      guard !id.isEmpty else { throw failure("empty intent id in '\(expectedText)'") }
      guard id != "-" else {
        throw failure("'-' cannot be combined with intent ids in '\(expectedText)'")
      }
      guard isValidIntentID(id) else { throw failure("invalid intent id '\(id)'") }
      if !expected.contains(id) { expected.append(id) }
    }
    return CorpusEntry(file: path, line: number, message: message, expected: expected)
  }

  /// Whether `id` has only the characters of an intent id: lowercase letters, digits,
  /// `_`, `-` and `.`.
  public static func isValidIntentID(_ id: String) -> Bool {
    !id.isEmpty
      && id.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
          || scalar == "_" || scalar == "-" || scalar == "."
      }
  }

  /// The files a path names: itself, or the `*.tsv` files under a directory.
  static func files(at path: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw EvaluationError.unreadable(path: path, reason: "no such file or directory")
    }
    guard isDirectory.boolValue else { return [path] }
    guard let enumerator = FileManager.default.enumerator(atPath: path) else {
      throw EvaluationError.unreadable(path: path, reason: "cannot list the directory")
    }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(".tsv") {
        found.append((path as NSString).appendingPathComponent(relative))
      }
    }
    guard !found.isEmpty else {
      throw EvaluationError.unreadable(path: path, reason: "no '*.tsv' files in the directory")
    }
    return found.sorted()
  }

  /// A short reason for a file-system error.
  static func reason(for error: Error) -> String {
    if let posix = error as? POSIXError,
      let message = String(validatingCString: strerror(posix.code.rawValue))
    {
      return message.lowercased()
    }
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      let message = String(validatingCString: strerror(Int32(underlying.code)))
    {
      return message.lowercased()
    }
    return nsError.localizedDescription
  }
}
