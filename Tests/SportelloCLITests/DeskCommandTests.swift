import Foundation
import SportelloStore
import Testing

/// A fresh folder with a database path, removed when released.
final class DeskFolder: @unchecked Sendable {
  // Safe as @unchecked Sendable: never mutated after init.
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sportello-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  var database: String { url.appendingPathComponent("desk.db").path }
}

/// Runs `sportello` at a fixed time against the folder's database.
func desk(_ arguments: [String], _ folder: DeskFolder, input: Data = Data()) throws
  -> BinaryRunner.Result
{
  try BinaryRunner.run(
    arguments + ["--db", folder.database], input: input, in: folder.url,
    environment: ["SPORTELLO_NOW": "2026-12-03T10:00:00Z"])
}

/// Opens a ticket directly in the database, as a handover would.
@discardableResult
func seedTicket(_ folder: DeskFolder, citizen: String = "393331234567", office: String = "anagrafe")
  throws -> Int64
{
  let store = try SQLiteDeskStore(path: folder.database)
  let at = Date(timeIntervalSince1970: 1_796_288_400)  // 2026-12-03 09:00 UTC
  return try store.write { transaction in
    let recorded = try transaction.recordInbound(
      InboundMessage(
        channel: "whatsapp", citizenID: citizen, displayName: "Maria", messageID: UUID().uuidString,
        sentAt: at, text: "ho ricevuto un avviso che non capisco"),
      receivedAt: at)
    let ticket = try transaction.openTicket(
      NewTicket(
        citizenID: citizen, displayName: "Maria", channel: "whatsapp", office: office,
        reason: "no_match", firstWords: "ho ricevuto un avviso che non capisco",
        candidates: [TicketCandidate(intent: "tributi.tari", title: "TARI", score: 0.31)],
        openedAt: at))
    try transaction.attachInbound(recorded.id, toTicket: ticket.id)
    return ticket.id
  }
}

