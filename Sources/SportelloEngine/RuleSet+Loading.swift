import Foundation

extension RuleSet {
  /// The longest answer WhatsApp delivers in one message, in characters.
  public static let maximumAnswerLength = 4096

  /// Loads and lints a rule directory.
  ///
  /// Reads every `*.faq` file below `directory` (hidden files skipped, paths in
  /// byte order) and the optional profilo.txt, impostazioni.txt and sinonimi.txt.
  /// Lint covers everything the parsers report plus duplicate ids, unknown
  /// placeholders, answers too long once filled, expired FAQs (warning) and
  /// overlaps (warning): an example question that the matcher routes to another FAQ.
  ///
  /// - Parameters:
  ///   - directory: The rules directory, such as `Rules`; diagnostics show paths under it as given.
  ///   - now: The current time, for expiry.
  /// - Returns: The rule set (nil when any diagnostic is an error) and the diagnostics.
  public static func load(from directory: URL, now: Date = Date()) -> RuleSetLoadResult {
    load(from: directory, now: now, checksOverlaps: true)
  }

  /// Loads a rule directory; `checksOverlaps: false` skips the overlap lint, which runs the
  /// matcher over every example question (the server's hot reload does not need it), and
  /// `readsModel: false` leaves out modello.txt (`sportello learn` replaces it, even a
  /// broken one).
  public static func load(
    from directory: URL, now: Date, checksOverlaps: Bool, readsModel: Bool = true
  ) -> RuleSetLoadResult {
    let base = directory.relativePath
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
      isDirectory.boolValue,
      let subpaths = try? FileManager.default.subpathsOfDirectory(atPath: directory.path)
    else {
      let diagnostic = Diagnostic(
        path: base, line: 1, column: 1, severity: .error, message: "cannot read the rules directory"
      )
      return RuleSetLoadResult(ruleSet: nil, diagnostics: [diagnostic], unreadablePaths: [base])
    }
    let special =
      ["profilo.txt", "impostazioni.txt", "sinonimi.txt"]
      + (readsModel ? [LearnedModel.fileName] : [])
    let files = subpaths.filter { path in
      !path.split(separator: "/").contains { $0.hasPrefix(".") }
        && (path.hasSuffix(".faq") || special.contains(path))
    }.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }

    @Sendable func displayPath(_ file: String) -> String { base == "." ? file : base + "/" + file }
    var loader = RuleSetLoader(base: base, now: now)
    var contents: [Data?] = []
    for file in files {
      contents.append(try? Data(contentsOf: directory.appendingPathComponent(file)))
    }
    // FAQ files are parsed on all cores, one file at a time (a directory has a few large
    // ones); everything else joins the rule set in path order.
    let parsed = Array(zip(files, contents)).concurrentMap(minimumCount: 2, smallestChunk: 1) {
      file, data in
      data.flatMap { data in
        file.hasSuffix(".faq")
          ? RuleSetLoader.parseFAQFile(data, displayPath: displayPath(file)) : nil
      }
    }
    for (position, file) in files.enumerated() {
      guard let data = contents[position] else {
        loader.unreadable.append(displayPath(file))
        loader.diagnostics.append(
          Diagnostic(
            path: displayPath(file), line: 1, column: 1, severity: .error,
            message: "cannot read the file"))
        continue
      }
      if let faqFile = parsed[position] {
        loader.add(faqFile, file: file, data: data)
      } else {
        loader.read(data, file: file, displayPath: displayPath(file))
      }
    }
    return loader.finish(directory: directory, checksOverlaps: checksOverlaps)
  }
}

/// Collects the parsed files of a rule directory and lints them as a whole.
struct RuleSetLoader {
  var base: String
  var now: Date
  var diagnostics: [Diagnostic] = []
  var unreadable: [String] = []
  var faqs: [FAQ] = []
  var profile = Profile()
  var settings = MatcherSettings()
  var settingsFile: KeyValueFile?
  var settingsPath = ""
  var synonyms = Synonyms()
  var model: LearnedModel?
  var modelPath = ""
  var hash = FNV1a()

  init(base: String, now: Date) {
    self.base = base
    self.now = now
  }

  /// A FAQ file, decoded and parsed on its own.
  struct ParsedFAQFile: Sendable {
    var faqs: [FAQ]
    var diagnostics: [Diagnostic]
  }

  /// Decodes and parses a FAQ file; pure, so files can be parsed in parallel.
  static func parseFAQFile(_ data: Data, displayPath: String) -> ParsedFAQFile {
    let (text, problems) = RuleFileText.decode(data, path: displayPath)
    let (faqs, found) = FAQFileParser.parse(text, path: displayPath)
    return ParsedFAQFile(faqs: faqs, diagnostics: problems + found)
  }

