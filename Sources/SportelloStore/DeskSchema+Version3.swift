extension DeskSchema {
  /// Version 3: the outbox remembers how many parts of a long text were delivered, so a
  /// retry after a failed later part sends only the parts the citizen has not received.
  static let version3 = Migration(
    version: 3, summary: "parts of a long text already delivered",
    steps: [.sql("ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0")])
}
