import Foundation
import SportelloHTTP
import SportelloServer
import SportelloStore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `sportello serve` as a child process: start-up, graceful stop, and a crash after
/// acknowledging.
@Suite(.serialized) struct ServeCommandTests {
  /// A running `sportello serve`, its standard error collected as it comes.
  final class ServeProcess: @unchecked Sendable {
    // Safe as @unchecked Sendable: `collected` is touched only while holding `lock`.
    let process = Process()
    private let errors = Pipe()
    private let lock = NSLock()
    private var collected = Data()

    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
      process.executableURL = BinaryRunner.executable
      process.arguments = ["serve"] + arguments
      process.currentDirectoryURL = directory
      var base = ProcessInfo.processInfo.environment
      for key in base.keys where key.hasPrefix("WHATSAPP_") || key.hasPrefix("SPORTELLO_") {
        base[key] = nil
      }
      process.environment = base.merging(environment) { $1 }
      process.standardError = errors
      process.standardOutput = Pipe()
      errors.fileHandleForReading.readabilityHandler = { [self] handle in
        let data = handle.availableData
        lock.withLock { collected.append(data) }
      }
      try process.run()
    }

    var errorText: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// The port from the `server.started` line, once it appears.
    func port() -> Int? {
      let deadline = Date().addingTimeInterval(30)
      while Date() < deadline && process.isRunning {
        for line in errorText.split(separator: "\n") where line.contains("server.started") {
          if let field = line.split(separator: " ").first(where: { $0.hasPrefix("port=") }) {
            return Int(field.dropFirst(5))
          }
        }
        Thread.sleep(forTimeInterval: 0.05)
      }
      return nil
    }

