/// A command line parsed against a ``CommandSpec``.
///
/// Accessors that convert values throw ``UsageError`` with the option's name,
/// so every command reports bad values the same way.
public struct ParsedArguments: Sendable {
  /// The positional values, in order.
  public var positionals: [String]

  /// The values of each option given, by long name, in the order given.
  public var optionValues: [String: [String]]

  /// The flags given, by long name.
  public var flags: Set<String>

  /// The full command path, such as `sportello queue list`, for messages.
  public var commandPath: String

  /// Creates parsed arguments; the parser is the usual source.
  public init(
    positionals: [String] = [],
    optionValues: [String: [String]] = [:],
    flags: Set<String> = [],
    commandPath: String = "sportello"
  ) {
    self.positionals = positionals
    self.optionValues = optionValues
    self.flags = flags
    self.commandPath = commandPath
  }

  /// Whether the flag `--name` was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The last value of `--name`, or `nil` when it was not given.
  public func value(_ name: String) -> String? { optionValues[name]?.last }

  /// Every value of a repeatable `--name`, in order.
  public func values(_ name: String) -> [String] { optionValues[name] ?? [] }

  /// The value of `--name` as an integer within `range`.
  ///
  /// - Throws: ``UsageError`` when the value is not an integer in the range.
  public func integer(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int?
  {
    guard let text = value(name) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw UsageError("invalid value '\(text)' for '--\(name)': expected an integer in \(range)")
    }
    return number
  }

  /// The value of `--name` as a number within `range`.
  ///
  /// - Throws: ``UsageError`` when the value is not a number in the range.
  public func number(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
    guard let text = value(name) else { return nil }
    guard let number = Double(text), range.contains(number) else {
      throw UsageError("invalid value '\(text)' for '--\(name)': expected a number in \(range)")
    }
    return number
  }

  /// The value of `--name`, which must be one of `choices`.
  ///
  /// - Throws: ``UsageError`` naming the accepted values.
  public func choice(_ name: String, of choices: [String]) throws -> String? {
    guard let text = value(name) else { return nil }
    guard choices.contains(text) else {
      let accepted = choices.map { "'\($0)'" }.joined(separator: ", ")
      throw UsageError("invalid value '\(text)' for '--\(name)': expected one of \(accepted)")
    }
    return text
  }
}
