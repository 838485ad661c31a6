import Foundation
import SportelloDesk
import SportelloHTTP
import SportelloLogging
import SportelloStore
import Testing

@testable import SportelloServer

/// End to end on loopback: a running service, signed webhook POSTs, a fake Graph API.
@Suite struct WebhookServiceTests {
  final class Harness: @unchecked Sendable {
    // Safe as @unchecked Sendable: every property is immutable and itself thread-safe.
    let folder: TemporaryFolder
    let graph: FakeGraphAPI?
    let service: WebhookService
    let logs = MemorySink()

    init(
      live: Bool = true, logLevel: Logger.Level = .info,
      configure: (inout ServiceConfiguration) -> Void = { _ in }
    ) throws {
      folder = try TemporaryFolder()
      graph = live ? try FakeGraphAPI() : nil
      var configuration = ServiceConfiguration.testing(
        database: folder.url.appendingPathComponent("sportello.db"), graph: graph?.url)
      configure(&configuration)
      let logger = Logger(label: "server", level: logLevel, sink: logs)
      service = try WebhookService(configuration: configuration, logger: logger)
      try service.start()
    }

    deinit {
      service.shutdown()
      graph?.stop()
    }

    var port: Int { service.port }

    func post(_ body: [UInt8], signature: String?) throws -> TestClient.Response {
      let headers = signature.map { [("X-Hub-Signature-256", $0)] } ?? []
      return try send(port: port, path: "/webhook", body: body, headers: headers)
    }

    func postSigned(_ body: [UInt8]) throws -> TestClient.Response {
      try post(body, signature: SignatureVerifier(appSecret: Samples.appSecret).signature(of: body))
    }

    func outbox() throws -> [OutboundMessage] {
      try service.store.read { try $0.outboundMessages(status: nil, limit: 1000) }
        .sorted { $0.id < $1.id }
    }

    /// Waits until nothing is pending or being sent, and returns the outbox.
    func settledOutbox() throws -> [OutboundMessage] {
      _ = try eventually {
        let counts = try service.store.read { try $0.outboxCounts() }
        let pending = try service.store.read { try $0.pendingInboundCount() }
        return pending == 0 && counts[.pending, default: 0] + counts[.sending, default: 0] == 0
      }
      return try outbox()
    }

    func storesNothing() throws -> Bool {
      try service.store.read { try $0.inboundMessage(id: 1) == nil && $0.outboxCounts().isEmpty }
    }
  }

