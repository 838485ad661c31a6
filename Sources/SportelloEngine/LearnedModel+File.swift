import Foundation

extension LearnedModel {
  /// The model file's name in a rule directory.
  public static let fileName = "modello.txt"

  /// Reads a model file.
  ///
  /// `sportello learn` writes it; nobody edits it by hand. Each line is one record, its
  /// fields separated by tabs; `#` starts a comment line and blank lines are skipped:
  ///
  ///     fonte<TAB>Corpus/tributi.tsv<TAB>19<TAB>5e1f0c3a9b2d4e67
  ///     classe<TAB>-<TAB>0.4127
  ///     classe<TAB>tributi.tari<TAB>-0.0311
  ///     peso<TAB>ho pagato<TAB>-:1.2034<TAB>tributi.tari:0.1102
  ///
  /// `fonte` names a corpus file learned from (path, messages, hash of its bytes),
  /// `classe` a class and its bias, `peso` a feature and its weights by class. Every
  /// problem is reported at its line and column.
  ///
  /// - Returns: The model, or nil when any diagnostic is an error; and the diagnostics.
  public static func parse(_ text: String, path: String) -> (LearnedModel?, [Diagnostic]) {
    var text = text
    return text.withUTF8 { bytes in
      var reader = ModelFileReader(path: path, bytes: bytes)
      reader.readAll()
      return reader.finish()
    }
  }

  /// The model as the text of a model file, with `header` as its first comment lines.
  ///
  /// Weights are written with four decimals, so the file is the model: reading it back
  /// gives the weights the matcher uses.
  public func fileText(header: [String]) -> String {
    var lines = header.map { "# " + $0 }
    for source in sources {
      lines.append(
        ["fonte", source.path, String(source.messageCount), source.contentHash]
          .joined(separator: "\t"))
    }
    for (position, name) in classes.enumerated() {
      lines.append("classe\t\(name)\t\(Self.decimal(biases[position]))")
    }
    for feature in features {
      let weights = feature.weights.map { "\(classes[$0.classIndex]):\(Self.decimal($0.value))" }
      lines.append((["peso", feature.key] + weights).joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `value` with four decimals and a point, the way the file writes numbers.
  static func decimal(_ value: Double) -> String {
    let written = String(format: "%.4f", value)
    return written == "-0.0000" ? "0.0000" : written
  }
}

/// Reads a model file line by line, collecting every problem.
///
/// It reads bytes, not characters: a model has tens of thousands of lines, and splitting
/// them as `String`s took a fifth of a second. Columns, counted in characters, are worked
/// out only for the lines with a problem.
private struct ModelFileReader {
  /// A field of a line: its bytes' range in the file.
  typealias Field = Range<Int>

  let path: String
  let bytes: UnsafeBufferPointer<UInt8>
  var diagnostics: [Diagnostic] = []
  var classes: [String] = []
  var classIndex: [String: Int] = [:]
  var biases: [Double] = []
  var features: [LearnedModel.Feature] = []
  var featureLines: [String: Int] = [:]
  var sources: [LearnedModel.Source] = []
  /// The line being read: its number and where it starts.
  var lineNumber = 0
  var lineStart = 0

  init(path: String, bytes: UnsafeBufferPointer<UInt8>) {
    self.path = path
    self.bytes = bytes
  }

  /// The record kinds, for the "did you mean" of an unknown one.
  static let kinds = ["fonte", "classe", "peso"]

  static let tab = UInt8(ascii: "\t")

  mutating func readAll() {
    var start = 0
    while start < bytes.count || (start == 0 && bytes.isEmpty) {
      var end = start
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      lineNumber += 1
      lineStart = start
      let contentEnd = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
      read(start..<contentEnd)
      start = end + 1
      if bytes.isEmpty { break }
    }
  }

  mutating func read(_ line: Range<Int>) {
    var first = line.lowerBound
    while first < line.upperBound, bytes[first] == UInt8(ascii: " ") { first += 1 }
    if first == line.upperBound || bytes[first] == UInt8(ascii: "#") { return }
    var fields: [Field] = []
    var fieldStart = line.lowerBound
    for index in line where bytes[index] == Self.tab {
      fields.append(fieldStart..<index)
      fieldStart = index + 1
    }
    fields.append(fieldStart..<line.upperBound)
    switch text(fields[0]) {
    case "fonte": readSource(fields)
    case "classe": readClass(fields)
    case "peso": readFeature(fields)
    case let kind:
      error(
        at: fields[0].lowerBound,
        "unknown record '\(kind)'" + Suggestion.phrase(for: kind, in: Self.kinds))
    }
  }

  private mutating func readSource(_ fields: [Field]) {
    guard fields.count == 4 else {
      return error(at: lineStart, "'fonte' takes a path, a message count and a hash")
    }
    guard let count = Int(text(fields[2])), count >= 0 else {
      return error(at: fields[2].lowerBound, "invalid message count '\(text(fields[2]))'")
    }
    sources.append(
      LearnedModel.Source(
        path: text(fields[1]), messageCount: count, contentHash: text(fields[3])))
  }

  private mutating func readClass(_ fields: [Field]) {
    guard fields.count == 3 else { return error(at: lineStart, "'classe' takes a name and a bias") }
    let name = text(fields[1])
    guard !name.isEmpty else { return error(at: fields[1].lowerBound, "empty class name") }
    guard classIndex[name] == nil else {
      return error(at: fields[1].lowerBound, "duplicate class '\(name)'")
    }
    guard features.isEmpty else {
      return error(at: lineStart, "class '\(name)' comes after the first 'peso' line")
    }
    guard let bias = number(fields[2]) else { return }
    classIndex[name] = classes.count
    classes.append(name)
    biases.append(bias)
  }

  private mutating func readFeature(_ fields: [Field]) {
    guard fields.count >= 3 else {
      return error(at: lineStart, "'peso' takes a feature and at least one weight")
    }
    let key = text(fields[1])
    guard !key.isEmpty else { return error(at: fields[1].lowerBound, "empty feature") }
    if let first = featureLines[key] {
      return error(
        at: fields[1].lowerBound, "duplicate feature '\(key)' (first at line \(first))")
    }
    var weights: [LearnedModel.Weight] = []
    weights.reserveCapacity(fields.count - 2)
    for field in fields.dropFirst(2) {
      guard let colon = field.last(where: { bytes[$0] == UInt8(ascii: ":") }) else {
        error(at: field.lowerBound, "expected class:weight, found '\(text(field))'")
        continue
      }
      let name = text(field.lowerBound..<colon)
      guard let index = classIndex[name] else {
        error(at: field.lowerBound, "unknown class '\(name)'")
        continue
      }
      guard !weights.contains(where: { $0.classIndex == index }) else {
        error(at: field.lowerBound, "second weight for class '\(name)'")
        continue
      }
      guard let value = number(colon + 1..<field.upperBound) else { continue }
      weights.append(LearnedModel.Weight(classIndex: index, value: value))
    }
    featureLines[key] = lineNumber
    features.append(LearnedModel.Feature(key: key, weights: weights))
  }

  /// The field's bytes as text.
  private func text(_ field: Field) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[field]), as: UTF8.self)
  }

