/// Renders help pages and usage lines in the layout of swift-argument-parser.
enum HelpFormatter {
  /// The usage line of a command, such as `sportello ask <message> [--rules <DIR>]`.
  static func usage(for command: any Command.Type, path: String) -> String {
    let spec = command.spec
    if !command.subcommands.isEmpty {
      return "\(path) <subcommand>"
    }
    var parts = [path]
    for argument in spec.arguments {
      let name = "<\(argument.name)>" + (argument.isRepeating ? " ..." : "")
      parts.append(argument.isOptional ? "[\(name)]" : name)
    }
    for option in spec.options {
      if let valueName = option.valueName {
        parts.append("[--\(option.name) <\(valueName)>]")
      } else {
        parts.append("[--\(option.name)]")
      }
    }
    return parts.joined(separator: " ")
  }

  /// The full help page of a command.
  static func help(for command: any Command.Type, path: String) -> String {
    let spec = command.spec
    var page = "OVERVIEW: \(spec.abstract)\n"
    if !spec.discussion.isEmpty {
      page += "\n\(spec.discussion)\n"
    }
    page += "\nUSAGE: \(usage(for: command, path: path))\n"
    if !spec.arguments.isEmpty {
      page += "\nARGUMENTS:\n"
      for argument in spec.arguments {
        page += row("<\(argument.name)>", argument.help)
      }
    }
    page += "\nOPTIONS:\n"
    for option in spec.options {
      let label = option.valueName.map { "--\(option.name) <\($0)>" } ?? "--\(option.name)"
      page += row(label, option.help)
    }
    page += row("-h, --help", "Show help information.")
    if !command.subcommands.isEmpty {
      page += "\nSUBCOMMANDS:\n"
      for subcommand in command.subcommands {
        page += row(subcommand.spec.name, subcommand.spec.abstract)
      }
      page += "\n  See '\(path) help <subcommand>' for detailed help.\n"
    }
    return page
  }

  /// One row of a help table: the label, then its text aligned at column 26.
  private static func row(_ label: String, _ text: String) -> String {
    let indented = "  " + label
    if indented.count < 24 {
      return indented.padding(toLength: 26, withPad: " ", startingAt: 0) + text + "\n"
    }
    return indented + "\n" + String(repeating: " ", count: 26) + text + "\n"
  }
}
