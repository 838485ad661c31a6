import Foundation
import SportelloLogging

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets, with a fixed pool of worker threads.
///
/// One thread accepts connections and puts them in a bounded queue; a fixed
/// number of workers take them and serve their requests one after another
/// (keep-alive and pipelining included). When the queue is full, new
/// connections are answered 503 and closed, so a flood costs neither threads
/// nor memory. A request must arrive in full within the read timeout once it
/// has begun (408 otherwise); idle keep-alive connections are closed after the
/// idle timeout, or at once when other connections wait for a worker.
///
///     var router = Router()
///     router.add("GET", "/healthz") { _ in .text("ok\n") }
///     let configuration = HTTPServerConfiguration(port: 0)
///     let server = HTTPServer(configuration: configuration, handler: router.handle)
///     try server.start()
///     // ... later, from any thread:
///     server.shutdown()   // stops accepting, finishes requests in flight, returns
public final class HTTPServer: @unchecked Sendable {
  // Safe as @unchecked Sendable: the mutable state (`listener`, `boundPort`, `isStarted`,
  // `isStopping`, the counters) is touched only while holding `lock`; the rest is immutable.
  private let lock = NSLock()
  private let configuration: HTTPServerConfiguration
  private let handler: HTTPHandler
  private let logger: Logger
  private let queue: ConnectionQueue
  private let threads = DispatchGroup()
  private let date = HTTPDate()
  private var listener: Int32 = -1
  private var wakePipe: (read: Int32, write: Int32) = (-1, -1)
  private var boundPort = 0
  private var isStarted = false
  private var stopping = false
  private var rejected = 0
  private var accepted = 0

  /// Creates a server; nothing is bound until ``start()``.
  ///
  /// - Parameters:
  ///   - configuration: Address, workers, timeouts and limits.
  ///   - logger: Where connection-level events go (at debug level).
  ///   - handler: Answers each request; it must not block for long.
  public init(
    configuration: HTTPServerConfiguration, logger: Logger = .disabled,
    handler: @escaping HTTPHandler
  ) {
    self.configuration = configuration
    self.handler = handler
    self.logger = logger
    self.queue = ConnectionQueue(capacity: configuration.queueCapacity)
  }

  /// The port bound, once started (useful with port 0).
  public var port: Int {
    lock.withLock { boundPort }
  }

  /// How many connections were answered 503 because every worker was busy and the queue full.
  public var rejectedConnections: Int {
    lock.withLock { rejected }
  }

  /// How many connections were accepted and queued for a worker.
  public var acceptedConnections: Int {
    lock.withLock { accepted }
  }

  private var isStopping: Bool {
    lock.withLock { stopping }
  }

  /// Binds, listens and starts the accept thread and the workers; returns at once.
  ///
  /// Also ignores `SIGPIPE` for the process, so a peer that goes away cannot kill it.
  ///
  /// - Throws: ``HTTPServerError`` when the address cannot be bound.
  public func start() throws(HTTPServerError) {
    let wasStarted = lock.withLock {
      defer { isStarted = true }
      return isStarted
    }
    guard !wasStarted else { throw .alreadyStarted }
    signal(SIGPIPE, SIG_IGN)
    let (descriptor, port) = try Self.listen(host: configuration.host, port: configuration.port)
    var pipeDescriptors: [Int32] = [-1, -1]
    guard pipe(&pipeDescriptors) == 0 else {
      close(descriptor)
      throw .socket(call: "pipe", reason: Self.errnoText())
    }
    lock.withLock {
      listener = descriptor
      boundPort = port
      wakePipe = (pipeDescriptors[0], pipeDescriptors[1])
    }
    logger.debug("http.listening", ["host": configuration.host, "port": String(port)])
    spawn(name: "sportello-accept") { [self] in acceptLoop(descriptor) }
    // Returns only once every worker runs, so that a burst right after start is queued
    // rather than refused.
    let ready = DispatchGroup()
    for index in 0..<max(1, configuration.workerCount) {
      ready.enter()
      spawn(name: "sportello-worker-\(index)") { [self] in
        ready.leave()
        workerLoop()
      }
    }
    ready.wait()
  }