  /// The number in `field`: read from the bytes when it is plain decimal notation with at
  /// most 15 digits, as the model's writer writes it, and through `Double(_:)` otherwise.
  ///
  /// Both give the same value: the digits as a whole number and the power of ten are
  /// exact doubles, and one division rounds their quotient correctly.
  private mutating func number(_ field: Field) -> Double? {
    var index = field.lowerBound
    let isNegative = index < field.upperBound && bytes[index] == UInt8(ascii: "-")
    if isNegative { index += 1 }
    var digits: Int64 = 0
    var digitCount = 0
    var decimals = 0
    var seenPoint = false
    var isPlain = index < field.upperBound
    while index < field.upperBound, isPlain {
      let byte = bytes[index]
      if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digitCount < 15 {
        digits = digits * 10 + Int64(byte - UInt8(ascii: "0"))
        digitCount += 1
        if seenPoint { decimals += 1 }
      } else {
        isPlain = false
      }
      index += 1
    }
    if isPlain, digitCount > 0 {
      let magnitude = Double(digits) / Self.powersOfTen[decimals]
      return isNegative ? -magnitude : magnitude
    }
    guard let value = Double(text(field)), value.isFinite else {
      error(at: field.lowerBound, "invalid number '\(text(field))'")
      return nil
    }
    return value
  }

  static let powersOfTen: [Double] = (0...15).map { Foundation.pow(10, Double($0)) }

  /// Reports an error at the byte `offset` of the current line.
  private mutating func error(at offset: Int, _ message: String) {
    let column = text(lineStart..<offset).count + 1
    diagnostics.append(
      Diagnostic(
        path: path, line: lineNumber, column: column, severity: .error, message: message))
  }

  func finish() -> (LearnedModel?, [Diagnostic]) {
    var diagnostics = diagnostics
    if classes.isEmpty, diagnostics.isEmpty {
      diagnostics.append(
        Diagnostic(
          path: path, line: 1, column: 1, severity: .error,
          message: "the model has no 'classe' line; relearn it with 'sportello learn'"))
    }
    guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
    return (
      LearnedModel(classes: classes, biases: biases, features: features, sources: sources),
      diagnostics
    )
  }
}
