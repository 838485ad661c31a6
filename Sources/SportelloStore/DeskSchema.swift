/// The desk database's schema history.
///
/// Times are seconds since 1970 (UTC) as reals; lists shown to staff are JSON text, state
/// read on every message is in plain columns. Never edit a released migration: add the next
/// version.
public enum DeskSchema {
  /// Every migration, in order. The last version is the one this program writes.
  public static let migrations: [Migration] = [
    Migration(
      version: 1, summary: "citizens, inbound messages, tickets, outbox, subscriptions",
      statements: [
        """
        CREATE TABLE citizens (
          id TEXT PRIMARY KEY,
          channel TEXT NOT NULL,
          display_name TEXT,
          first_seen_at REAL NOT NULL,
          last_seen_at REAL NOT NULL,
          pending_choice TEXT
        )
        """,
        """
        CREATE TABLE tickets (
          id INTEGER PRIMARY KEY,
          citizen_id TEXT NOT NULL REFERENCES citizens(id),
          display_name TEXT,
          channel TEXT NOT NULL,
          office TEXT,
          status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'answered', 'closed')),
          operator TEXT,
          reason TEXT,
          opened_at REAL NOT NULL,
          updated_at REAL NOT NULL,
          first_reply_at REAL,
          closed_at REAL,
          first_words TEXT,
          candidates TEXT
        )
        """,
        "CREATE INDEX tickets_by_status ON tickets (status, opened_at)",
        "CREATE INDEX tickets_by_office ON tickets (office, status, opened_at)",
        "CREATE INDEX tickets_active ON tickets (opened_at) WHERE status <> 'closed'",
        "CREATE INDEX tickets_by_citizen ON tickets (citizen_id, status)",
        """
        CREATE TABLE ticket_events (
          id INTEGER PRIMARY KEY,
          ticket_id INTEGER NOT NULL REFERENCES tickets(id),
          at REAL NOT NULL,
          kind TEXT NOT NULL,
          operator TEXT,
          detail TEXT
        )
        """,
        "CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id)",
        """
        CREATE TABLE inbound_messages (
          id INTEGER PRIMARY KEY,
          channel TEXT NOT NULL,
          message_id TEXT NOT NULL,
          citizen_id TEXT NOT NULL REFERENCES citizens(id),
          display_name TEXT,
          sent_at REAL NOT NULL,
          received_at REAL NOT NULL,
          kind TEXT NOT NULL,
          text TEXT,
          choice_id TEXT,
          content_hash TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('pending', 'processed')),
          outcome TEXT,
          intent TEXT,
          ticket_id INTEGER REFERENCES tickets(id),
          processed_at REAL,
          text_purged INTEGER NOT NULL DEFAULT 0,
          UNIQUE (channel, message_id)
        )
        """,
        "CREATE INDEX inbound_pending ON inbound_messages (id) WHERE state = 'pending'",
        """
        CREATE INDEX inbound_by_ticket ON inbound_messages (ticket_id, id)
        WHERE ticket_id IS NOT NULL
        """,
        """
        CREATE TABLE inbound_conflicts (
          id INTEGER PRIMARY KEY,
          inbound_id INTEGER NOT NULL REFERENCES inbound_messages(id),
          received_at REAL NOT NULL,
          kind TEXT NOT NULL,
          text TEXT,
          choice_id TEXT,
          content_hash TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE outbox (
          id INTEGER PRIMARY KEY,
          citizen_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('text', 'choice', 'template')),
          text TEXT,
          options TEXT,
          template_name TEXT,
          template_parameters TEXT,
          inbound_id INTEGER REFERENCES inbound_messages(id),
          sequence INTEGER NOT NULL DEFAULT 0,
          ticket_id INTEGER REFERENCES tickets(id),
          broadcast_id TEXT REFERENCES broadcasts(id),
          operator TEXT,
          rate_per_second REAL,
          status TEXT NOT NULL
            CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dry_run')),
          attempts INTEGER NOT NULL DEFAULT 0,
          created_at REAL NOT NULL,
          next_attempt_at REAL NOT NULL,
          lease_until REAL,
          sent_at REAL,
          provider_message_id TEXT,
          last_error TEXT,
          delivery_status TEXT,
          delivery_updated_at REAL,
          text_purged INTEGER NOT NULL DEFAULT 0
        )
        """,
        // Partial indexes: each outbox row pays only for the keys it has.
        """
        CREATE UNIQUE INDEX outbox_reply_once ON outbox (inbound_id, sequence)
        WHERE inbound_id IS NOT NULL
        """,
        """
        CREATE UNIQUE INDEX outbox_broadcast_once ON outbox (broadcast_id, citizen_id)
        WHERE broadcast_id IS NOT NULL
        """,
        "CREATE INDEX outbox_unsent ON outbox (id) WHERE status IN ('pending', 'sending')",
        "CREATE INDEX outbox_by_citizen ON outbox (citizen_id, id)",
        "CREATE INDEX outbox_by_ticket ON outbox (ticket_id, id) WHERE ticket_id IS NOT NULL",
        """
        CREATE INDEX outbox_by_provider_id ON outbox (provider_message_id)
        WHERE provider_message_id IS NOT NULL
        """,
        """
        CREATE TABLE delivery_reports (
          id INTEGER PRIMARY KEY,
          outbox_id INTEGER NOT NULL REFERENCES outbox(id),
          at REAL NOT NULL,
          status TEXT NOT NULL,
          error TEXT
        )
        """,
        """
        CREATE TABLE subscriptions (
          citizen_id TEXT PRIMARY KEY,
          channel TEXT NOT NULL,
          is_active INTEGER NOT NULL,
          subscribed_at REAL NOT NULL,
          unsubscribed_at REAL
        )
        """,
        "CREATE INDEX subscriptions_active ON subscriptions (subscribed_at) WHERE is_active = 1",
        """
        CREATE TABLE consent_records (
          id INTEGER PRIMARY KEY,
          citizen_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('subscribe', 'unsubscribe')),
          at REAL NOT NULL,
          words TEXT NOT NULL,
          privacy_notice_version TEXT,
          inbound_id INTEGER REFERENCES inbound_messages(id)
        )
        """,
        "CREATE INDEX consent_by_citizen ON consent_records (citizen_id, id)",
        """
        CREATE TABLE broadcasts (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          text TEXT,
          template_name TEXT,
          template_parameters TEXT,
          rate_per_second REAL NOT NULL,
          created_at REAL NOT NULL
        )
        """,
        """
        CREATE TABLE purges (
          id INTEGER PRIMARY KEY,
          at REAL NOT NULL,
          cutoff REAL NOT NULL,
          inbound_texts INTEGER NOT NULL,
          outbound_texts INTEGER NOT NULL,
          tickets INTEGER NOT NULL,
          conflicts INTEGER NOT NULL
        )
        """,
      ]),
    version2,
    version3,
    version4,
  ]

  /// The schema version this program writes.
  public static var currentVersion: Int { migrations.map(\.version).max() ?? 0 }
}
