import Foundation

extension DeskSchema {
  /// Version 2: every statement of the message and outbox hot paths is an index search.
  ///
  /// Version 1's outbox claim and lease reset scanned the whole outbox (their `status = ...`
  /// terms could not use the partial index on `status IN (...)`), so each claim cost the
  /// size of the outbox and a long backlog drained in quadratic time. Partial indexes here
  /// match the queries' terms exactly, which is what SQLite needs to use them. The citizen's
  /// "which one?" state moves from JSON to two columns, read on every message.
  static let version2 = Migration(
    version: 2, summary: "index searches for the outbox claim; pending choice in columns",
    steps: [
      // The outbox: what is due, what is leased, and each citizen's unsent messages.
      .sql("DROP INDEX outbox_unsent"),
      .sql("DROP INDEX outbox_by_citizen"),
      .sql("CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending'"),
      .sql("CREATE INDEX outbox_leased ON outbox (lease_until) WHERE status = 'sending'"),
      .sql(
        """
        CREATE INDEX outbox_unsent_by_citizen ON outbox (citizen_id, id)
        WHERE status IN ('pending', 'sending')
        """),
      .sql("CREATE INDEX outbox_failed ON outbox (id) WHERE status = 'failed'"),
      // The claim takes messages in order of their next attempt; a citizen's later message
      // must never be due before an earlier one it waits for, or each claim would step over
      // it again. Version 1 did not keep that order for retries: it is restored here once.
      .sql(
        """
        UPDATE outbox SET next_attempt_at = (
          SELECT max(earlier.next_attempt_at) FROM outbox AS earlier
          WHERE earlier.citizen_id = outbox.citizen_id AND earlier.id <= outbox.id
            AND earlier.status IN ('pending', 'sending')
            AND (outbox.broadcast_id IS NOT NULL OR earlier.broadcast_id IS NULL))
        WHERE status = 'pending'
        """),
      // Tickets: the citizen's ticket that is not closed, the newest first.
      .sql("DROP INDEX tickets_by_citizen"),
      .sql(
        """
        CREATE INDEX tickets_active_by_citizen ON tickets (citizen_id, id)
        WHERE status <> 'closed'
        """),
      // A message id reused with other content: is this content already recorded?
      .sql(
        """
        CREATE INDEX inbound_conflicts_by_inbound ON inbound_conflicts (inbound_id, content_hash)
        """),
      // Subscribers in the order of a broadcast, without sorting.
      .sql("DROP INDEX subscriptions_active"),
      .sql(
        """
        CREATE INDEX subscriptions_active ON subscriptions (subscribed_at, citizen_id)
        WHERE is_active = 1
        """),
      // The pending "which one?" question in columns instead of JSON.
      .sql("ALTER TABLE citizens ADD COLUMN pending_options TEXT"),
      .sql("ALTER TABLE citizens ADD COLUMN pending_asked_at REAL"),
      .transform(movePendingChoicesToColumns),
      .sql("ALTER TABLE citizens DROP COLUMN pending_choice"),
    ])

  /// Rewrites version 1's JSON pending choices (`{"askedAt": ..., "options": [...]}`, the
  /// time in seconds since 2001 as `JSONEncoder` writes a `Date`) into the new columns.
  ///
  /// - Throws: ``StoreError/corruptValue(column:reason:)`` when a stored choice does not
  ///   decode: the migration is then rolled back and the file left as it was.
  @Sendable static func movePendingChoicesToColumns(in database: Database) throws {
    let rows = try database.query(
      "SELECT id, pending_choice FROM citizens WHERE pending_choice IS NOT NULL")
    for row in rows {
      guard let choice = try row.decoded(StoredPendingChoice.self, "pending_choice") else {
        continue
      }
      try database.execute(
        "UPDATE citizens SET pending_options = ?, pending_asked_at = ? WHERE id = ?",
        [
          try PendingChoiceColumns.options(choice.options), .date(choice.askedAt),
          .text(try row.string("id")),
        ])
    }
  }
}

/// How a pending choice's options are kept in one text column: intent ids, one per line.
enum PendingChoiceColumns {
  /// The separator; intent ids are lowercase letters, digits, `_`, `-` and `.`.
  static let separator: Character = "\n"

  /// The options as one text value.
  ///
  /// - Throws: ``StoreError/corruptValue(column:reason:)`` for an empty option or one holding
  ///   a line break, which could not be read back as the same list.
  static func options(_ options: [String]) throws -> SQLValue {
    for option in options where option.isEmpty || option.contains(where: \.isNewline) {
      throw StoreError.corruptValue(
        column: "pending_options", reason: "option '\(option)' is empty or spans lines")
    }
    return .text(options.joined(separator: String(separator)))
  }

  /// The options read back; an empty list for an empty text.
  static func options(from text: String) -> [String] {
    text.split(separator: separator).map(String.init)
  }
}
