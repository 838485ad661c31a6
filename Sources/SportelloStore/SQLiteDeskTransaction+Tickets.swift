import Foundation

extension SQLiteDeskTransaction {
  func activeTicket(for citizenID: String) throws -> Ticket? {
    try database.queryOne(
      """
      SELECT * FROM tickets WHERE citizen_id = ? AND status <> 'closed'
      ORDER BY id DESC LIMIT 1
      """,
      [.text(citizenID)]
    ).map(Self.ticket(from:))
  }

  func openTicket(_ ticket: NewTicket) throws -> Ticket {
    try database.execute(
      """
      INSERT INTO tickets (citizen_id, display_name, channel, office, status, reason, opened_at,
        updated_at, first_words, candidates)
      VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
      """,
      [
        .text(ticket.citizenID), .text(ticket.displayName), .text(ticket.channel),
        .text(ticket.office), .text(ticket.reason), .date(ticket.openedAt), .date(ticket.openedAt),
        .text(ticket.firstWords), StoredLists.candidates(ticket.candidates),
      ])
    let id = database.lastInsertedRowID
    try addTicketEvent(
      TicketEvent(at: ticket.openedAt, kind: .opened, detail: ticket.reason), toTicket: id)
    // Built from what was just written rather than read back: one query less per handover.
    return Ticket(
      id: id, citizenID: ticket.citizenID, displayName: ticket.displayName,
      channel: ticket.channel, office: ticket.office, status: .open, operatorName: nil,
      reason: ticket.reason, openedAt: ticket.openedAt, updatedAt: ticket.openedAt,
      firstReplyAt: nil, closedAt: nil, firstWords: ticket.firstWords,
      candidates: ticket.candidates)
  }

  func attachInbound(_ inboundID: Int64, toTicket ticketID: Int64) throws {
    try database.execute(
      "UPDATE inbound_messages SET ticket_id = ? WHERE id = ?",
      [.integer(ticketID), .integer(inboundID)])
  }

  func ticket(id: Int64) throws -> Ticket? {
    try database.queryOne("SELECT * FROM tickets WHERE id = ?", [.integer(id)]).map(
      Self.ticket(from:))
  }

  func updateTicket(
    id: Int64, status: TicketStatus, operatorName: String?, event: TicketEvent
  ) throws {
    let isReply = event.kind == .replied
    try database.execute(
      """
      UPDATE tickets SET status = ?, operator = ?, updated_at = ?,
        first_reply_at = CASE WHEN ? = 1 AND first_reply_at IS NULL THEN ? ELSE first_reply_at END,
        closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END
      WHERE id = ?
      """,
      [
        .text(status.rawValue), .text(operatorName), .date(event.at), .bool(isReply),
        .date(event.at), .text(status.rawValue), .date(event.at), .integer(id),
      ])
    try addTicketEvent(event, toTicket: id)
  }

  func addTicketEvent(_ event: TicketEvent, toTicket ticketID: Int64) throws {
    try database.execute(
      "INSERT INTO ticket_events (ticket_id, at, kind, operator, detail) VALUES (?, ?, ?, ?, ?)",
      [
        .integer(ticketID), .date(event.at), .text(event.kind.rawValue), .text(event.operatorName),
        .text(event.detail),
      ])
  }

  func tickets(matching filter: TicketFilter) throws -> [Ticket] {
    let limit = SQLValue.integer(Int64(max(0, filter.limit)))
    let rows: [Row]
    switch (filter.status, filter.office) {
    case (nil, nil):
      rows = try database.query(
        "SELECT * FROM tickets WHERE status <> 'closed' ORDER BY opened_at, id LIMIT ?", [limit])
    case (let status?, nil):
      rows = try database.query(
        "SELECT * FROM tickets WHERE status = ? ORDER BY opened_at, id LIMIT ?",
        [.text(status.rawValue), limit])
    case (nil, let office?):
      rows = try database.query(
        """
        SELECT * FROM tickets WHERE office = ? AND status <> 'closed'
        ORDER BY opened_at, id LIMIT ?
        """,
        [.text(office), limit])
    case (let status?, let office?):
      rows = try database.query(
        "SELECT * FROM tickets WHERE office = ? AND status = ? ORDER BY opened_at, id LIMIT ?",
        [.text(office), .text(status.rawValue), limit])
    }
    return try rows.map(Self.ticket(from:))
  }

