import Foundation

extension SQLiteDeskTransaction {
  func subscribe(_ consent: ConsentRecord) throws -> Bool {
    let wasActive = try isSubscribed(consent.citizenID)
    try insertConsent(consent)
    if !wasActive {
      try database.execute(
        """
        INSERT INTO subscriptions (citizen_id, channel, is_active, subscribed_at)
        VALUES (?, ?, 1, ?)
        ON CONFLICT (citizen_id) DO UPDATE SET
          is_active = 1, subscribed_at = excluded.subscribed_at, unsubscribed_at = NULL,
          channel = excluded.channel
        """,
        [.text(consent.citizenID), .text(consent.channel), .date(consent.at)])
    }
    return !wasActive
  }

  func unsubscribe(_ consent: ConsentRecord) throws -> Bool {
    let wasActive = try isSubscribed(consent.citizenID)
    try insertConsent(consent)
    if wasActive {
      try database.execute(
        "UPDATE subscriptions SET is_active = 0, unsubscribed_at = ? WHERE citizen_id = ?",
        [.date(consent.at), .text(consent.citizenID)])
    }
    return wasActive
  }

  func isSubscribed(_ citizenID: String) throws -> Bool {
    try database.scalarInt(
      "SELECT is_active FROM subscriptions WHERE citizen_id = ?", [.text(citizenID)]) == 1
  }

  func activeSubscribers() throws -> [Subscriber] {
    try database.query(
      """
      SELECT citizen_id, channel, subscribed_at FROM subscriptions WHERE is_active = 1
      ORDER BY subscribed_at, citizen_id
      """
    ).map { row in
      Subscriber(
        citizenID: try row.string("citizen_id"), channel: try row.string("channel"),
        subscribedAt: try row.date("subscribed_at"))
    }
  }

  func consentRecords(for citizenID: String) throws -> [ConsentRecord] {
    try database.query(
      "SELECT * FROM consent_records WHERE citizen_id = ? ORDER BY id", [.text(citizenID)]
    ).map { row in
      ConsentRecord(
        citizenID: try row.string("citizen_id"), channel: try row.string("channel"),
        action: ConsentRecord.Action(rawValue: try row.string("action")) ?? .subscribe,
        at: try row.date("at"), words: try row.string("words"),
        privacyNoticeVersion: try row.optionalString("privacy_notice_version"),
        inboundID: try row.optionalInt64("inbound_id"))
    }
  }

  func createBroadcast(_ broadcast: Broadcast) throws -> Broadcast {
    var templateName = SQLValue.null
    var parameters = SQLValue.null
    if case .template(let name, let values, _) = broadcast.content {
      templateName = .text(name)
      parameters = StoredLists.strings(values)
    }
    try database.execute(
      """
      INSERT INTO broadcasts (id, kind, text, template_name, template_parameters,
        rate_per_second, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """,
      [
        .text(broadcast.id), .text(broadcast.content.kindName), .text(broadcast.content.text),
        templateName, parameters, .real(broadcast.ratePerSecond), .date(broadcast.createdAt),
      ])
    guard
      let row = try database.queryOne(
        "SELECT * FROM broadcasts WHERE id = ?", [.text(broadcast.id)])
    else { throw StoreError.corruptValue(column: "broadcasts.id", reason: "broadcast vanished") }
    let text = try row.optionalString("text") ?? ""
    let content: OutboundContent =
      try row.string("kind") == "template"
      ? .template(
        name: try row.optionalString("template_name") ?? "",
        parameters: try StoredLists.strings(in: row, "template_parameters") ?? [], text: text)
      : .text(text)
    return Broadcast(
      id: try row.string("id"), content: content, ratePerSecond: try row.double("rate_per_second"),
      createdAt: try row.date("created_at"))
  }

  func purge(before cutoff: Date, dryRun: Bool, at: Date) throws -> PurgeReport {
    let limit = SQLValue.date(cutoff)
    let report = PurgeReport(
      inboundTexts: try count(
        "SELECT count(*) FROM inbound_messages WHERE received_at < ? AND text_purged = 0", limit),
      outboundTexts: try count(
        "SELECT count(*) FROM outbox WHERE created_at < ? AND text_purged = 0", limit),
      tickets: try count(
        "SELECT count(*) FROM tickets WHERE opened_at < ? AND first_words IS NOT NULL", limit),
      conflicts: try count(
        "SELECT count(*) FROM inbound_conflicts WHERE received_at < ? AND text IS NOT NULL", limit))
    guard !dryRun else { return report }
    try database.execute(
      """
      UPDATE inbound_messages SET text = NULL, text_purged = 1
      WHERE received_at < ? AND text_purged = 0
      """,
      [limit])
    try database.execute(
      """
      UPDATE outbox SET text = NULL, options = NULL, template_parameters = NULL, text_purged = 1
      WHERE created_at < ? AND text_purged = 0
      """,
      [limit])
    try database.execute(
      """
      UPDATE tickets SET first_words = NULL, candidates = NULL
      WHERE opened_at < ? AND first_words IS NOT NULL
      """,
      [limit])
    try database.execute(
      "UPDATE inbound_conflicts SET text = NULL WHERE received_at < ? AND text IS NOT NULL", [limit]
    )
    try database.execute(
      """
      INSERT INTO purges (at, cutoff, inbound_texts, outbound_texts, tickets, conflicts)
      VALUES (?, ?, ?, ?, ?, ?)
      """,
      [
        .date(at), limit, .integer(report.inboundTexts), .integer(report.outboundTexts),
        .integer(report.tickets), .integer(report.conflicts),
      ])
    return report
  }

  private func insertConsent(_ consent: ConsentRecord) throws {
    try database.execute(
      """
      INSERT INTO consent_records (citizen_id, channel, action, at, words, privacy_notice_version,
        inbound_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(consent.citizenID), .text(consent.channel), .text(consent.action.rawValue),
        .date(consent.at), .text(consent.words), .text(consent.privacyNoticeVersion),
        .integer(consent.inboundID),
      ])
  }

  private func count(_ sql: String, _ parameter: SQLValue) throws -> Int {
    Int(try database.scalarInt(sql, [parameter]) ?? 0)
  }
}