  /// Stops gracefully: stops accepting, lets workers finish the requests in flight and the
  /// connections already queued, closes idle connections, and returns when every thread
  /// has ended. Safe to call more than once and from any thread but a worker's.
  public func shutdown() {
    let pipeWrite: Int32? = lock.withLock {
      guard isStarted, !stopping else { return nil }
      stopping = true
      return wakePipe.write
    }
    if let pipeWrite {
      var byte: UInt8 = 1
      _ = write(pipeWrite, &byte, 1)
    }
    threads.wait()
  }

  /// Blocks until the server has stopped (after ``shutdown()`` from another thread).
  public func waitUntilStopped() {
    threads.wait()
  }

  private func spawn(name: String, _ body: @escaping @Sendable () -> Void) {
    threads.enter()
    let thread = Thread { [threads] in
      body()
      threads.leave()
    }
    thread.name = name
    thread.stackSize = 1 << 20
    thread.start()
  }

  // MARK: - Accepting

  private func acceptLoop(_ listener: Int32) {
    let wake = lock.withLock { wakePipe.read }
    var descriptors = [
      pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
    ]
    while !isStopping {
      descriptors[0].revents = 0
      descriptors[1].revents = 0
      let ready = poll(&descriptors, 2, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        logger.debug("http.poll_failed", ["reason": Self.errnoText()])
        break
      }
      if descriptors[1].revents != 0 { break }
      guard descriptors[0].revents & Int16(POLLIN) != 0 else { continue }
      acceptPending(listener)
    }
    close(listener)
    queue.close()
    lock.withLock {
      close(wakePipe.read)
      close(wakePipe.write)
    }
  }