@Suite struct DeskCommandTests {
  @Test func queueListShowsMaskedCitizensAndCandidates() throws {
    let folder = try DeskFolder()
    try seedTicket(folder)
    let result = try desk(["queue", "list"], folder)
    #expect(result.status == 0)
    #expect(
      result.output == """
        ID  AGE  STATUS  OFFICE    CITIZEN       FIRST WORDS                            CANDIDATES
        1   1h   open    anagrafe  ***567 Maria  ho ricevuto un avviso che non capisco  \
        tributi.tari 0.31

        """)
    #expect(result.error == "")
  }

  @Test func queueListJSONIsExact() throws {
    let folder = try DeskFolder()
    try seedTicket(folder)
    let result = try desk(
      ["queue", "list", "--json", "--status", "open", "--office", "anagrafe"], folder)
    #expect(result.status == 0)
    #expect(
      result.output == """
        [
          {
            "age_seconds" : 3600,
            "candidates" : [
              {
                "intent" : "tributi.tari",
                "score" : 0.31,
                "title" : "TARI"
              }
            ],
            "citizen" : "***567",
            "first_words" : "ho ricevuto un avviso che non capisco",
            "id" : 1,
            "name" : "Maria",
            "office" : "anagrafe",
            "opened_at" : "2026-12-03T09:00:00Z",
            "status" : "open"
          }
        ]

        """)
    let other = try desk(["queue", "list", "--json", "--office", "tributi"], folder)
    #expect(other.output == "[]\n")
  }

  @Test func claimReplyCloseReopenAndShow() throws {
    let folder = try DeskFolder()
    try seedTicket(folder)
    #expect(
      try desk(["queue", "claim", "1", "--operator", "Giulia"], folder).output
        == "Ticket 1 claimed by Giulia.\n")
    let reply = try desk(
      ["queue", "reply", "1", "--text", "Buongiorno, la richiamiamo noi."], folder)
    #expect(reply.output == "Reply queued as outbox message 1; ticket 1 is answered.\n")
    let outbox = try desk(["outbox", "list", "--status", "pending"], folder)
    #expect(
      outbox.output == """
        ID  STATUS   CITIZEN  KIND  CREATED           TEXT
        1   pending  ***567   text  2026-12-03 11:00  Buongiorno, la richiamiamo noi.

        """)
    #expect(try desk(["queue", "close", "1"], folder).output == "Ticket 1 closed.\n")
    #expect(try desk(["queue", "reopen", "1"], folder).output == "Ticket 1 reopened.\n")
    let show = try desk(["queue", "show", "1"], folder)
    #expect(
      show.output == """
        Ticket 1 · open · anagrafe
        Citizen: ***567 Maria (whatsapp)
        Opened: 2026-12-03 10:00 (1h ago)
        Reason: no_match

        Candidates:
          tributi.tari  TARI  0.31

        Thread:
          2026-12-03 10:00  citizen: ho ricevuto un avviso che non capisco
          2026-12-03 11:00  Giulia: Buongiorno, la richiamiamo noi. (pending)

        History:
          2026-12-03 10:00  opened (no_match)
          2026-12-03 11:00  claimed by Giulia
          2026-12-03 11:00  replied by Giulia
          2026-12-03 11:00  closed by Giulia
          2026-12-03 11:00  reopened

        """)
  }

  @Test(arguments: [
    (["queue", "claim", "7", "--operator", "Giulia"], "Error: no ticket 7\n"),
    (["queue", "claim", "1"], "Error: an operator name is required (--operator NAME)\n"),
    (
      ["queue", "reply", "1", "--text", "ciao"],
      "Error: an operator name is required (--operator NAME)\n"
    ),
    (["queue", "reopen", "1"], "Error: ticket 1 is not closed\n"),
    (["queue", "show", "9"], "Error: no ticket 9\n"),
  ])
  func refusedStaffCommandsFailClearlyAndChangeNothing(arguments: [String], error: String) throws {
    let folder = try DeskFolder()
    try seedTicket(folder)
    let before = try desk(["queue", "list", "--json"], folder).output
    let result = try desk(arguments, folder)
    #expect(result.status == 1)
    #expect(result.error == error)
    #expect(result.output == "")
    #expect(try desk(["queue", "list", "--json"], folder).output == before)
    #expect(try desk(["outbox", "list", "--json"], folder).output == "[]\n")
  }

  @Test func replyToAClosedTicketIsRefused() throws {
    let folder = try DeskFolder()
    try seedTicket(folder)
    _ = try desk(["queue", "close", "1"], folder)
    let result = try desk(
      ["queue", "reply", "1", "--text", "ciao", "--operator", "Giulia"], folder)
    #expect(result.status == 1)
    #expect(result.error == "Error: ticket 1 is closed; reopen it first\n")
    #expect(try desk(["outbox", "list", "--json"], folder).output == "[]\n")
  }

  @Test func statsCountTicketsPerOfficeAndDay() throws {
    let folder = try DeskFolder()
    try seedTicket(folder)
    try seedTicket(folder, citizen: "393330000001", office: "tributi")
    _ = try desk(["queue", "reply", "1", "--text", "ok", "--operator", "Giulia"], folder)
    let result = try desk(["queue", "stats"], folder)
    #expect(
      result.output == """
        Active tickets: 2 (open 1, claimed 0, answered 1)
        First human reply: median 1h 00m, 90th percentile 1h 00m (1 tickets)

        Per office:
          anagrafe  1
          tributi  1

        Per day:
          2026-12-03  2

        """)
  }

  @Test func broadcastIsIdempotentAndPurgeCountsFirst() throws {
    let folder = try DeskFolder()
    let store = try SQLiteDeskStore(path: folder.database)
    for citizen in ["391111111", "392222222"] {
      _ = try store.write {
        try $0.subscribe(
          ConsentRecord(
            citizenID: citizen, channel: "whatsapp", action: .subscribe, at: Date(),
            words: "Iscrivimi",
            privacyNoticeVersion: "1", inboundID: nil))
      }
    }
    let dry = try desk(
      ["broadcast", "--text", "Sportello chiuso il 24/12.", "--id", "natale", "--dry-run"], folder)
    #expect(dry.output == "Broadcast 'natale' would reach 2 subscribers (dry run).\n")
    let sent = try desk(
      ["broadcast", "--text", "Sportello chiuso il 24/12.", "--id", "natale"], folder)
    #expect(
      sent.output
        == "Broadcast 'natale': 2 messages queued for 2 subscribers, at most 20 per second.\n")
    let again = try desk(
      ["broadcast", "--text", "Sportello chiuso il 24/12.", "--id", "natale"], folder)
    #expect(
      again.output
        == "Broadcast 'natale': 0 messages queued for 2 subscribers, at most 20 per second.\n")
    let changed = try desk(["broadcast", "--text", "Altro testo", "--id", "natale"], folder)
    #expect(changed.status == 1)
    #expect(
      changed.error
        == "Error: broadcast 'natale' already exists with other content; use another --id\n")
    let template = try desk(
      [
        "broadcast", "--template", "avviso", "--param", "TARI", "--param", "16/12", "--id", "t1",
        "--rate", "5",
      ], folder)
    #expect(
      template.output
        == "Broadcast 't1': 2 messages queued for 2 subscribers, at most 5 per second.\n")
    #expect(
      try desk(["outbox", "list", "--json"], folder).output.contains(#""template" : "avviso""#))
    let purge = try desk(["purge", "--older-than", "180d", "--dry-run"], folder)
    #expect(
      purge.output
        == "Would delete the texts of 0 inbound messages, 0 outbound messages, 0 tickets "
        + "from before 2026-06-06 12:00 (dry run).\n")
    let bad = try desk(["purge", "--older-than", "6 months"], folder)
    #expect(bad.status == 64)
    #expect(bad.error.hasPrefix("Error: invalid period '6 months': expected days such as '180d'\n"))
  }

  @Test func newerDatabaseIsRefusedWithAClearError() throws {
    let folder = try DeskFolder()
    let database = try Database(path: folder.database)
    try database.execute("PRAGMA user_version = 42")
    let result = try desk(["queue", "list"], folder)
    #expect(result.status == 1)
    #expect(
      result.error
        == "Error: database '\(folder.database)' has schema version 42, newer than this sportello "
        + "supports (\(DeskSchema.currentVersion)); it was not modified: "
        + "upgrade sportello to use it\n")
  }
}

