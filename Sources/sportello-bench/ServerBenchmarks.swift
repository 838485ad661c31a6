import Foundation
import SportelloLogging
import SportelloServer
import SportelloStore

#if canImport(Glibc)
  import Glibc
#endif

/// The `server` group: the load test of `POST /webhook` on loopback.
///
/// Starts the webhook service in this process (rules from ./Rules, a fresh database in WAL
/// mode, dry run, info logs formatted and written to /dev/null), then sends signed webhook
/// POSTs with unique message ids from keep-alive connections at a fixed rate. Latency is
/// measured from each request's scheduled time, so a stalled server is not hidden by a
/// client that waits for it. Afterwards the recorded messages are counted in the database.
///
/// Tunable with `SPORTELLO_LOAD_SECONDS` (30), `SPORTELLO_LOAD_RATE` (2,500 per second) and
/// `SPORTELLO_LOAD_CONNECTIONS` (32).
let serverBenchmark = Benchmark(name: "server") {
  try ServerLoadTest.run()
}

/// The load generator and its report.
enum ServerLoadTest {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let appSecret = "load_test_secret"

  static func setting(_ name: String, _ fallback: Double) -> Double {
    ProcessInfo.processInfo.environment[name].flatMap(Double.init) ?? fallback
  }

  static func run() throws -> [Figure] {
    let seconds = setting("SPORTELLO_LOAD_SECONDS", 30)
    let rate = setting("SPORTELLO_LOAD_RATE", 2_500)
    let connections = Int(setting("SPORTELLO_LOAD_CONNECTIONS", 32))
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-bench-server-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    var configuration = ServiceConfiguration()
    configuration.port = 0
    configuration.rulesDirectory = "Rules"
    configuration.databasePath = folder.appendingPathComponent("sportello.db").path
    configuration.appSecret = appSecret
    configuration.rulesCheckInterval = 3600
    let sink = FileSink(path: "/dev/null")
    let service = try WebhookService(
      configuration: configuration, logger: Logger(label: "server", level: .info, sink: sink))
    try service.start()
    let port = service.port

    let perConnection = Int(rate * seconds) / connections
    let interval = Double(connections) / rate
    let results = LoadResults()
    let group = DispatchGroup()
    // What citizens ask: the rule set's own example questions, in a fixed order.
    let texts = try DeskBenchmarks.rules().faqs.flatMap(\.examples)
    // Every connection signs its requests and connects first; the clock starts only when
    // all are ready, so that no request is late because the client was still preparing.
    let ready = DispatchGroup()
    let go = DispatchSemaphore(value: 0)
    let start = StartTime()
    for connection in 0..<connections {
      group.enter()
      ready.enter()
      let thread = Thread {
        let prepared = LoadConnection.prepare(
          port: port, connection: connection, count: perConnection, texts: texts)
        ready.leave()
        go.wait()
        let outcome = LoadConnection.drive(
          prepared, port: port, interval: interval,
          offset: interval * Double(connection) / Double(connections), start: start.value)
        results.add(outcome)
        group.leave()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    ready.wait()
    let cpuBefore = DeskBenchmarks.processCPUSeconds()
    start.value = DispatchTime.now().uptimeNanoseconds + 100_000_000
    for _ in 0..<connections { go.signal() }
    group.wait()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.value) / 1e9
    let pendingAtEnd = try service.store.read { try $0.pendingInboundCount() }
    let loadCPU = DeskBenchmarks.processCPUSeconds() - cpuBefore

    let drainStart = Date()
    while try service.store.read({ try $0.pendingInboundCount() }) > 0,
      Date().timeIntervalSince(drainStart) < 300
    {
      Thread.sleep(forTimeInterval: 0.05)
    }
    let drain = Date().timeIntervalSince(drainStart)
    service.shutdown()

    let store = try SQLiteDeskStore(path: configuration.databasePath)
    let recorded = try store.database.scalarInt("SELECT count(*) FROM inbound_messages") ?? 0
    let unprocessed =
      try store.database.scalarInt(
        "SELECT count(*) FROM inbound_messages WHERE state = 'pending'") ?? 0
    let latencies = results.latencies.sorted()
    guard !latencies.isEmpty else { throw Failure(description: "no request completed") }
    func percentile(_ fraction: Double) -> Double {
      latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))] * 1000
    }
    let acknowledged = results.acknowledged
    return [
      Measure.info("load_seconds", elapsed, "s"),
      Measure.info("load_connections", Double(connections), ""),
      Measure.atLeast("webhook_posts_per_second", Double(acknowledged) / elapsed, "req/s", 2000),
      Measure.info("webhook_p50_ms", percentile(0.5), "ms"),
      Measure.atMost("webhook_p99_ms", percentile(0.99), "ms", 50),
      Measure.info("webhook_max_ms", latencies.last.map { $0 * 1000 } ?? 0, "ms"),
      Measure.atMost("webhook_errors", Double(results.errors), "", 0),
      Measure.info("webhook_acknowledged", Double(acknowledged), ""),
      Measure.atMost("messages_lost", Double(acknowledged - Int(recorded)), "", 0),
      Measure.info("load_cpu_us_per_request", loadCPU / Double(max(1, acknowledged)) * 1e6, "µs"),
      Measure.info("pending_when_load_ended", Double(pendingAtEnd), ""),
      Measure.info("processing_drain_seconds", drain, "s"),
      Measure.atMost("messages_unprocessed", Double(unprocessed), "", 0),
    ]
  }
}

