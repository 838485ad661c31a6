import Foundation

extension SQLiteDeskTransaction {
  func enqueueOutbound(_ message: NewOutboundMessage) throws -> Int64? {
    var options = SQLValue.null
    var templateName = SQLValue.null
    var templateParameters = SQLValue.null
    switch message.content {
    case .text: break
    case .choice(_, let choices): options = .json(choices)
    case .template(let name, let parameters, _):
      templateName = .text(name)
      templateParameters = .json(parameters)
    }
    let inserted = try database.execute(
      """
      INSERT INTO outbox (citizen_id, channel, kind, text, options, template_name,
        template_parameters, inbound_id, sequence, ticket_id, broadcast_id, operator,
        rate_per_second, status, created_at, next_attempt_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
      ON CONFLICT DO NOTHING
      """,
      [
        .text(message.citizenID), .text(message.channel), .text(message.content.kindName),
        .text(message.content.text), options, templateName, templateParameters,
        .integer(message.inboundID), .integer(Int64(message.sequence)), .integer(message.ticketID),
        .text(message.broadcastID), .text(message.operatorName), .real(message.ratePerSecond),
        .date(message.createdAt), .date(message.createdAt),
      ])
    return inserted == 1 ? database.lastInsertedRowID : nil
  }

  func claimOutbound(
    channel: String?, limit: Int, now: Date, lease: TimeInterval
  ) throws -> [OutboundMessage] {
    try database.execute(
      """
      UPDATE outbox SET status = 'pending', lease_until = NULL
      WHERE status = 'sending' AND lease_until < ?
      """,
      [.date(now)])
    let rows = try database.query(
      """
      SELECT * FROM outbox AS o
      WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND (? IS NULL OR o.channel = ?)
        AND NOT EXISTS (
          SELECT 1 FROM outbox AS earlier
          WHERE earlier.citizen_id = o.citizen_id AND earlier.id < o.id
            AND earlier.status IN ('pending', 'sending'))
      ORDER BY o.id LIMIT ?
      """,
      [.date(now), .text(channel), .text(channel), .integer(Int64(max(0, limit)))])
    var claimed: [OutboundMessage] = []
    for row in rows {
      var message = try Self.outbound(from: row)
      try database.execute(
        "UPDATE outbox SET status = 'sending', lease_until = ? WHERE id = ?",
        [.date(now.addingTimeInterval(lease)), .integer(message.id)])
      message.status = .sending
      claimed.append(message)
    }
    return claimed
  }

  func markSent(outboundID: Int64, providerMessageID: String?, at: Date) throws {
    try database.execute(
      """
      UPDATE outbox SET status = 'sent', sent_at = ?, provider_message_id = ?, lease_until = NULL
      WHERE id = ?
      """,
      [.date(at), .text(providerMessageID), .integer(outboundID)])
  }

  func markFailed(outboundID: Int64, error: String, retryAt: Date?, at: Date) throws {
    if let retryAt {
      try database.execute(
        """
        UPDATE outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = ?,
          last_error = ?, lease_until = NULL
        WHERE id = ?
        """,
        [.date(retryAt), .text(error), .integer(outboundID)])
    } else {
      try database.execute(
        """
        UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?,
          lease_until = NULL
        WHERE id = ?
        """,
        [.text(error), .integer(outboundID)])
    }
  }

  func markDryRun(outboundID: Int64, at: Date) throws {
    try database.execute(
      """
      UPDATE outbox SET status = 'dry_run', sent_at = ?, last_error = 'not sent (dry run)',
        lease_until = NULL
      WHERE id = ?
      """,
      [.date(at), .integer(outboundID)])
  }

  func recordDeliveryStatus(
    providerMessageID: String, status: String, error: String?, at: Date
  ) throws -> Bool {
    guard
      let id = try database.scalarInt(
        "SELECT id FROM outbox WHERE provider_message_id = ? LIMIT 1", [.text(providerMessageID)])
    else { return false }
    try database.execute(
      "INSERT INTO delivery_reports (outbox_id, at, status, error) VALUES (?, ?, ?, ?)",
      [.integer(id), .date(at), .text(status), .text(error)])
    try database.execute(
      """
      UPDATE outbox SET delivery_status = ?, delivery_updated_at = ?,
        last_error = coalesce(?, last_error)
      WHERE id = ?
      """,
      [.text(status), .date(at), .text(error), .integer(id)])
    return true
  }

  func outboundMessage(id: Int64) throws -> OutboundMessage? {
    try database.queryOne("SELECT * FROM outbox WHERE id = ?", [.integer(id)]).map(
      Self.outbound(from:))
  }

  func outboundMessages(forInbound inboundID: Int64) throws -> [OutboundMessage] {
    try database.query(
      "SELECT * FROM outbox WHERE inbound_id = ? ORDER BY sequence", [.integer(inboundID)]
    ).map(Self.outbound(from:))
  }

  func outboundMessages(status: OutboxStatus?, limit: Int) throws -> [OutboundMessage] {
    let limit = SQLValue.integer(Int64(max(0, limit)))
    let rows: [Row]
    if let status {
      rows = try database.query(
        "SELECT * FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?",
        [.text(status.rawValue), limit])
    } else {
      rows = try database.query("SELECT * FROM outbox ORDER BY id DESC LIMIT ?", [limit])
    }
    return try rows.map(Self.outbound(from:))
  }

  func outboxCounts() throws -> [OutboxStatus: Int] {
    var counts: [OutboxStatus: Int] = [:]
    for row in try database.query("SELECT status, count(*) AS n FROM outbox GROUP BY status") {
      if let status = OutboxStatus(rawValue: try row.string("status")) {
        counts[status] = try row.int("n")
      }
    }
    return counts
  }

  static func outbound(from row: Row) throws -> OutboundMessage {
    let text = try row.optionalString("text") ?? ""
    let content: OutboundContent
    switch try row.string("kind") {
    case "choice":
      content = .choice(
        text: text, options: try row.decoded([OutboundOption].self, "options") ?? [])
    case "template":
      content = .template(
        name: try row.optionalString("template_name") ?? "",
        parameters: try row.decoded([String].self, "template_parameters") ?? [], text: text)
    default:
      content = .text(text)
    }
    return OutboundMessage(
      id: try row.int64("id"),
      citizenID: try row.string("citizen_id"),
      channel: try row.string("channel"),
      content: content,
      inboundID: try row.optionalInt64("inbound_id"),
      ticketID: try row.optionalInt64("ticket_id"),
      broadcastID: try row.optionalString("broadcast_id"),
      operatorName: try row.optionalString("operator"),
      ratePerSecond: try row.optionalDouble("rate_per_second"),
      status: OutboxStatus(rawValue: try row.string("status")) ?? .pending,
      attempts: try row.int("attempts"),
      createdAt: try row.date("created_at"),
      nextAttemptAt: try row.date("next_attempt_at"),
      sentAt: try row.optionalDate("sent_at"),
      providerMessageID: try row.optionalString("provider_message_id"),
      lastError: try row.optionalString("last_error"),
      deliveryStatus: try row.optionalString("delivery_status"))
  }
}