/// The crash test: a replaying process killed with SIGKILL at random moments loses and
/// duplicates nothing.
@Suite struct DeskCrashTests {
  /// A stream of `count` messages from 12 citizens, with a redelivery after every fifth
  /// (`count / 5` more lines).
  ///
  /// The crash test replays 1,000 so that the stream, not start-up, fills most of a run:
  /// a kill at a random moment then usually lands in the middle of it.
  static func stream(count: Int = 1_000) -> [String] {
    let texts: [(String, String)] = [
      ("text", "quanto costa la carta d'identità"), ("text", "devo parlare col sindaco"),
      ("text", "xyz"), ("text", "iscrivimi"), ("image", ""), ("text", "quanto pago per il garage"),
      ("text", "2"), ("text", "come pago la tari"), ("text", "stop"), ("voice", ""),
      ("text", "grazie"), ("text", "asdfgh qwerty"), ("location", ""), ("text", "0"),
    ]
    var generator = SeededGenerator(seed: 42)
    var lines: [String] = []
    for number in 0..<count {
      let citizen = "3933300000\(String(format: "%02d", Int.random(in: 0..<12, using: &generator)))"
      let (type, text) = texts[Int.random(in: 0..<texts.count, using: &generator)]
      lines.append(replayLine("wamid.\(number)", from: citizen, at: number * 40, text, type: type))
      if number % 5 == 4 { lines.append(lines[lines.count - 3]) }
    }
    return lines
  }

