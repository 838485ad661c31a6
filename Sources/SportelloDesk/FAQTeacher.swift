import Foundation
import SportelloEngine
import SportelloStore

/// Teaches the bot from the desk: a ticket's message becomes an example question of an FAQ.
///
/// The message is added under the FAQ's `domande:` in its own `.faq` file (found through the
/// rule set, layout and comments kept), then the whole rule directory is linted. When the
/// edited rules have errors the file is put back as it was and nothing is recorded;
/// otherwise the ticket's history records what was taught.
///
///     let result = try FAQTeacher(store: store).teach(
///       ticket: 12, intent: "anagrafe.carta_identita", rules: URL(fileURLWithPath: "Rules"),
///       at: Date())
///     result.example   // "mi serve la cie x domani"
public struct FAQTeacher: Sendable {
  /// The store holding the tickets.
  public let store: any DeskStore

  /// Creates a teacher.
  public init(store: any DeskStore) { self.store = store }

  /// What teaching did.
  public struct Result: Sendable, Equatable {
    /// The example added (the citizen's message on one line).
    public var example: String
    /// The rule file edited.
    public var path: String
    /// The 1-based line of the example in the file.
    public var line: Int
    /// Whether the example was already there (the file is unchanged).
    public var wasPresent: Bool
    /// The lint's warnings after the edit.
    public var warnings: [Diagnostic]
    /// How the edited rules decide the message now.
    public var decision: Decision
  }

  /// Adds one of the ticket's text messages to `intent`'s examples and lints the rules.
  ///
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - intent: The FAQ's id.
  ///   - messageNumber: Which of the citizen's text messages in the ticket (1-based, in
  ///     order); the first, the one that opened the ticket, by default.
  ///   - rules: The rule directory.
  ///   - at: The time recorded in the ticket's history.
  /// - Throws: ``DeskError`` for an unknown ticket or intent, a ticket without text, a file
  ///   that cannot be edited, or rules that do not lint after the edit (the file is restored).
  public func teach(
    ticket ticketID: Int64, intent: String, messageNumber: Int = 1, rules: URL, at: Date
  ) throws -> Result {
    let messages = try store.read { transaction in
      guard try transaction.ticket(id: ticketID) != nil else {
        throw DeskError.unknownTicket(ticketID)
      }
      return try transaction.inboundMessages(ofTicket: ticketID)
    }
    let texts = messages.filter {
      $0.message.kind.isReadable && !FAQFileEditor.singleLine($0.message.text).isEmpty
    }
    guard messageNumber >= 1, messageNumber <= texts.count else {
      throw DeskError.nothingToTeach(ticketID)
    }
    let message = texts[messageNumber - 1]
    let before = RuleSet.load(from: rules, now: at, checksOverlaps: false)
    guard let ruleSet = before.ruleSet else {
      throw DeskError.ruleFile(path: rules.path, reason: "the rules have errors before the edit")
    }
    guard let faq = ruleSet.faq(withID: intent) else { throw DeskError.unknownIntent(intent) }
    let path = faq.location.path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DeskError.ruleFile(path: path, reason: "cannot read it")
    }
    let original = String(decoding: data, as: UTF8.self)
    let example = FAQFileEditor.singleLine(message.message.text)
    let edit: FAQFileEditor.Edit
    do {
      edit = try FAQFileEditor.addingExample(example, toFAQ: intent, in: original)
    } catch let failure as FAQFileEditor.Failure {
      throw DeskError.ruleFile(path: path, reason: failure.description)
    }
    var line = 0
    var wasPresent = false
    switch edit {
    case .alreadyPresent(let existing):
      line = existing
      wasPresent = true
    case .inserted(let contents, let inserted):
      line = inserted
      try write(contents, to: path)
    }
    let after = RuleSet.load(from: rules, now: at, checksOverlaps: false)
    guard let edited = after.ruleSet else {
      try write(original, to: path)
      let errors = after.diagnostics.filter { $0.severity == .error }.map(\.description)
      throw DeskError.ruleFile(
        path: path, reason: "the edit breaks the rules: " + errors.joined(separator: "; "))
    }
    if !wasPresent {
      try store.write { transaction in
        try transaction.addTicketEvent(
          TicketEvent(at: at, kind: .taught, detail: intent), toTicket: ticketID)
      }
    }
    return Result(
      example: example, path: path, line: line, wasPresent: wasPresent,
      warnings: after.diagnostics.filter { $0.severity == .warning },
      decision: Matcher(ruleSet: edited).decide(example, now: at))
  }

  private func write(_ contents: String, to path: String) throws {
    do {
      try Data(contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw DeskError.ruleFile(path: path, reason: "cannot write it")
    }
  }
}