/// Writes log lines to a file (here /dev/null), so their cost is paid but not shown.
struct FileSink: LogSink {
  let handle: FileHandle?

  init(path: String) {
    handle = FileHandle(forWritingAtPath: path)
  }

  func write(_ line: String) {
    handle?.write(Data((line + "\n").utf8))
  }
}

/// The moment the load starts, set once every connection is ready.
final class StartTime: @unchecked Sendable {
  // Safe as @unchecked Sendable: `value` is written before the connections are released
  // (through a semaphore, which orders the write before their reads) and never again.
  var value: UInt64 = 0
}

/// What the connections measured, gathered from their threads.
final class LoadResults: @unchecked Sendable {
  // Safe as @unchecked Sendable: every stored variable is touched only while holding `lock`.
  private let lock = NSLock()
  private(set) var latencies: [Double] = []
  private(set) var errors = 0
  private(set) var acknowledged = 0

  func add(_ outcome: LoadConnection.Outcome) {
    lock.withLock {
      latencies += outcome.latencies
      errors += outcome.errors
      acknowledged += outcome.acknowledged
    }
  }
}

/// One keep-alive client connection sending signed POSTs on a schedule.
enum LoadConnection {
  struct Outcome {
    var latencies: [Double] = []
    var errors = 0
    var acknowledged = 0
  }

  /// A connection's signed requests.
  struct Prepared {
    var requests: [[UInt8]]
  }

  static func prepare(port: Int, connection: Int, count: Int, texts: [String]) -> Prepared {
    let verifier = SignatureVerifier(appSecret: ServerLoadTest.appSecret)
    var requests: [[UInt8]] = []
    requests.reserveCapacity(count)
    for index in 0..<count {
      let citizen =
        "3933\(String(format: "%03d", connection))\(String(format: "%05d", index % 500))"
      let text = jsonEscaped(texts[(connection * 7_919 + index * 31) % texts.count])
      let json =
        #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"#
        + #""messages","value":{"messaging_product":"whatsapp","metadata":"#
        + #"{"phone_number_id":"1"},"contacts":[{"profile":{"name":"Carico"},"#
        + #""wa_id":"\#(citizen)"}],"messages":[{"from":"\#(citizen)","#
        + #""id":"wamid.LOAD.\#(connection).\#(index)","timestamp":"1749416383","#
        + #""type":"text","text":{"body":"\#(text)"}}]}}]}]}"#
      let body = Array(json.utf8)
      let head =
        "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "X-Hub-Signature-256: \(verifier.signature(of: body))\r\n"
        + "Content-Length: \(body.count)\r\n\r\n"
      requests.append(Array(head.utf8) + body)
    }
    return Prepared(requests: requests)
  }

