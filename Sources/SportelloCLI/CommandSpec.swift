/// The declaration of a command: its name, help text, arguments and options.
///
/// The parser reads a command line against a spec, and the help page is
/// rendered from it, so the two can never disagree.
public struct CommandSpec: Sendable {
  /// The word that selects the command, such as `ask`.
  public var name: String

  /// One line that says what the command does, shown in lists of subcommands.
  public var abstract: String

  /// Paragraphs shown under the overview on the help page.
  public var discussion: String

  /// Positional arguments, in order.
  public var arguments: [ArgumentSpec]

  /// Long options and flags.
  public var options: [OptionSpec]

  /// Creates a spec.
  public init(
    name: String,
    abstract: String,
    discussion: String = "",
    arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
  }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
  /// The name shown in usage lines, such as `message`.
  public var name: String

  /// What the argument means.
  public var help: String

  /// Whether the command runs without it.
  public var isOptional: Bool

  /// Whether it takes every remaining positional value.
  public var isRepeating: Bool

  /// Creates an argument.
  public init(_ name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
    self.name = name
    self.help = help
    self.isOptional = isOptional
    self.isRepeating = isRepeating
  }
}

/// A long option (`--rules DIR`) or a flag (`--json`).
public struct OptionSpec: Sendable {
  /// The long name without dashes, in kebab case, such as `min-precision`.
  public var name: String

  /// The value's placeholder shown in help, such as `DIR`; `nil` for a flag.
  public var valueName: String?

  /// What the option does, including its default.
  public var help: String

  /// Whether the option may be given more than once.
  public var isRepeatable: Bool

  /// Whether the option takes a value.
  public var takesValue: Bool { valueName != nil }

  /// Creates an option that takes a value.
  public static func option(
    _ name: String, value: String, help: String, repeatable: Bool = false
  ) -> OptionSpec {
    OptionSpec(name: name, valueName: value, help: help, isRepeatable: repeatable)
  }

  /// Creates a flag that takes no value.
  public static func flag(_ name: String, help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help, isRepeatable: false)
  }
}