  /// Rows that must come out the same whether or not the process was killed.
  static func summary(of path: String) throws -> [String] {
    let database = try Database(path: path)
    var rows: [String] = []
    for row in try database.query(
      """
      SELECT message_id, state, outcome, intent, ticket_id FROM inbound_messages ORDER BY id
      """)
    {
      rows.append("in \(row.values)")
    }
    for row in try database.query(
      """
      SELECT i.message_id, o.sequence, o.citizen_id, o.kind, o.text, o.ticket_id
      FROM outbox AS o JOIN inbound_messages AS i ON i.id = o.inbound_id ORDER BY o.id
      """)
    {
      rows.append("out \(row.values)")
    }
    for row in try database.query(
      "SELECT id, citizen_id, status, reason, first_words FROM tickets ORDER BY id")
    {
      rows.append("ticket \(row.values)")
    }
    for row in try database.query(
      "SELECT citizen_id, action, words FROM consent_records ORDER BY id")
    {
      rows.append("consent \(row.values)")
    }
    return rows
  }

  @Test func killedReplaysLoseAndDuplicateNothing() throws {
    let folder = try DeskFolder()
    let file = folder.url.appendingPathComponent("stream.jsonl")
    let lines = Self.stream()
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let reference = folder.url.appendingPathComponent("reference.db").path
    let started = Date()
    let clean = try BinaryRunner.run(
      ["desk", "replay", file.path, "--rules", realRules, "--db", reference], in: folder.url)
    let fullRun = Date().timeIntervalSince(started)
    #expect(clean.status == 0)
    #expect(
      clean.output
        == "Replayed: 1000 recorded, 200 duplicates, 0 conflicts, 0 rejected; 0 recovered.\n")

    var generator = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
    var kills = 0
    var interrupted = 0
    // Start-up (loading the rules) takes a share of a run that varies with the machine's
    // load: a kill that landed before anything was recorded moves the next one later, and
    // a run that finished before its kill starts over with the next one earlier.
    var earliest = 0.3
    var latest = 0.95
    for _ in 0..<16 where interrupted < 4 {
      let process = Process()
      process.executableURL = BinaryRunner.executable
      process.arguments = [
        "desk", "replay", file.path, "--rules", realRules, "--db", folder.database,
      ]
      process.currentDirectoryURL = folder.url
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Between the end of start-up (rules loaded) and the end of a full run.
      let share = Double.random(in: earliest...max(earliest, latest), using: &generator)
      usleep(UInt32(share * fullRun * 1_000_000))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
      if FileManager.default.fileExists(atPath: folder.database) {
        let recorded =
          try Database(path: folder.database).scalarInt(
            "SELECT count(*) FROM inbound_messages") ?? 0
        if recorded > 0, recorded < 1_000 { interrupted += 1 }
        if recorded == 0 { earliest = min(0.9, share + 0.05) }
        if recorded == 1_000 {
          if interrupted > 0 { break }
          for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: folder.database + suffix)
          }
          latest = max(0.05, share - 0.1)
          earliest = min(earliest, latest)
        }
      } else {
        earliest = min(0.9, share + 0.05)
      }
    }
    let finish = try desk(["desk", "replay", file.path, "--rules", realRules], folder)
    #expect(finish.status == 0)
    let again = try desk(["desk", "replay", file.path, "--rules", realRules], folder)
    #expect(
      again.output
        == "Replayed: 0 recorded, 1200 duplicates, 0 conflicts, 0 rejected; 0 recovered.\n")
    #expect(kills > 0)
    #expect(interrupted > 0, "no kill landed in the middle of the stream")

    let database = try Database(path: folder.database)
    #expect(try database.scalarInt("SELECT count(*) FROM inbound_messages") == 1_000)
    #expect(
      try database.scalarInt("SELECT count(*) FROM inbound_messages WHERE state <> 'processed'")
        == 0)
    #expect(
      try database.scalarInt(
        "SELECT count(*) FROM inbound_messages "
          + "WHERE outcome IN ('handover', 'held') AND ticket_id IS NULL"
      )
        == 0)
    #expect(
      try database.scalarInt(
        """
        SELECT count(*) FROM inbound_messages AS i WHERE i.outcome <> 'held'
          AND NOT EXISTS (SELECT 1 FROM outbox AS o WHERE o.inbound_id = i.id)
        """) == 0)
    #expect(try Self.summary(of: folder.database) == Self.summary(of: reference))
  }
}

/// A small deterministic generator (SplitMix64), so the stream is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