  static func drive(
    _ prepared: Prepared, port: Int, interval: Double, offset: Double, start: UInt64
  ) -> Outcome {
    var outcome = Outcome()
    outcome.latencies.reserveCapacity(prepared.requests.count)
    let requests = prepared.requests
    // Connected only now: a connection opened while the others were still signing could
    // sit idle past the server's read timeout and be closed before its first request.
    var socket = LoadSocket(port: port)
    for (index, request) in requests.enumerated() {
      let scheduled = start + UInt64((offset + Double(index) * interval) * 1e9)
      let now = DispatchTime.now().uptimeNanoseconds
      if scheduled > now { usleep(UInt32((scheduled - now) / 1000)) }
      if socket == nil { socket = LoadSocket(port: port) }
      guard let open = socket, let status = open.exchange(request) else {
        outcome.errors += 1
        socket = nil
        continue
      }
      outcome.latencies.append(
        Double(DispatchTime.now().uptimeNanoseconds - scheduled) / 1e9)
      if status == 200 { outcome.acknowledged += 1 } else { outcome.errors += 1 }
    }
    return outcome
  }
}

/// A text as the inside of a JSON string.
func jsonEscaped(_ text: String) -> String {
  var escaped = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": escaped += "\\\""
    case "\\": escaped += "\\\\"
    case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
    default: escaped.unicodeScalars.append(scalar)
    }
  }
  return escaped
}

/// A blocking client socket that sends a request and reads one Content-Length response.
final class LoadSocket {
  private let descriptor: Int32
  private var buffer: [UInt8] = []

  init?(port: Int) {
    descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    var enabled: Int32 = 1
    setsockopt(
      descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(
      descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    guard connected == 0 else {
      close(descriptor)
      return nil
    }
  }

  deinit { close(descriptor) }

  /// Sends the request and returns the response's status, or nil on a broken connection.
  ///
  /// The response is parsed on its bytes (status digits, a case-insensitive
  /// `Content-Length`), so that the client spends little of the machine the server needs.
  func exchange(_ request: [UInt8]) -> Int? {
    let sent = request.withUnsafeBytes {
      Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
    }
    guard sent == request.count else { return nil }
    var chunk = [UInt8](repeating: 0, count: 4096)
    var searched = 0
    while true {
      if let end = Self.endOfHead(in: buffer, from: searched) {
        guard end >= 12, buffer[8] == 0x20,
          let status = Int(String(decoding: buffer[9..<12], as: UTF8.self))
        else { return nil }
        let length = Self.contentLength(in: buffer[..<end])
        while buffer.count < end + length {
          guard fill(&chunk) else { return nil }
        }
        buffer.removeFirst(end + length)
        return status
      }
      searched = max(0, buffer.count - 3)
      guard fill(&chunk) else { return nil }
    }
  }

  /// The offset just past the blank line ending the head, if it has arrived.
  private static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + 3 < bytes.count {
      if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13,
        bytes[index + 3] == 10
      {
        return index + 4
      }
      index += 1
    }
    return nil
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (65...90).contains(byte) ? byte + 32 : byte
  }

  /// The value of the head's `Content-Length` header, 0 without one.
  private static func contentLength(in head: ArraySlice<UInt8>) -> Int {
    let name = Array("\r\ncontent-length:".utf8)
    var index = head.startIndex
    while index + name.count <= head.endIndex {
      var matches = true
      for offset in 0..<name.count where lowercased(head[index + offset]) != name[offset] {
        matches = false
        break
      }
      if matches {
        var value = 0
        var position = index + name.count
        while position < head.endIndex, head[position] == 0x20 { position += 1 }
        while position < head.endIndex, (0x30...0x39).contains(head[position]) {
          value = value * 10 + Int(head[position] - 0x30)
          position += 1
        }
        return value
      }
      index += 1
    }
    return 0
  }

  private func fill(_ chunk: inout [UInt8]) -> Bool {
    let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    buffer += chunk[0..<count]
    return true
  }
}
