extension DeskSchema {
  /// Version 4: each citizen's unsent messages by due time.
  ///
  /// A new message is due no earlier than the citizen's unsent messages before it (see
  /// ``SQLiteDeskTransaction/enqueueOutbound(_:)``). Through `outbox_unsent_by_citizen`,
  /// finding the latest of their due times read every unsent message of the citizen, so a
  /// citizen whose replies were not sent (a long `sportello chat`, the WhatsApp API down for
  /// hours) made each new reply slower than the last. This index holds them in order of
  /// their due time, and the latest is read at its end.
  static let version4 = Migration(
    version: 4, summary: "each citizen's unsent messages by due time",
    steps: [
      .sql(
        """
        CREATE INDEX outbox_unsent_due_by_citizen ON outbox (citizen_id, next_attempt_at)
        WHERE status IN ('pending', 'sending')
        """)
    ])
}
