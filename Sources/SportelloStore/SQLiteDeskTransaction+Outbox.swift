import Foundation

extension SQLiteDeskTransaction {
  func enqueueOutbound(_ message: NewOutboundMessage) throws -> Int64? {
    var options = SQLValue.null
    var templateName = SQLValue.null
    var templateParameters = SQLValue.null
    switch message.content {
    case .text: break
    case .choice(_, let choices): options = StoredLists.options(choices)
    case .template(let name, let parameters, _):
      templateName = .text(name)
      templateParameters = StoredLists.strings(parameters)
    }
    // The claim takes messages in order of their next attempt, so a new message is never
    // due before the unsent ones it must wait for (which may wait for a retry): for a reply,
    // the citizen's earlier replies; for a broadcast message, everything earlier. See
    // ``claimOutbound(channel:limit:now:lease:)``.
    let inserted = try database.execute(
      """
      INSERT INTO outbox (citizen_id, channel, kind, text, options, template_name,
        template_parameters, inbound_id, sequence, ticket_id, broadcast_id, operator,
        rate_per_second, status, created_at, next_attempt_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'pending', ?14,
        max(?15, coalesce((
          SELECT max(unsent.next_attempt_at) FROM outbox AS unsent
          WHERE unsent.citizen_id = ?1 AND unsent.status IN ('pending', 'sending')
            AND (?11 IS NOT NULL OR unsent.broadcast_id IS NULL)), ?15)))
      ON CONFLICT DO NOTHING
      """,
      [
        .text(message.citizenID), .text(message.channel), .text(message.content.kindName),
        .text(message.content.text), options, templateName, templateParameters,
        .integer(message.inboundID), .integer(Int64(message.sequence)), .integer(message.ticketID),
        .text(message.broadcastID), .text(message.operatorName), .real(message.ratePerSecond),
        .date(message.createdAt), .date(message.notBefore ?? message.createdAt),
      ])
    return inserted == 1 ? database.lastInsertedRowID : nil
  }

  /// Claims what is due, one message per citizen, each citizen's oldest unsent first.
  ///
  /// Replies to a citizen leave in order among themselves; a broadcast message waits for
  /// everything enqueued for the citizen before it, but a reply never waits for a broadcast
  /// message scheduled later by the broadcast's rate.
  ///
  /// Every step is an index search: expired leases through `outbox_leased`, due messages
  /// in order of their next attempt through `outbox_due`, and each candidate's earlier
  /// unsent messages through `outbox_unsent_by_citizen`. Since a citizen's later messages
  /// are never due before an earlier one (see ``enqueueOutbound(_:)`` and
  /// ``markFailed(outboundID:error:retryAt:at:)``), a citizen waiting for a retry costs the
  /// claim nothing, and a claim visits about `limit` rows times the depth of each citizen's
  /// queue, however long the outbox.
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
            AND earlier.status IN ('pending', 'sending')
            AND (o.broadcast_id IS NOT NULL OR earlier.broadcast_id IS NULL))
      ORDER BY o.next_attempt_at, o.id LIMIT ?
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
      UPDATE outbox SET status = 'sent', sent_at = ?,
        provider_message_id = coalesce(provider_message_id, ?), lease_until = NULL
      WHERE id = ?
      """,
      [.date(at), .text(providerMessageID), .integer(outboundID)])
  }

  func markFailed(outboundID: Int64, error: String, retryAt: Date?, at: Date) throws {
    guard let retryAt else {
      try database.execute(
        """
        UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?,
          lease_until = NULL
        WHERE id = ?
        """,
        [.text(error), .integer(outboundID)])
      return
    }
    try database.execute(
      """
      UPDATE outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = ?,
        last_error = ?, lease_until = NULL
      WHERE id = ?
      """,
      [.date(retryAt), .text(error), .integer(outboundID)])
    try holdBackLaterMessages(behind: outboundID, until: retryAt)
  }

  func recordPartsSent(outboundID: Int64, count: Int, providerMessageID: String?) throws {
    try database.execute(
      """
      UPDATE outbox SET parts_sent = max(parts_sent, ?),
        provider_message_id = coalesce(provider_message_id, ?)
      WHERE id = ?
      """,
      [.integer(Int64(count)), .text(providerMessageID), .integer(outboundID)])
  }

  func postponeOutbound(outboundID: Int64, until: Date) throws {
    try database.execute(
      "UPDATE outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL WHERE id = ?",
      [.date(until), .integer(outboundID)])
    try holdBackLaterMessages(behind: outboundID, until: until)
  }

  /// Keeps every later message that waits for `outboundID` from being due before `until`:
  /// the citizen's later broadcast messages, and their later replies when it is a reply.
  private func holdBackLaterMessages(behind outboundID: Int64, until: Date) throws {
    try database.execute(
      """
      UPDATE outbox SET next_attempt_at = ?1
      WHERE citizen_id = (SELECT citizen_id FROM outbox WHERE id = ?2) AND id > ?2
        AND status IN ('pending', 'sending') AND next_attempt_at < ?1
        AND (broadcast_id IS NOT NULL OR (SELECT broadcast_id FROM outbox WHERE id = ?2) IS NULL)
      """,
      [.date(until), .integer(outboundID)])
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
    let sql =
      switch status {
      // One constant statement per status, so that SQLite can pick the partial index that
      // holds exactly the rare ones (unsent, failed) instead of walking the whole outbox.
      case nil: "SELECT * FROM outbox ORDER BY id DESC LIMIT ?"
      case .pending: "SELECT * FROM outbox WHERE status = 'pending' ORDER BY id DESC LIMIT ?"
      case .sending: "SELECT * FROM outbox WHERE status = 'sending' ORDER BY id DESC LIMIT ?"
      case .failed: "SELECT * FROM outbox WHERE status = 'failed' ORDER BY id DESC LIMIT ?"
      case .sent: "SELECT * FROM outbox WHERE status = 'sent' ORDER BY id DESC LIMIT ?"
      case .dryRun: "SELECT * FROM outbox WHERE status = 'dry_run' ORDER BY id DESC LIMIT ?"
      }
    return try database.query(sql, [limit]).map(Self.outbound(from:))
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

  func outboxBacklog() throws -> OutboxBacklog {
    // Each count walks only its own partial index: the rows waiting, not the whole history.
    let pending = try database.scalarInt("SELECT count(*) FROM outbox WHERE status = 'pending'")
    let sending = try database.scalarInt("SELECT count(*) FROM outbox WHERE status = 'sending'")
    let failed = try database.scalarInt("SELECT count(*) FROM outbox WHERE status = 'failed'")
    return OutboxBacklog(
      unsent: Int((pending ?? 0) + (sending ?? 0)), failed: Int(failed ?? 0))
  }

  static func outbound(from row: Row) throws -> OutboundMessage {
    let text = try row.optionalString("text") ?? ""
    let content: OutboundContent
    switch try row.string("kind") {
    case "choice":
      content = .choice(
        text: text, options: try StoredLists.options(in: row, "options") ?? [])
    case "template":
      content = .template(
        name: try row.optionalString("template_name") ?? "",
        parameters: try StoredLists.strings(in: row, "template_parameters") ?? [], text: text)
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
      deliveryStatus: try row.optionalString("delivery_status"),
      partsSent: try row.int("parts_sent"))
  }
}