    func stop(signal: Int32) -> Int32 {
      kill(process.processIdentifier, signal)
      process.waitUntilExit()
      // What the process wrote last may still be in the pipe: read it to the end.
      errors.fileHandleForReading.readabilityHandler = nil
      let rest = errors.fileHandleForReading.readDataToEndOfFile()
      lock.withLock { collected.append(rest) }
      return process.terminationStatus
    }
  }

  /// A fresh working folder holding a copy of the Comune's rules as `./Rules`.
  static func workingFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sportello-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: BinaryRunner.packageRoot.appendingPathComponent("Rules"),
      to: folder.appendingPathComponent("Rules"))
    return folder
  }

  /// An unsigned webhook body with one text message (the values are plain: no escaping).
  static func textWebhook(from citizen: String, id: String, body: String) -> [UInt8] {
    let message =
      #"{"from":"\#(citizen)","id":"\#(id)","timestamp":"1","type":"text","#
      + #""text":{"body":"\#(body)"}}"#
    let json =
      #"{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":["#
      + message + "]}}]}]}"
    return Array(json.utf8)
  }

  static func request(
    _ port: Int, _ method: String, _ path: String, body: [UInt8] = [],
    headers: [String: String] = [:]
  ) -> (status: Int, body: String) {
    guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { return (-1, "") }
    var request = URLRequest(url: url)
    request.httpMethod = method
    if method == "POST" { request.httpBody = Data(body) }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let result = Result()
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, response, _ in
      result.set((response as? HTTPURLResponse)?.statusCode ?? -1, data ?? Data())
      done.signal()
    }.resume()
    _ = done.wait(timeout: .now() + 15)
    return result.get()
  }

  final class Result: @unchecked Sendable {
    // Safe as @unchecked Sendable: `value` is touched only while holding `lock`.
    private let lock = NSLock()
    private var value: (Int, Data) = (-1, Data())
    func set(_ status: Int, _ data: Data) { lock.withLock { value = (status, data) } }
    func get() -> (status: Int, body: String) {
      lock.withLock { (value.0, String(decoding: value.1, as: UTF8.self)) }
    }
  }

  @Test func servesOnAFreshFolderInDryRunAndStopsCleanlyOnSIGTERM() throws {
    let folder = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let serve = try ServeProcess(["--port", "0"], in: folder)
    let port = try #require(serve.port(), "no server.started line: \(serve.errorText)")
    let health = Self.request(port, "GET", "/healthz")
    #expect(health.status == 200)
    #expect(health.body.contains("\"mode\":\"dry-run\""))
    let sample = Self.textWebhook(from: "393331234567", id: "wamid.F1", body: "orari sportello")
    #expect(Self.request(port, "POST", "/webhook", body: sample).status == 200)
    Thread.sleep(forTimeInterval: 0.5)
    #expect(serve.stop(signal: SIGTERM) == 0)
    let database = folder.appendingPathComponent(".sportello/sportello.db")
    #expect(FileManager.default.fileExists(atPath: database.path))
    let store = try SQLiteDeskStore(path: database.path)
    let outbox = try store.read { try $0.outboundMessages(status: nil, limit: 10) }
    #expect(!outbox.isEmpty)
    #expect(outbox.allSatisfy { $0.status == .dryRun })
    #expect(serve.errorText.contains(" info server.stopped "))
    #expect(serve.errorText.contains("warning webhook.unsigned"))
  }

  @Test func sighupReloadsTheRulesKeepsThemOnErrorsAndSigintStopsCleanly() throws {
    let folder = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let serve = try ServeProcess(["--port", "0"], in: folder)
    let port = try #require(serve.port(), "no server.started line: \(serve.errorText)")
    func faqs() -> Int? {
      let health = Self.request(port, "GET", "/healthz")
      let json = try? JSONSerialization.jsonObject(with: Data(health.body.utf8))
      return (json as? [String: Any])?["faqs"] as? Int
    }
    func waitForLog(_ fragment: String) -> Bool {
      let deadline = Date().addingTimeInterval(15)
      while Date() < deadline {
        if serve.errorText.contains(fragment) { return true }
        Thread.sleep(forTimeInterval: 0.05)
      }
      return false
    }
    let before = try #require(faqs())
    let file = folder.appendingPathComponent("Rules/prova.faq")
    try "[prova.segnale]\ntitolo: Prova\ndomande:\n- si ricarica col segnale\nrisposta:\n> Sì.\n"
      .write(to: file, atomically: true, encoding: .utf8)
    kill(serve.process.processIdentifier, SIGHUP)
    #expect(waitForLog("reason=signal"), "\(serve.errorText)")
    #expect(faqs() == before + 1)
    try "[anagrafe.carta_identita]\ntitolo: Doppione\n".write(
      to: file, atomically: true, encoding: .utf8)
    kill(serve.process.processIdentifier, SIGHUP)
    #expect(waitForLog("rules.reload_rejected"), "\(serve.errorText)")
    #expect(faqs() == before + 1)
    #expect(serve.stop(signal: SIGINT) == 0)
    // The last lines may still be in the pipe when the process has exited.
    #expect(waitForLog("server.stopped"), "\(serve.errorText)")
  }

  @Test func staffCommandsRunBesideABusyServerWithoutDatabaseIsLocked() throws {
    let folder = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let serve = try ServeProcess(["--port", "0"], in: folder)
    let port = try #require(serve.port(), "no server.started line: \(serve.errorText)")
    let database = folder.appendingPathComponent(".sportello/sportello.db").path
    @Sendable func post(_ index: Int) -> Int {
      let body = Self.textWebhook(
        from: "3933310\(10_000 + index)", id: "wamid.S\(index)",
        body: "voglio parlare con un operatore")
      return Self.request(port, "POST", "/webhook", body: body).status
    }
    #expect(post(0) == 200)
    let failures = Failures()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      for index in 1..<200 where post(index) != 200 { failures.add("webhook \(index)") }
    }
    let staff: [[String]] = [
      ["queue", "list"], ["queue", "stats"], ["outbox", "list", "--status", "pending"],
      ["purge", "--older-than", "180d", "--dry-run"],
    ]
    for (worker, reading) in staff.enumerated() {
      DispatchQueue.global().async(group: group) {
        for round in 0..<6 {
          // Reads and writes alternate: a broadcast and a ticket closed then reopened.
          let writing =
            worker == 0
            ? ["queue", round % 2 == 0 ? "close" : "reopen", "1"]
            : ["broadcast", "--text", "Avviso \(worker).\(round)", "--id", "b\(worker).\(round)"]
          for arguments in [reading, writing] {
            let result = try? BinaryRunner.run(arguments + ["--db", database], in: folder)
            if result?.status != 0 || result?.error.contains("locked") == true {
              failures.add("\(arguments): \(result?.status ?? -1) \(result?.error ?? "")")
            }
          }
        }
      }
    }
    group.wait()
    #expect(failures.all.isEmpty, "\(failures.all)")
    let store = try SQLiteDeskStore(path: database)
    #expect(try store.database.scalarInt("SELECT count(*) FROM inbound_messages") == 200)
    #expect(serve.stop(signal: SIGTERM) == 0)
  }

  /// What went wrong in the concurrent runs.
  final class Failures: @unchecked Sendable {
    // Safe as @unchecked Sendable: `values` is touched only while holding `lock`.
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.withLock { values.append(value) } }
    var all: [String] { lock.withLock { values } }
  }

  @Test func anAccessTokenWithoutAnAppSecretIsRefused() throws {
    let folder = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try BinaryRunner.run(
      ["serve", "--port", "0"], in: folder,
      environment: ["WHATSAPP_ACCESS_TOKEN": "EAAG-real", "WHATSAPP_PHONE_NUMBER_ID": "1"])
    #expect(result.status == 1)
    #expect(
      result.error
        == "Error: WHATSAPP_ACCESS_TOKEN is set but WHATSAPP_APP_SECRET is not: refusing to "
        + "accept unsigned webhooks in production\n")
    #expect(!result.error.contains("EAAG-real"))
  }

  @Test func badPortIsAUsageError() throws {
    let result = try BinaryRunner.run(["serve", "--port", "70000"])
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("Error: invalid value '70000' for '--port'"))
  }

  @Test func everyAcknowledgedMessageIsAnsweredAfterAKillAndARestart() throws {
    let folder = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let graph = try FakeGraph()
    defer { graph.stop() }
    graph.isFailing = true
    let environment = [
      "WHATSAPP_APP_SECRET": "test_app_secret", "WHATSAPP_ACCESS_TOKEN": "token",
      "WHATSAPP_PHONE_NUMBER_ID": "12345", "WHATSAPP_GRAPH_URL": graph.url,
      "SPORTELLO_OUTBOX_LEASE": "1",
    ]
    let first = try ServeProcess(["--port", "0"], in: folder, environment: environment)
    let port = try #require(first.port(), "no server.started line: \(first.errorText)")
    let verifier = SignatureVerifier(appSecret: "test_app_secret")
    var acknowledged: Set<String> = []
    for index in 0..<40 {
      let citizen = "39333000\(1000 + index)"
      let body = Self.textWebhook(from: citizen, id: "wamid.K\(index)", body: "orari sportello")
      let status = Self.request(
        port, "POST", "/webhook", body: body,
        headers: ["X-Hub-Signature-256": verifier.signature(of: body)]
      ).status
      if status == 200 { acknowledged.insert(citizen) }
    }
    #expect(acknowledged.count == 40)
    #expect(first.stop(signal: SIGKILL) == SIGKILL)
    graph.isFailing = false
    let second = try ServeProcess(["--port", "0"], in: folder, environment: environment)
    _ = try #require(second.port(), "no server.started line: \(second.errorText)")
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline && !acknowledged.isSubset(of: graph.recipients) {
      Thread.sleep(forTimeInterval: 0.1)
    }
    #expect(acknowledged.isSubset(of: graph.recipients))
    #expect(second.stop(signal: SIGTERM) == 0)
    let store = try SQLiteDeskStore(
      path: folder.appendingPathComponent(".sportello/sportello.db").path)
    let outbox = try store.read { try $0.outboundMessages(status: nil, limit: 1000) }
    #expect(Set(outbox.map(\.citizenID)) == acknowledged)
    #expect(outbox.allSatisfy { $0.status == .sent })
    #expect(try store.read { try $0.pendingInboundCount() } == 0)
  }
}