  private func acceptPending(_ listener: Int32) {
    for _ in 0..<64 {
      var address = sockaddr_storage()
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let descriptor = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          accept(listener, $0, &length)
        }
      }
      if descriptor < 0 {
        let code = errno
        if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
          // Out of descriptors: back off briefly instead of spinning on a ready listener.
          logger.debug("http.accept_exhausted", ["reason": Self.errnoText()])
          usleep(10_000)
        }
        return
      }
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
      configure(descriptor)
      let connection = AcceptedConnection(
        descriptor: descriptor, remoteAddress: Self.numericAddress(&address))
      if queue.push(connection) {
        lock.withLock { accepted += 1 }
      } else {
        lock.withLock { rejected += 1 }
        let refusal = HTTPResponse.error(503).serialized(closing: true, date: date.now())
        refusal.withUnsafeBytes {
          _ = send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
        }
        close(descriptor)
      }
    }
  }

  private func configure(_ descriptor: Int32) {
    var enabled: Int32 = 1
    setsockopt(
      descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
    let seconds = max(configuration.writeTimeout, 0.001)
    var timeout = timeval(
      tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
    setsockopt(
      descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  // MARK: - Serving

  private func workerLoop() {
    while let connection = queue.pop() {
      serve(connection)
      close(connection.descriptor)
    }
  }

  private enum ReadOutcome {
    case data
    case closed
    case timedOut
  }

  private func serve(_ connection: AcceptedConnection) {
    var parser = HTTPRequestParser(limits: configuration.limits)
    var requestStart: UInt64? = nil
    var lastActivity = Self.now()
    var servedAny = false
    while true {
      let request: HTTPRequest?
      do {
        request = try parser.nextRequest()
      } catch {
        logger.debug(
          "http.bad_request", ["reason": error.description, "remote": connection.remoteAddress])
        let response = HTTPResponse.error(error.status)
        _ = writeAll(connection.descriptor, response.serialized(closing: true, date: date.now()))
        return
      }
      if var request {
        request.remoteAddress = connection.remoteAddress
        let response = handler(request)
        let closing = !request.wantsKeepAlive || isStopping
        let bytes = response.serialized(
          closing: closing, includeBody: request.method != "HEAD", date: date.now())
        guard writeAll(connection.descriptor, bytes), !closing else { return }
        servedAny = true
        lastActivity = Self.now()
        requestStart = parser.hasPartialRequest ? lastActivity : nil
        continue
      }
      if parser.isAwaitingContinue {
        parser.isAwaitingContinue = false
        guard writeAll(connection.descriptor, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else {
          return
        }
      }
      let isPartial = parser.hasPartialRequest
      let deadline: UInt64
      if isPartial {
        let start = requestStart ?? lastActivity
        deadline = start + Self.nanoseconds(configuration.readTimeout)
      } else {
        let timeout = servedAny ? configuration.idleTimeout : configuration.readTimeout
        deadline = lastActivity + Self.nanoseconds(timeout)
      }
      switch read(connection.descriptor, into: &parser, until: deadline, isIdle: !isPartial) {
      case .data:
        if requestStart == nil { requestStart = Self.now() }
      case .closed:
        return
      case .timedOut:
        if isPartial {
          logger.debug("http.read_timeout", ["remote": connection.remoteAddress])
          let response = HTTPResponse.error(408)
          _ = writeAll(connection.descriptor, response.serialized(closing: true, date: date.now()))
        }
        return
      }
    }
  }

  // Waits for bytes in short slices so that shutdown and queue pressure are noticed.
  private func read(
    _ descriptor: Int32, into parser: inout HTTPRequestParser, until deadline: UInt64,
    isIdle: Bool
  ) -> ReadOutcome {
    var descriptorSet = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let idleSince = Self.now()
    while true {
      let now = Self.now()
      guard now < deadline else { return .timedOut }
      if isIdle {
        if isStopping { return .closed }
        // Others wait for a worker: an idle keep-alive connection gives its worker up.
        if queue.count > 0 && now - idleSince > 200_000_000 { return .closed }
      }
      let slice = min(Int32((deadline - now) / 1_000_000) + 1, 100)
      descriptorSet.revents = 0
      let ready = poll(&descriptorSet, 1, slice)
      if ready < 0 && errno != EINTR { return .closed }
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 16 * 1024)
      let count = chunk.withUnsafeMutableBytes {
        recv(descriptor, $0.baseAddress, $0.count, 0)
      }
      if count > 0 {
        parser.append(chunk[0..<count])
        return .data
      }
      if count == 0 { return .closed }
      if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
      return .closed
    }
  }

  private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let sent = send(
          descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset,
          Int32(MSG_NOSIGNAL))
        if sent > 0 {
          offset += sent
        } else if sent < 0 && errno == EINTR {
          continue
        } else {
          return false
        }
      }
      return true
    }
  }

  // MARK: - Socket helpers

  private static func listen(host: String, port: Int) throws(HTTPServerError) -> (Int32, Int) {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_PASSIVE
    var results: UnsafeMutablePointer<addrinfo>? = nil
    guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
      throw .unresolvableHost(host)
    }
    defer { freeaddrinfo(results) }
    var lastError = HTTPServerError.unresolvableHost(host)
    var candidate: UnsafeMutablePointer<addrinfo>? = first
    while let info = candidate {
      candidate = info.pointee.ai_next
      let descriptor = socket(
        info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue),
        info.pointee.ai_protocol)
      guard descriptor >= 0 else {
        lastError = .socket(call: "socket", reason: errnoText())
        continue
      }
      var enabled: Int32 = 1
      setsockopt(
        descriptor, SOL_SOCKET, SO_REUSEADDR, &enabled, socklen_t(MemoryLayout<Int32>.size))
      guard bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
        lastError = .socket(call: "bind", reason: errnoText())
        close(descriptor)
        continue
      }
      // Non-blocking, so that the accept loop can drain every pending connection and stop.
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
      guard Glibc.listen(descriptor, SOMAXCONN) == 0 else {
        lastError = .socket(call: "listen", reason: errnoText())
        close(descriptor)
        continue
      }
      var address = sockaddr_storage()
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          getsockname(descriptor, $0, &length)
        }
      }
      return (descriptor, boundPort(of: &address))
    }
    throw lastError
  }

  private static func boundPort(of address: inout sockaddr_storage) -> Int {
    let family = address.ss_family
    return withUnsafePointer(to: &address) { pointer in
      if family == sa_family_t(AF_INET6) {
        return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
          Int(UInt16(bigEndian: $0.pointee.sin6_port))
        }
      }
      return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
        Int(UInt16(bigEndian: $0.pointee.sin_port))
      }
    }
  }

  private static func numericAddress(_ address: inout sockaddr_storage) -> String {
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    let length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
      }
    }
    guard result == 0 else { return "" }
    return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func errnoText() -> String {
    String(cString: strerror(errno))
  }

  private static func now() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
  }

  private static func nanoseconds(_ seconds: Double) -> UInt64 {
    UInt64(max(seconds, 0) * 1e9)
  }
}
