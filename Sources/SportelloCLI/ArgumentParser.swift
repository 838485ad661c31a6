/// Parses a command line against a ``CommandSpec``.
///
/// Accepts `--name value`, `--name=value`, flags, `--` to end options, and
/// `-h`/`--help` anywhere. Anything else that starts with a dash is an error,
/// so a mistyped option is never taken for a message.
enum ArgumentParser {
  /// Whether the words ask for help.
  static func asksForHelp(_ words: [String]) -> Bool {
    for word in words {
      if word == "--" { return false }
      if word == "-h" || word == "--help" { return true }
    }
    return false
  }

  /// Parses `words` (the words after the command's name).
  ///
  /// - Throws: ``UsageError`` for unknown options, missing values and wrong counts
  ///   of positional arguments.
  static func parse(
    _ words: [String], spec: CommandSpec, commandPath: String
  ) throws -> ParsedArguments {
    var parsed = ParsedArguments(commandPath: commandPath)
    var index = 0
    var optionsEnded = false
    while index < words.count {
      let word = words[index]
      index += 1
      if optionsEnded || !word.hasPrefix("-") || word == "-" || isNegativeNumber(word) {
        parsed.positionals.append(word)
        continue
      }
      if word == "--" {
        optionsEnded = true
        continue
      }
      guard word.hasPrefix("--") else {
        throw UsageError("unknown option '\(word)'")
      }
      var name = String(word.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = spec.options.first(where: { $0.name == name }) else {
        throw UsageError("unknown option '--\(name)'" + suggestion(for: name, in: spec))
      }
      if option.takesValue {
        let value: String
        if let inlineValue {
          value = inlineValue
        } else if index < words.count {
          value = words[index]
          index += 1
        } else {
          throw UsageError("missing value for '--\(name) <\(option.valueName ?? "value")>'")
        }
        if !option.isRepeatable, parsed.optionValues[name] != nil {
          throw UsageError("option '--\(name)' given more than once")
        }
        parsed.optionValues[name, default: []].append(value)
      } else {
        if inlineValue != nil {
          throw UsageError("flag '--\(name)' takes no value")
        }
        parsed.flags.insert(name)
      }
    }
    try checkPositionals(parsed.positionals, spec: spec)
    return parsed
  }

  /// Checks the number of positional values against the spec.
  private static func checkPositionals(_ positionals: [String], spec: CommandSpec) throws {
    let required = spec.arguments.filter { !$0.isOptional }.count
    let isUnbounded = spec.arguments.contains { $0.isRepeating }
    if positionals.count < required {
      let missing = spec.arguments.filter { !$0.isOptional }[positionals.count]
      throw UsageError("missing expected argument '<\(missing.name)>'")
    }
    if !isUnbounded, positionals.count > spec.arguments.count {
      throw UsageError("unexpected argument '\(positionals[spec.arguments.count])'")
    }
  }

  /// Whether a word is a negative number, which is a value rather than an option.
  private static func isNegativeNumber(_ word: String) -> Bool {
    word.count > 1 && Double(word) != nil
  }

  /// A "did you mean" for a mistyped option, or an empty string.
  private static func suggestion(for name: String, in spec: CommandSpec) -> String {
    let close = spec.options.map(\.name).min { editDistance($0, name) < editDistance($1, name) }
    guard let close, editDistance(close, name) <= 2 else { return "" }
    return " (did you mean '--\(close)'?)"
  }

  /// The Levenshtein distance between two short strings.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }
}