/// A fake Graph API that fails with 503 while `isFailing`, and records recipients otherwise.
final class FakeGraph: @unchecked Sendable {
  // Safe as @unchecked Sendable: `failing` and `received` are touched only while holding `lock`.
  private let lock = NSLock()
  private var failing = false
  private var received: [String] = []
  private let server: HTTPServer

  init() throws {
    var router = Router()
    let box = Box()
    router.add("POST", "/v21.0/12345/messages") { request in
      box.owner?.answer(request) ?? .error(500)
    }
    server = HTTPServer(
      configuration: HTTPServerConfiguration(port: 0, workerCount: 8), handler: router.handle)
    try server.start()
    box.owner = self
  }

  final class Box: @unchecked Sendable {
    // Safe as @unchecked Sendable: set once before the server receives requests.
    weak var owner: FakeGraph?
  }

  var url: String { "http://127.0.0.1:\(server.port)" }
  var isFailing: Bool {
    get { lock.withLock { failing } }
    set { lock.withLock { failing = newValue } }
  }
  var recipients: Set<String> { lock.withLock { Set(received) } }
  func stop() { server.shutdown() }

  func answer(_ request: HTTPRequest) -> HTTPResponse {
    lock.lock()
    defer { lock.unlock() }
    if failing { return .error(503) }
    let json = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
    received.append(json?["to"] as? String ?? "")
    return .json(Array(#"{"messages":[{"id":"wamid.OUT.\#(received.count)"}]}"#.utf8))
  }
}
