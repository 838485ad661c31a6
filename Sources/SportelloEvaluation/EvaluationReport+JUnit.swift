import Foundation

extension EvaluationReport {
  /// The report as JUnit XML: one `<testsuite>` per corpus file, one `<testcase>` per
  /// message, a `<failure>` for each wrong answer or missed message.
  ///
  /// A test case is named `line N: message`; its class name is the file. Messages that
  /// must not be answered pass when they are asked about or handed over.
  public func junit(suiteName: String = "sportello test") -> String {
    var files: [String] = []
    var byFile: [String: [EvaluatedMessage]] = [:]
    for result in results {
      if byFile[result.entry.file] == nil { files.append(result.entry.file) }
      byFile[result.entry.file, default: []].append(result)
    }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"\(Self.escaped(suiteName))\" tests=\"\(results.count)\""
    xml += " failures=\"\(summary.wrong + summary.missed)\">\n"
    for file in files {
      let cases = byFile[file] ?? []
      let failures = cases.filter(\.isFailure).count
      xml += "  <testsuite name=\"\(Self.escaped(file))\" tests=\"\(cases.count)\""
      xml += " failures=\"\(failures)\" errors=\"0\">\n"
      for result in cases {
        let name = "line \(result.entry.line): \(result.entry.message)"
        xml += "    <testcase classname=\"\(Self.escaped(file))\" name=\"\(Self.escaped(name))\""
        guard result.isFailure else {
          xml += "/>\n"
          continue
        }
        let expected =
          result.entry.isAnswerable ? result.entry.expected.joined(separator: "|") : "-"
        let message = "expected \(expected), got \(result.outcome.summary)"
        let score = String(format: "%.3f", result.outcome.score)
        xml += ">\n      <failure type=\"\(result.verdict.rawValue)\""
        xml += " message=\"\(Self.escaped(message))\">"
        xml += Self.escaped("\(file):\(result.entry.line): \(message) (score \(score))")
        xml += "</failure>\n    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    xml += "</testsuites>\n"
    return xml
  }

  /// Escapes text for XML attributes and content; characters XML 1.0 forbids become
  /// U+FFFD.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result += "&#\(scalar.value);"
      default:
        let value = scalar.value
        let isAllowed =
          value >= 0x20 && !(0xD800...0xDFFF).contains(value) && value != 0xFFFE
          && value != 0xFFFF
        result.unicodeScalars.append(isAllowed ? scalar : "\u{FFFD}")
      }
    }
    return result
  }
}