  func ticketCount(matching filter: TicketFilter) throws -> Int {
    let count: Int64?
    switch (filter.status, filter.office) {
    case (nil, nil):
      count = try database.scalarInt("SELECT count(*) FROM tickets WHERE status <> 'closed'")
    case (let status?, nil):
      count = try database.scalarInt(
        "SELECT count(*) FROM tickets WHERE status = ?", [.text(status.rawValue)])
    case (nil, let office?):
      count = try database.scalarInt(
        "SELECT count(*) FROM tickets WHERE office = ? AND status <> 'closed'", [.text(office)])
    case (let status?, let office?):
      count = try database.scalarInt(
        "SELECT count(*) FROM tickets WHERE office = ? AND status = ?",
        [.text(office), .text(status.rawValue)])
    }
    return Int(count ?? 0)
  }

  func thread(ofTicket ticketID: Int64) throws -> [ThreadEntry] {
    var entries: [(Date, Int, Int64, ThreadEntry)] = []
    for row in try database.query(
      "SELECT id, received_at, kind, text FROM inbound_messages WHERE ticket_id = ?",
      [.integer(ticketID)])
    {
      let at = try row.date("received_at")
      let entry = ThreadEntry(
        at: at, author: .citizen, kind: try row.string("kind"),
        text: try row.optionalString("text") ?? "")
      entries.append((at, 0, try row.int64("id"), entry))
    }
    for row in try database.query(
      "SELECT id, created_at, kind, text, operator, status FROM outbox WHERE ticket_id = ?",
      [.integer(ticketID)])
    {
      let at = try row.date("created_at")
      let author: ThreadEntry.Author = try row.optionalString("operator").map { .staff($0) } ?? .bot
      let entry = ThreadEntry(
        at: at, author: author, kind: try row.string("kind"),
        text: try row.optionalString("text") ?? "", deliveryStatus: try row.string("status"))
      entries.append((at, 1, try row.int64("id"), entry))
    }
    entries.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
    return entries.map(\.3)
  }

  func events(ofTicket ticketID: Int64) throws -> [TicketEvent] {
    try database.query(
      "SELECT at, kind, operator, detail FROM ticket_events WHERE ticket_id = ? ORDER BY id",
      [.integer(ticketID)]
    ).map { row in
      TicketEvent(
        at: try row.date("at"),
        kind: TicketEventKind(rawValue: try row.string("kind")) ?? .opened,
        operatorName: try row.optionalString("operator"),
        detail: try row.optionalString("detail"))
    }
  }

  func ticketTimings() throws -> [TicketTiming] {
    var timings: [TicketTiming] = []
    try database.forEachRow(
      "SELECT opened_at, first_reply_at, office, status FROM tickets ORDER BY id"
    ) { row in
      timings.append(
        TicketTiming(
          openedAt: try row.date("opened_at"), firstReplyAt: try row.optionalDate("first_reply_at"),
          office: try row.optionalString("office"),
          status: TicketStatus(rawValue: try row.string("status")) ?? .open))
    }
    return timings
  }

  static func ticket(from row: Row) throws -> Ticket {
    Ticket(
      id: try row.int64("id"),
      citizenID: try row.string("citizen_id"),
      displayName: try row.optionalString("display_name"),
      channel: try row.string("channel"),
      office: try row.optionalString("office"),
      status: TicketStatus(rawValue: try row.string("status")) ?? .open,
      operatorName: try row.optionalString("operator"),
      reason: try row.optionalString("reason"),
      openedAt: try row.date("opened_at"),
      updatedAt: try row.date("updated_at"),
      firstReplyAt: try row.optionalDate("first_reply_at"),
      closedAt: try row.optionalDate("closed_at"),
      firstWords: try row.optionalString("first_words") ?? "",
      candidates: try StoredLists.candidates(in: row, "candidates") ?? [])
  }
}
