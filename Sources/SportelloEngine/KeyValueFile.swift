/// A `chiave: valore` file (profilo.txt, impostazioni.txt) read into entries.
///
/// A key alone followed by `>` lines takes the lines as a multi-line value, as
/// `risposta` does in FAQ files.
struct KeyValueFile: Sendable {
  /// One key and its value.
  struct Entry: Sendable {
    /// The key, as written.
    var key: String
    /// The value; lines of a `>` block joined with `\n`.
    var value: String
    /// The key's line and column.
    var line: Int
    var column: Int
    /// Where each line of the value starts: (line, column).
    var valueLines: [(line: Int, column: Int)]
  }

  /// The entries in file order (a repeated key keeps its first entry and is reported).
  var entries: [Entry] = []

  /// Problems found.
  var diagnostics: [Diagnostic] = []

  /// Parses `text`; keys must be lowercase letters, digits and `_`.
  static func parse(_ text: String, path: String) -> KeyValueFile {
    var file = KeyValueFile()
    var blockIndex: Int?
    func report(_ line: Int, _ column: Int, _ message: String) {
      file.diagnostics.append(
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
    }
    for line in RuleLine.lines(of: text) {
      switch line.kind {
      case .ignorable:
        continue
      case .quote(let text, let column):
        guard let index = blockIndex else {
          report(line.number, line.column, "'>' line outside a value: write 'key:' alone first")
          continue
        }
        let entry = file.entries[index]
        file.entries[index].value = entry.valueLines.isEmpty ? text : entry.value + "\n" + text
        file.entries[index].valueLines.append((line.number, column))
      case .keyValue(let key, let value, let valueColumn):
        blockIndex = nil
        guard key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
          report(
            line.number, line.column, "invalid key '\(key)': use lowercase letters, digits and '_'")
          continue
        }
        if let first = file.entries.first(where: { $0.key == key }) {
          report(
            line.number, line.column, "duplicate key '\(key)' (first set on line \(first.line))")
          continue
        }
        let lines = value.isEmpty ? [] : [(line: line.number, column: valueColumn)]
        file.entries.append(
          Entry(key: key, value: value, line: line.number, column: line.column, valueLines: lines))
        if value.isEmpty { blockIndex = file.entries.count - 1 }
      default:
        blockIndex = nil
        report(line.number, line.column, "expected 'key: value'")
      }
    }
    return file
  }
}
