import Foundation

extension SQLiteDeskTransaction {
  func recordInbound(_ message: InboundMessage, receivedAt: Date, isPending: Bool) throws
    -> RecordResult
  {
    try database.execute(
      """
      INSERT INTO citizens (id, channel, display_name, first_seen_at, last_seen_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        display_name = coalesce(excluded.display_name, citizens.display_name),
        last_seen_at = max(citizens.last_seen_at, excluded.last_seen_at)
      """,
      [
        .text(message.citizenID), .text(message.channel), .text(message.displayName),
        .date(receivedAt), .date(receivedAt),
      ])
    let hash = message.contentHash
    let inserted = try database.execute(
      """
      INSERT INTO inbound_messages (channel, message_id, citizen_id, display_name, sent_at,
        received_at, kind, text, choice_id, content_hash, state)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (channel, message_id) DO NOTHING
      """,
      [
        .text(message.channel), .text(message.messageID), .text(message.citizenID),
        .text(message.displayName), .date(message.sentAt), .date(receivedAt),
        .text(message.kind.rawValue), .text(message.text), .text(message.choiceID), .text(hash),
        .text(isPending ? InboundState.pending.rawValue : InboundState.processed.rawValue),
      ])
    if inserted == 1 { return .recorded(id: database.lastInsertedRowID) }
    guard
      let original = try database.queryOne(
        "SELECT id, content_hash FROM inbound_messages WHERE channel = ? AND message_id = ?",
        [.text(message.channel), .text(message.messageID)])
    else {
      throw StoreError.corruptValue(column: "message_id", reason: "insert ignored but no row")
    }
    let id = try original.int64("id")
    if try original.string("content_hash") == hash { return .duplicate(id: id) }
    let known = try database.scalarInt(
      "SELECT count(*) FROM inbound_conflicts WHERE inbound_id = ? AND content_hash = ?",
      [.integer(id), .text(hash)])
    if known == 0 {
      try database.execute(
        """
        INSERT INTO inbound_conflicts (inbound_id, received_at, kind, text, choice_id, content_hash)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [
          .integer(id), .date(receivedAt), .text(message.kind.rawValue), .text(message.text),
          .text(message.choiceID), .text(hash),
        ])
    }
    return .conflict(id: id)
  }

  func nextPendingInbound() throws -> StoredInboundMessage? {
    try database.queryOne(
      "SELECT * FROM inbound_messages WHERE state = 'pending' ORDER BY id LIMIT 1"
    ).map(Self.inbound(from:))
  }

  func pendingInbound(limit: Int) throws -> [StoredInboundMessage] {
    try database.query(
      "SELECT * FROM inbound_messages WHERE state = 'pending' ORDER BY id LIMIT ?",
      [.integer(Int64(max(0, limit)))]
    ).map(Self.inbound(from:))
  }

  func pendingInboundCount() throws -> Int {
    Int(
      try database.scalarInt("SELECT count(*) FROM inbound_messages WHERE state = 'pending'") ?? 0)
  }

  func inboundMessage(id: Int64) throws -> StoredInboundMessage? {
    try database.queryOne("SELECT * FROM inbound_messages WHERE id = ?", [.integer(id)])
      .map(Self.inbound(from:))
  }

  func markProcessed(
    inboundID: Int64, outcome: String, intent: String?, ticketID: Int64?, at: Date
  ) throws {
    try database.execute(
      """
      UPDATE inbound_messages SET state = 'processed', outcome = ?, intent = ?,
        ticket_id = coalesce(?, ticket_id), processed_at = ?
      WHERE id = ?
      """,
      [.text(outcome), .text(intent), .integer(ticketID), .date(at), .integer(inboundID)])
  }

  func pendingChoice(for citizenID: String) throws -> StoredPendingChoice? {
    guard
      let row = try database.queryOne(
        "SELECT pending_options, pending_asked_at FROM citizens WHERE id = ?", [.text(citizenID)]),
      let options = try row.optionalString("pending_options"),
      let askedAt = try row.optionalDate("pending_asked_at")
    else { return nil }
    return StoredPendingChoice(
      options: PendingChoiceColumns.options(from: options), askedAt: askedAt)
  }

  func savePendingChoice(_ choice: StoredPendingChoice?, for citizenID: String) throws {
    try database.execute(
      "UPDATE citizens SET pending_options = ?, pending_asked_at = ? WHERE id = ?",
      [
        try choice.map { try PendingChoiceColumns.options($0.options) } ?? .null,
        .date(choice?.askedAt), .text(citizenID),
      ])
  }

  func inboundMessages(ofTicket ticketID: Int64) throws -> [StoredInboundMessage] {
    try database.query(
      "SELECT * FROM inbound_messages WHERE ticket_id = ? ORDER BY id", [.integer(ticketID)]
    ).map(Self.inbound(from:))
  }

  static func inbound(from row: Row) throws -> StoredInboundMessage {
    let kindName = try row.string("kind")
    let message = InboundMessage(
      channel: try row.string("channel"),
      citizenID: try row.string("citizen_id"),
      displayName: try row.optionalString("display_name"),
      messageID: try row.string("message_id"),
      sentAt: try row.date("sent_at"),
      kind: MessageKind(rawValue: kindName) ?? .unsupported,
      text: try row.optionalString("text") ?? "",
      choiceID: try row.optionalString("choice_id"))
    return StoredInboundMessage(
      id: try row.int64("id"),
      message: message,
      receivedAt: try row.date("received_at"),
      state: InboundState(rawValue: try row.string("state")) ?? .pending,
      outcome: try row.optionalString("outcome"),
      intent: try row.optionalString("intent"),
      ticketID: try row.optionalInt64("ticket_id"),
      isTextPurged: try row.bool("text_purged"))
  }
}
