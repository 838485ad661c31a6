import SportelloStore

/// Everything the desk refuses, with what a person needs to fix it.
public enum DeskError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No ticket has that number.
  case unknownTicket(Int64)
  /// The ticket is closed: it takes no replies or claims until reopened.
  case ticketClosed(Int64)
  /// The ticket is not closed, so it cannot be reopened.
  case ticketNotClosed(Int64)
  /// Another staff member holds the ticket.
  case ticketClaimedByOther(id: Int64, operatorName: String)
  /// An operation that needs a staff member's name got none.
  case missingOperator
  /// A staff reply or broadcast with no text.
  case emptyText
  /// A citizen id that cannot be stored (empty, control characters, over 256 bytes).
  case invalidCitizenID(String)
  /// A message id that cannot be stored (empty or over 512 bytes).
  case invalidMessageID(String)
  /// The same broadcast id was used for different content.
  case broadcastChanged(id: String)
  /// No FAQ has that intent id.
  case unknownIntent(String)
  /// The ticket holds no such text message to teach.
  case nothingToTeach(Int64)
  /// A rule file could not be read or written.
  case ruleFile(path: String, reason: String)
  /// A retention period that is not a number of days such as `180d`.
  case invalidRetention(String)
  /// The store failed.
  case store(StoreError)

  /// The error as one line for people, in lower case.
  public var description: String {
    switch self {
    case .unknownTicket(let id): "no ticket \(id)"
    case .ticketClosed(let id): "ticket \(id) is closed; reopen it first"
    case .ticketNotClosed(let id): "ticket \(id) is not closed"
    case .ticketClaimedByOther(let id, let name): "ticket \(id) is claimed by '\(name)'"
    case .missingOperator: "an operator name is required (--operator NAME)"
    case .emptyText: "the text is empty"
    case .invalidCitizenID(let id): "invalid citizen id '\(id)'"
    case .invalidMessageID(let id): "invalid message id '\(id)'"
    case .broadcastChanged(let id):
      "broadcast '\(id)' already exists with other content; use another --id"
    case .unknownIntent(let id): "no FAQ with intent '\(id)'"
    case .nothingToTeach(let id): "ticket \(id) has no such text message to teach"
    case .ruleFile(let path, let reason): "cannot update '\(path)': \(reason)"
    case .invalidRetention(let text): "invalid period '\(text)': expected days such as '180d'"
    case .store(let error): error.description
    }
  }
}