  /// Adds a FAQ file parsed by ``parseFAQFile(_:displayPath:)``.
  mutating func add(_ parsed: ParsedFAQFile, file: String, data: Data) {
    hash.add(Array(file.utf8) + [0])
    hash.add(Array(data))
    diagnostics += parsed.diagnostics
    faqs += parsed.faqs
  }

  mutating func read(_ data: Data, file: String, displayPath: String) {
    hash.add(Array(file.utf8) + [0])
    hash.add(Array(data))
    let (text, problems) = RuleFileText.decode(data, path: displayPath)
    diagnostics += problems
    switch file {
    case "profilo.txt":
      let (parsed, found) = Profile.parse(text, path: displayPath)
      profile = parsed
      diagnostics += found
    case "impostazioni.txt":
      let (parsed, keyValues, found) = MatcherSettings.parse(text, path: displayPath)
      settings = parsed
      settingsFile = keyValues
      settingsPath = displayPath
      diagnostics += found
    case "sinonimi.txt":
      let (parsed, found) = Synonyms.parse(text, path: displayPath)
      synonyms = parsed
      diagnostics += found
    case LearnedModel.fileName:
      let (parsed, found) = LearnedModel.parse(text, path: displayPath)
      model = parsed
      modelPath = displayPath
      diagnostics += found
    default:
      let (parsed, found) = FAQFileParser.parse(text, path: displayPath)
      faqs += parsed
      diagnostics += found
    }
  }

  mutating func finish(directory: URL, checksOverlaps: Bool) -> RuleSetLoadResult {
    let today = CalendarDay(date: now, timeZone: profile.officeHours.timeZone)
    var firstByID: [String: FAQ] = [:]
    // Answers are linted on all cores; their diagnostics join the others in FAQ order.
    let profile = profile
    let answerDiagnostics = faqs.concurrentMap { faq in
      RuleSetLoader.answerDiagnostics(of: faq, profile: profile)
    }
    for (position, faq) in faqs.enumerated() {
      if let first = firstByID[faq.id] {
        error(
          faq.location.path, faq.location.line, faq.sourceMap.idColumn,
          "duplicate id '\(faq.id)' (first defined at \(first.location))")
      } else {
        firstByID[faq.id] = faq
      }
      diagnostics += answerDiagnostics[position]
      if faq.isExpired(on: today), let expiry = faq.expiresOn {
        diagnostics.append(
          Diagnostic(
            path: faq.location.path, line: faq.sourceMap.expiry.line,
            column: faq.sourceMap.expiry.column, severity: .warning,
            message: "faq '\(faq.id)' expired on \(expiry) and is never answered"))
      }
    }
    lintTemplates()
    lintModel(knownIntents: Set(firstByID.keys))
    let version = settings.version ?? hash.hexDigest
    let ruleSet = RuleSet(
      faqs: faqs, profile: profile, settings: settings, synonyms: synonyms, version: version,
      directory: directory, model: model)
    if checksOverlaps, !diagnostics.contains(where: \.isError) {
      diagnostics += OverlapLint.diagnostics(for: Matcher(ruleSet: ruleSet), now: now)
    }
    let sorted = diagnostics.enumerated().sorted { lhs, rhs in
      let (a, b) = (lhs.element, rhs.element)
      if a.path != b.path {
        return Array(a.path.utf8).lexicographicallyPrecedes(b.path.utf8)
      }
      if a.line != b.line { return a.line < b.line }
      if a.column != b.column { return a.column < b.column }
      return lhs.offset < rhs.offset
    }.map(\.element)
    let hasErrors = sorted.contains(where: \.isError)
    return RuleSetLoadResult(
      ruleSet: hasErrors ? nil : ruleSet, diagnostics: sorted, unreadablePaths: unreadable)
  }

