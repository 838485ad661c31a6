import Foundation
import SportelloHTTP
import SportelloLogging
import SportelloServer
import SportelloStore

/// The sample webhook bodies and their signatures, loaded from the test bundle.
enum Samples {
  static let appSecret = "test_app_secret"

  static var directory: URL {
    Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
      ?? URL(fileURLWithPath: "Fixtures")
  }

  static func body(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  /// File name to `X-Hub-Signature-256`, from SIGNATURES.tsv.
  static func signatures() throws -> [String: String] {
    let text = try String(
      contentsOf: directory.appendingPathComponent("SIGNATURES.tsv"), encoding: .utf8)
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t")
      if fields.count == 2 { result[String(fields[0])] = String(fields[1]) }
    }
    return result
  }

  static let names = [
    "button-reply.json", "duplicate.json", "failed-status.json", "list-reply.json",
    "location.json", "status-sent.json", "text-message-italian.json", "text-message.json",
    "unsupported.json", "voice-note.json",
  ]

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }
}

/// A fresh temporary directory, removed when released.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sportello-server-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// A fake Graph API on loopback: records every send request and answers like Meta.
final class FakeGraphAPI: @unchecked Sendable {
  // Safe as @unchecked Sendable: `received`, `successesBeforeFailures`, `failuresLeft` and
  // `sequence` are touched only while holding `lock`.
  struct Request {
    var path: String
    var authorization: String?
    var json: [String: Any]
    var at = Date()
  }

  static let phoneNumberID = "106540352242922"
  static let accessToken = "test-access-token"
  private let lock = NSLock()
  private var received: [Request] = []
  private var failuresLeft = 0
  private var successesBeforeFailures = 0
  private var failureStatus = 500
  private var sequence = 0
  private var server: HTTPServer?

  init() throws {
    var router = Router()
    router.add("POST", "/v21.0/\(Self.phoneNumberID)/messages") { [self] in answer($0) }
    let server = HTTPServer(
      configuration: HTTPServerConfiguration(port: 0, workerCount: 8), handler: router.handle)
    try server.start()
    self.server = server
  }

  var url: URL { URL(string: "http://127.0.0.1:\(server?.port ?? 0)") ?? URL(fileURLWithPath: "/") }

  /// Fails the next `count` requests with `status`, after answering `successes` first.
  func fail(next count: Int, status: Int = 500, afterSuccesses successes: Int = 0) {
    lock.withLock {
      failuresLeft = count
      failureStatus = status
      successesBeforeFailures = successes
    }
  }

  var requests: [Request] { lock.withLock { received } }

  func stop() { server?.shutdown() }

  private func answer(_ request: HTTPRequest) -> HTTPResponse {
    lock.lock()
    defer { lock.unlock() }
    if successesBeforeFailures > 0 {
      successesBeforeFailures -= 1
    } else if failuresLeft > 0 {
      failuresLeft -= 1
      let body = #"{"error":{"message":"temporarily unavailable","code":2}}"#
      return .json(Array(body.utf8), status: failureStatus)
    }
    let json =
      (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] ?? [:]
    received.append(
      Request(path: request.path, authorization: request.headers["Authorization"], json: json))
    sequence += 1
    let body = #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.SENT.\#(sequence)"}]}"#
    return .json(Array(body.utf8))
  }
}

/// Waits (polling) until `condition` holds, up to `timeout` seconds; returns whether it did.
func eventually(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  while Date() < deadline {
    if try condition() { return true }
    Thread.sleep(forTimeInterval: 0.02)
  }
  return try condition()
}

/// Sends one HTTP/1.1 request on a fresh connection and reads the response.
func send(
  port: Int, method: String = "POST", path: String, body: [UInt8] = [],
  headers: [(String, String)] = []
) throws -> TestClient.Response {
  let client = try TestClient(port: port)
  var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
  for (name, value) in headers { head += "\(name): \(value)\r\n" }
  if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
  head += "\r\n"
  client.send(Array(head.utf8) + body)
  return try client.receive()
}

extension ServiceConfiguration {
  /// A live configuration against the fake Graph API, on an ephemeral port.
  static func testing(database: URL, graph: URL?) -> ServiceConfiguration {
    var configuration = ServiceConfiguration()
    configuration.port = 0
    configuration.rulesDirectory = Samples.packageRoot.appendingPathComponent("Rules").path
    configuration.databasePath = database.path
    configuration.appSecret = Samples.appSecret
    configuration.verifyToken = "verify-me"
    if let graph {
      configuration.graphURL = graph
      configuration.accessToken = FakeGraphAPI.accessToken
      configuration.phoneNumberID = FakeGraphAPI.phoneNumberID
    }
    configuration.retryBaseDelay = 0.05
    configuration.rulesCheckInterval = 3600
    configuration.http.workerCount = 16
    return configuration
  }
}