  static func textPayload(from citizen: String, id: String, body: String) -> [UInt8] {
    let text = #"""
      {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"\#(FakeGraphAPI.phoneNumberID)"},"contacts":[{"profile":{"name":"Test"},"wa_id":"\#(citizen)"}],"messages":[{"from":"\#(citizen)","id":"\#(id)","timestamp":"1749416383","type":"text","text":{"body":"\#(body)"}}]}}]}]}
      """#
    return Array(text.utf8)
  }

  // MARK: - The samples

  @Test(arguments: [
    ("text-message.json", "16505551234"), ("text-message-italian.json", "393331234567"),
    ("button-reply.json", "250788123123"), ("list-reply.json", "250788123123"),
    ("location.json", "250788123123"), ("voice-note.json", "393331234567"),
    ("unsupported.json", "393331234567"), ("duplicate.json", "393331234567"),
  ])
  func everyMessageSampleIsAcknowledgedAndAnsweredThroughTheGraphAPI(
    name: String, citizen: String
  ) throws {
    let harness = try Harness()
    let graph = try #require(harness.graph)
    let signature = try #require(try Samples.signatures()[name])
    let response = try harness.post(try Samples.body(name), signature: signature)
    #expect(response.status == 200)
    let outbox = try harness.settledOutbox()
    #expect(!outbox.isEmpty)
    #expect(outbox.allSatisfy { $0.status == .sent && $0.citizenID == citizen })
    #expect(Set(outbox.compactMap(\.inboundID)).count == 1, "one message answered once")
    #expect(try eventually { graph.requests.count == outbox.count })
    for request in graph.requests {
      #expect(request.path == "/v21.0/\(FakeGraphAPI.phoneNumberID)/messages")
      #expect(request.authorization == "Bearer \(FakeGraphAPI.accessToken)")
      #expect(request.json["messaging_product"] as? String == "whatsapp")
      #expect(request.json["recipient_type"] as? String == "individual")
      #expect(request.json["to"] as? String == citizen)
      #expect(["text", "interactive"].contains(request.json["type"] as? String))
    }
  }

  @Test func theItalianQuestionIsAnsweredWithReplyButtons() throws {
    let harness = try Harness()
    let graph = try #require(harness.graph)
    let name = "text-message-italian.json"
    _ = try harness.post(try Samples.body(name), signature: try Samples.signatures()[name])
    #expect(try eventually { !graph.requests.isEmpty })
    let request = try #require(graph.requests.first)
    let outbox = try #require(try harness.settledOutbox().first)
    guard case .choice(_, let options) = outbox.content, options.count <= 3 else {
      // The engine may answer outright; then the reply is plain text.
      #expect(request.json["type"] as? String == "text")
      return
    }
    #expect(request.json["type"] as? String == "interactive")
    let interactive = try #require(request.json["interactive"] as? [String: Any])
    #expect(interactive["type"] as? String == "button")
    let action = try #require(interactive["action"] as? [String: Any])
    let buttons = try #require(action["buttons"] as? [[String: Any]])
    let ids = buttons.compactMap { ($0["reply"] as? [String: Any])?["id"] as? String }
    #expect(ids == options.map(\.id))
    let titles = buttons.compactMap { ($0["reply"] as? [String: Any])?["title"] as? String }
    #expect(titles.allSatisfy { $0.count <= 20 })
    #expect(Set(titles).count == titles.count)
  }

  @Test func nonTextSamplesAreHandedOverWithThePoliteNote() throws {
    let harness = try Harness()
    let name = "voice-note.json"
    _ = try harness.post(try Samples.body(name), signature: try Samples.signatures()[name])
    let outbox = try harness.settledOutbox()
    let note = harness.service.rules.current.responder.nonTextReply().text
    #expect(outbox.first?.content.text == note)
    let ticket = try harness.service.store.read { try $0.activeTicket(for: "393331234567") }
    #expect(ticket != nil)
  }

  @Test func theDuplicateSampleIsRecordedOnceAndCounted() throws {
    let harness = try Harness()
    let name = "duplicate.json"
    _ = try harness.post(try Samples.body(name), signature: try Samples.signatures()[name])
    _ = try harness.post(try Samples.body(name), signature: try Samples.signatures()[name])
    let outbox = try harness.settledOutbox()
    #expect(Set(outbox.compactMap(\.inboundID)) == [1])
    #expect(try harness.service.store.read { try $0.inboundMessage(id: 2) } == nil)
    #expect(harness.service.metrics.value(.received) == 1)
    #expect(harness.service.metrics.value(.duplicates) == 3)
  }

  @Test(arguments: ["status-sent.json", "failed-status.json"])
  func statusSamplesAreAcknowledgedAndNeverAnswered(name: String) throws {
    let harness = try Harness()
    let response = try harness.post(
      try Samples.body(name), signature: try Samples.signatures()[name])
    #expect(response.status == 200)
    #expect(harness.service.metrics.value(.statuses) == 1)
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try harness.storesNothing())
    #expect(harness.graph?.requests.isEmpty == true)
  }

  @Test func aFailedDeliveryReportIsRecordedAgainstTheMessageSent() throws {
    let harness = try Harness()
    _ = try harness.postSigned(Self.textPayload(from: "393330000001", id: "wamid.A1", body: "ciao"))
    let sent = try #require(try harness.settledOutbox().first)
    let providerID = try #require(sent.providerMessageID)
    let report = #"""
      {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"statuses":[{"id":"\#(providerID)","status":"failed","timestamp":"1749416400","recipient_id":"393330000001","errors":[{"code":131047,"title":"Re-engagement message"}]}]}}]}]}
      """#
    #expect(try harness.postSigned(Array(report.utf8)).status == 200)
    let stored = try #require(
      try harness.service.store.read { try $0.outboundMessage(id: sent.id) })
    #expect(stored.deliveryStatus == "failed")
    #expect(stored.lastError?.contains("131047") == true)
    #expect(stored.status == .sent)
  }

  // MARK: - Security

  @Test func badSignaturesAre401AndStoreNothing() throws {
    let harness = try Harness()
    let body = try Samples.body("text-message.json")
    let good = try #require(try Samples.signatures()["text-message.json"])
    let reencoded = Array(
      try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(body)))
    )
    let italian = try Samples.body("text-message-italian.json")
    let italianReencoded = Array(
      try JSONSerialization.data(
        withJSONObject: try JSONSerialization.jsonObject(with: Data(italian))))
    let attempts: [([UInt8], String?)] = [
      (body, nil), (body, "sha256=" + String(repeating: "0", count: 64)), (body, "sha256=zz"),
      (body, "md5=abc"), (body, good.uppercased().replacingOccurrences(of: "SHA256=", with: "x")),
      (italianReencoded, try Samples.signatures()["text-message-italian.json"]),
      (reencoded == body ? body + [0x20] : reencoded, good),
    ]
    for (payload, signature) in attempts {
      #expect(try harness.post(payload, signature: signature).status == 401)
    }
    #expect(harness.service.metrics.value(.signatureFailures) == attempts.count)
    Thread.sleep(forTimeInterval: 0.2)
    #expect(try harness.storesNothing())
    #expect(try harness.post(body, signature: good).status == 200)
  }

  @Test func signedButMalformedJSONIs400AndStoresNothing() throws {
    let harness = try Harness()
    for text in ["{", "not json", #"{"object":"page"}"#, #"{"entry":[{"changes":5}]}"#] {
      #expect(try harness.postSigned(Array(text.utf8)).status == 400)
    }
    #expect(try harness.storesNothing())
  }

  @Test func oversizeBodyIs413() throws {
    let harness = try Harness()
    let big = [UInt8](repeating: 0x20, count: 1024 * 1024 + 1)
    #expect(try harness.postSigned(big).status == 413)
    #expect(try harness.storesNothing())
  }

  @Test func aSlowClientTimesOutAndTheServerStillServes() throws {
    let harness = try Harness { $0.http.readTimeout = 0.5 }
    let client = try TestClient(port: harness.port)
    client.send("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"obj")
    #expect(try client.receive().status == 408)
    #expect(try harness.storesNothing())
    let body = try Samples.body("text-message.json")
    #expect(
      try harness.post(body, signature: try Samples.signatures()["text-message.json"]).status == 200
    )
  }

  @Test func aFloodOfForgedPostsIsRefusedAndTheServerStillServes() throws {
    let harness = try Harness { $0.http.workerCount = 4 }
    let body = try Samples.body("text-message.json")
    let statuses = StatusCollector()
    DispatchQueue.concurrentPerform(iterations: 400) { index in
      let signature = "sha256=" + String(repeating: String(index % 10), count: 64)
      let status = (try? harness.post(body, signature: signature).status) ?? -1
      statuses.add(status)
    }
    #expect(statuses.all.allSatisfy { $0 == 401 || $0 == 503 })
    #expect(
      harness.service.metrics.value(.signatureFailures) == statuses.all.filter { $0 == 401 }.count)
    #expect(try harness.storesNothing())
    #expect(
      try harness.post(body, signature: try Samples.signatures()["text-message.json"]).status == 200
    )
  }

  // MARK: - Verification, API, health, metrics

  @Test func verificationEchoesTheChallengeOnlyWithTheRightToken() throws {
    let harness = try Harness()
    let good = try send(
      port: harness.port, method: "GET",
      path: "/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444")
    #expect(good.status == 200)
    #expect(good.text == "1158201444")
    #expect(good.header("Content-Type") == "text/plain")
    for path in [
      "/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
      "/webhook?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1",
      "/webhook?hub.verify_token=verify-me&hub.challenge=1", "/webhook",
    ] {
      #expect(try send(port: harness.port, method: "GET", path: path).status == 403)
    }
  }

  @Test func theJSONChannelAnswersWithTheRepliesBehindItsToken() throws {
    let harness = try Harness { $0.apiToken = "api-secret" }
    let body = Array(#"{"from":"393339999999","text":"orari sportello"}"#.utf8)
    #expect(try send(port: harness.port, path: "/api/messages", body: body).status == 401)
    let wrong = [("Authorization", "Bearer nope")]
    #expect(
      try send(port: harness.port, path: "/api/messages", body: body, headers: wrong).status == 401)
    let right = [("Authorization", "Bearer api-secret")]
    let response = try send(port: harness.port, path: "/api/messages", body: body, headers: right)
    #expect(response.status == 200)
    #expect(response.header("Content-Type") == "application/json")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    #expect(["answer", "ask", "handover"].contains(json["outcome"] as? String))
    let replies = try #require(json["replies"] as? [[String: Any]])
    #expect(!replies.isEmpty)
    #expect(replies.allSatisfy { !($0["text"] as? String ?? "").isEmpty })
    let bad = try send(
      port: harness.port, path: "/api/messages", body: Array("{}".utf8), headers: right)
    #expect(bad.status == 400)
    #expect(harness.service.metrics.value(.received) == 1)
    let metrics = try send(port: harness.port, method: "GET", path: "/metrics").text
    #expect(metrics.contains("sportello_messages_received_total 1\n"))
    #expect(metrics.contains("sportello_decision_seconds_count 1\n"))
    let counts = try harness.service.store.read { try $0.outboxCounts() }
    #expect(counts[.pending, default: 0] == 0)
    #expect(harness.graph?.requests.isEmpty == true)
  }

  @Test func healthAndMetricsDescribeTheService() throws {
    let harness = try Harness()
    let health = try send(port: harness.port, method: "GET", path: "/healthz")
    #expect(health.status == 200)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(health.body)) as? [String: Any])
    let ruleSet = harness.service.rules.current.responder.matcher.ruleSet
    #expect(json["rules_version"] as? String == ruleSet.version)
    #expect(json["faqs"] as? Int == ruleSet.faqs.count)
    let metrics = try send(port: harness.port, method: "GET", path: "/metrics")
    #expect(metrics.status == 200)
    #expect(metrics.text.contains("# TYPE sportello_decision_seconds histogram"))
    #expect(metrics.text.contains("sportello_outbox_backlog 0"))
    #expect(try send(port: harness.port, method: "GET", path: "/nope").status == 404)
    #expect(try send(port: harness.port, method: "DELETE", path: "/webhook").status == 405)
  }

  // MARK: - Faults, dry run, logs, rules

  @Test func aGraphOutageIsRetriedAndEveryReplyArrivesOnceInOrder() throws {
    let harness = try Harness()
    let graph = try #require(harness.graph)
    graph.fail(next: 5)
    let texts = ["orari sportello", "iscrivimi", "grazie mille"]
    for (index, text) in texts.enumerated() {
      let payload = Self.textPayload(from: "393330000007", id: "wamid.ORDER\(index)", body: text)
      #expect(try harness.postSigned(payload).status == 200)
    }
    let outbox = try harness.settledOutbox()
    #expect(outbox.count >= 3)
    #expect(outbox.allSatisfy { $0.status == .sent })
    #expect(try eventually { graph.requests.count == outbox.count })
    let sentTexts = graph.requests.map { request -> String in
      if let text = request.json["text"] as? [String: Any] { return text["body"] as? String ?? "" }
      let interactive = request.json["interactive"] as? [String: Any]
      return (interactive?["body"] as? [String: Any])?["text"] as? String ?? ""
    }
    #expect(sentTexts == outbox.map(\.content.text))
    #expect(outbox.contains { $0.attempts > 0 && $0.lastError?.contains("HTTP 500") == true })
    #expect(harness.service.metrics.value(.outboxFailures) == 5)
  }

  @Test func aLongTextIsResumedAfterItsLastDeliveredPart() throws {
    let harness = try Harness()
    let graph = try #require(harness.graph)
    // Three paragraphs of about 1,800 characters: two parts, the second fails once.
    let text = (1...3).map { "Paragrafo \($0): " + String(repeating: "testo ", count: 300) }
      .joined(separator: "\n\n")
    let parts = GraphMessageBuilder.split(text)
    #expect(parts.count == 2)
    graph.fail(next: 1, afterSuccesses: 1)
    try harness.service.store.write {
      _ = try $0.enqueueOutbound(
        NewOutboundMessage(
          citizenID: "393330000099", channel: "whatsapp", content: .text(text),
          operatorName: "Giulia", createdAt: Date()))
    }
    #expect(try eventually { try harness.outbox().first?.status == .sent })
    let message = try #require(try harness.outbox().first)
    #expect(message.attempts == 1)
    #expect(message.lastError?.contains("HTTP 500") == true)
    #expect(message.providerMessageID == "wamid.SENT.1")
    let sent = graph.requests.map { ($0.json["text"] as? [String: Any])?["body"] as? String }
    #expect(sent == parts)
  }

  @Test func tooManyRequestsIsRetried() throws {
    let harness = try Harness()
    let graph = try #require(harness.graph)
    graph.fail(next: 2, status: 429)
    _ = try harness.postSigned(Self.textPayload(from: "393330000010", id: "wamid.R1", body: "ciao"))
    let outbox = try harness.settledOutbox()
    #expect(outbox.allSatisfy { $0.status == .sent })
    #expect(outbox.first?.lastError?.contains("HTTP 429") == true)
    #expect(harness.service.metrics.value(.outboxFailures) == 2)
  }

  @Test func aBroadcastGoesOutNoFasterThanItsRateEvenWhenLongOverdue() throws {
    let harness = try Harness()
    let graph = try #require(harness.graph)
    let citizens = (0..<6).map { "39333100000\($0)" }
    for citizen in citizens {
      _ = try harness.service.store.write {
        try $0.subscribe(
          ConsentRecord(
            citizenID: citizen, channel: "whatsapp", action: .subscribe, at: Date(),
            words: "iscrivimi", privacyNoticeVersion: "1", inboundID: nil))
      }
    }
    // Enqueued an hour ago at 10 per second: every slot is overdue, as after a long stop.
    let result = try Broadcaster(store: harness.service.store).send(
      BroadcastRequest(id: "avviso", content: .text("Avviso"), ratePerSecond: 10),
      at: Date().addingTimeInterval(-3_600))
    #expect(result.enqueued == 6)
    #expect(try eventually { graph.requests.count == 6 })
    let times = graph.requests.map(\.at)
    let spread = try #require(times.max()).timeIntervalSince(try #require(times.min()))
    #expect(spread >= 0.45, "6 messages at 10/s went out within \(spread) s")
    #expect(Set(graph.requests.compactMap { $0.json["to"] as? String }) == Set(citizens))
  }

  @Test func aClientErrorIsNotRetried() throws {
    let harness = try Harness()
    let graph = try #require(harness.graph)
    graph.fail(next: 1, status: 400)
    _ = try harness.postSigned(Self.textPayload(from: "393330000008", id: "wamid.B1", body: "ciao"))
    let outbox = try harness.settledOutbox()
    let first = try #require(outbox.first)
    #expect(first.status == .failed)
    #expect(first.lastError?.contains("HTTP 400") == true)
    #expect(harness.service.metrics.value(.outboxFailures) == 1)
  }

  @Test func withoutCredentialsRepliesAreKeptAsDryRun() throws {
    let harness = try Harness(live: false)
    _ = try harness.postSigned(Self.textPayload(from: "393330000009", id: "wamid.C1", body: "ciao"))
    let outbox = try harness.settledOutbox()
    #expect(!outbox.isEmpty)
    #expect(outbox.allSatisfy { $0.status == .dryRun })
    #expect(harness.logs.lines.contains { $0.contains(" info outbox.dry_run ") })
  }

  @Test func logsHoldNoSecretsNoFullNumbersAndNoTextsAtInfo() throws {
    let harness = try Harness()
    _ = try harness.postSigned(
      Self.textPayload(from: "393331234567", id: "wamid.L1", body: "carta identita scaduta"))
    _ = try harness.settledOutbox()
    let lines = harness.logs.lines
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(!line.contains(Samples.appSecret))
      #expect(!line.contains(FakeGraphAPI.accessToken))
      #expect(!line.contains("verify-me"))
      #expect(!line.contains("393331234567"))
      #expect(!line.contains("carta identita scaduta"))
    }
    #expect(lines.contains { $0.contains("citizen=***567") })
  }

  @Test func evenAtDebugLevelLogsHoldNoSecretsAndNoFullNumbers() throws {
    let harness = try Harness(logLevel: .trace) { $0.apiToken = "api-secret-token" }
    _ = try harness.postSigned(
      Self.textPayload(from: "393331234567", id: "wamid.D1", body: "carta identita scaduta"))
    let api = Array(#"{"from":"393339876543","text":"orari anagrafe"}"#.utf8)
    let answered = try send(
      port: harness.port, path: "/api/messages", body: api,
      headers: [("Authorization", "Bearer api-secret-token")])
    #expect(answered.status == 200)
    _ = try harness.settledOutbox()
    let lines = harness.logs.lines
    #expect(lines.contains { $0.contains(" debug message.text ") })
    for line in lines {
      for secret in [Samples.appSecret, FakeGraphAPI.accessToken, "verify-me", "api-secret-token"] {
        #expect(!line.contains(secret), "\(line)")
      }
      #expect(!line.contains("393331234567"), "\(line)")
      #expect(!line.contains("393339876543"), "\(line)")
    }
  }

  @Test func aChangedRuleFileIsPickedUpByTheWatcher() throws {
    let rules = try TemporaryFolder()
    let copy = rules.url.appendingPathComponent("Rules")
    try FileManager.default.copyItem(
      at: Samples.packageRoot.appendingPathComponent("Rules"), to: copy)
    let harness = try Harness {
      $0.rulesDirectory = copy.path
      $0.rulesCheckInterval = 0.2
    }
    let before = harness.service.rules.current.responder.matcher.ruleSet.faqs.count
    let valid = """
      [prova.osservata]
      titolo: Prova
      domande:
      - come si prova che le regole si ricaricano da sole
      risposta:
      > Funziona.
      """
    try valid.write(
      to: copy.appendingPathComponent("prova.faq"), atomically: true, encoding: .utf8)
    #expect(
      eventually {
        harness.service.rules.current.responder.matcher.ruleSet.faqs.count == before + 1
      })
    // The new set is in use before its log line is written: wait for the line too.
    #expect(
      eventually {
        harness.logs.lines.contains {
          $0.contains("rules.reloaded") && $0.contains("reason=change")
        }
      })
  }

  @Test func rulesReloadKeepsTheOldSetOnErrorsAndSwapsOnSuccess() throws {
    let rules = try TemporaryFolder()
    let source = Samples.packageRoot.appendingPathComponent("Rules")
    let copy = rules.url.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: source, to: copy)
    let harness = try Harness { $0.rulesDirectory = copy.path }
    let before = harness.service.rules.current.responder.matcher.ruleSet.faqs.count
    let broken = copy.appendingPathComponent("prova.faq")
    try "[anagrafe.carta_identita]\ntitolo: Doppione\n".write(
      to: broken, atomically: true, encoding: .utf8)
    #expect(!harness.service.reloadRules())
    #expect(harness.service.rules.current.responder.matcher.ruleSet.faqs.count == before)
    #expect(harness.logs.lines.contains { $0.contains("error rules.diagnostic") })
    let valid = """
      [prova.nuova]
      titolo: Prova
      domande:
      - come si prova il ricaricamento delle regole
      risposta:
      > Funziona.
      """
    try valid.write(to: broken, atomically: true, encoding: .utf8)
    #expect(harness.service.rules.reloadIfChanged())
    #expect(harness.service.rules.current.responder.matcher.ruleSet.faqs.count == before + 1)
    #expect(!harness.service.rules.reloadIfChanged())
  }
}

/// Collects statuses from concurrent requests.
final class StatusCollector: @unchecked Sendable {
  // Safe as @unchecked Sendable: `values` is touched only while holding `lock`.
  private let lock = NSLock()
  private var values: [Int] = []
  func add(_ value: Int) { lock.withLock { values.append(value) } }
  var all: [Int] { lock.withLock { values } }
}