  private mutating func error(_ path: String, _ line: Int, _ column: Int, _ message: String) {
    diagnostics.append(
      Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
  }

  /// The errors of an FAQ's answer: unknown placeholders, and a length over WhatsApp's
  /// limit once filled with `profile`.
  static func answerDiagnostics(of faq: FAQ, profile: Profile) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func error(_ path: String, _ line: Int, _ column: Int, _ message: String) {
      diagnostics.append(
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
    }
    guard let answer = faq.answer else { return [] }
    for (index, line) in Self.linesWithBraces(of: answer) {
      let start =
        index < faq.sourceMap.answerLines.count
        ? faq.sourceMap.answerLines[index] : faq.sourceMap.answerKey
      for occurrence in Placeholders.occurrences(in: String(line))
      where profile.values[occurrence.name] == nil {
        error(
          faq.location.path, start.line, start.column + occurrence.offset,
          "unknown placeholder '{\(occurrence.name)}'"
            + Suggestion.phrase(for: occurrence.name, in: profile.values.keys.sorted())
            .replacingOccurrences(of: "mean '", with: "mean '{")
            .replacingOccurrences(of: "'?)", with: "}'?)"))
      }
    }
    let rendered =
      Placeholders.fill(answer) { profile.values[$0] }
      + (faq.link.map { "\n" + $0 } ?? "")
    // A text has no more characters than UTF-8 bytes, so short ones need no counting.
    if rendered.utf8.count > RuleSet.maximumAnswerLength,
      rendered.count > RuleSet.maximumAnswerLength
    {
      let key = faq.sourceMap.answerKey
      error(
        faq.location.path, key.line, key.column,
        "answer of faq '\(faq.id)' is \(rendered.count) characters long once filled; whatsapp "
          + "takes at most \(RuleSet.maximumAnswerLength)")
    }
    return diagnostics
  }

  /// The lines of `answer` that hold a `{`, numbered from 0 among all its lines.
  ///
  /// The lines are those of `answer.split(separator: "\n")`, found from the bytes: a line
  /// ends at every line feed except one right after a carriage return, since the pair is
  /// one character. Most lines hold no placeholder and need no further reading.
  static func linesWithBraces(of answer: String) -> [(number: Int, line: Substring)] {
    let utf8 = answer.utf8
    var found: [(number: Int, start: Int, end: Int)] = []
    let scanned: Void? = utf8.withContiguousStorageIfAvailable { bytes in
      var number = 0
      var start = 0
      var hasBrace = false
      for index in 0...bytes.count {
        let isEnd =
          index == bytes.count
          || bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)
        guard isEnd else {
          if bytes[index] == UInt8(ascii: "{") { hasBrace = true }
          continue
        }
        if hasBrace { found.append((number, start, index)) }
        number += 1
        start = index + 1
        hasBrace = false
      }
    }
    guard scanned != nil else {
      return answer.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        .filter { $0.element.utf8.contains(UInt8(ascii: "{")) }.map { ($0.offset, $0.element) }
    }
    return found.map { number, start, end in
      (
        number,
        answer[
          utf8.index(
            utf8.startIndex, offsetBy: start)..<utf8.index(
              utf8.startIndex, offsetBy: end)]
      )
    }
  }

  /// Warns of model classes that are no FAQ of the rules: the model was learned before an
  /// FAQ was renamed or removed, and never proposes such a class.
  private mutating func lintModel(knownIntents: Set<String>) {
    guard let model else { return }
    let unknown = model.classes.filter {
      $0 != LearnedModel.personClass && !knownIntents.contains($0)
    }
    guard !unknown.isEmpty else { return }
    diagnostics.append(
      Diagnostic(
        path: modelPath, line: 1, column: 1, severity: .warning,
        message: "the model knows intents the rules lack ("
          + unknown.map { "'\($0)'" }.joined(separator: ", ")
          + "); relearn it with 'sportello learn'"))
  }

  private mutating func lintTemplates() {
    guard let file = settingsFile else { return }
    for entry in file.entries {
      guard let own = MatcherSettings.templatePlaceholders[entry.key] else { continue }
      for (index, line) in entry.value.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        let start =
          index < entry.valueLines.count
          ? entry.valueLines[index] : (line: entry.line, column: entry.column)
        for occurrence in Placeholders.occurrences(in: String(line))
        where !own.contains(occurrence.name) && profile.values[occurrence.name] == nil {
          error(
            settingsPath, start.line, start.column + occurrence.offset,
            "unknown placeholder '{\(occurrence.name)}' in '\(entry.key)'")
        }
      }
    }
  }
}

/// The 64-bit FNV-1a hash, for the default rule-set version and the learned features.
struct FNV1a: Sendable {
  private(set) var value: UInt64

  /// A hash of nothing yet.
  init() { value = 0xcbf2_9ce4_8422_2325 }

  /// A hash that goes on from `value`, a hash of some bytes, to the bytes added next.
  init(value: UInt64) { self.value = value }

  mutating func add(_ bytes: [UInt8]) {
    for byte in bytes { add(byte) }
  }

  mutating func add(_ byte: UInt8) {
    value ^= UInt64(byte)
    value = value &* 0x100_0000_01b3
  }

  /// The hash as 16 lowercase hexadecimal digits.
  var hexDigest: String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
