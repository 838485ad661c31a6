/// How an ``HTTPServer`` listens, how many workers it runs and how long it waits.
public struct HTTPServerConfiguration: Sendable {
  /// The address to bind, such as `127.0.0.1` (the default) or `::1`.
  public var host: String

  /// The port to bind; 0 picks a free one (see ``HTTPServer/port``).
  public var port: Int

  /// The fixed number of worker threads; each serves one connection at a time.
  public var workerCount: Int

  /// How many accepted connections may wait for a worker before new ones get 503.
  public var queueCapacity: Int

  /// Seconds a request may take to arrive in full once it has begun (and for the first
  /// request of a new connection to begin); 408 beyond.
  public var readTimeout: Double

  /// Seconds an idle keep-alive connection is kept open between requests.
  public var idleTimeout: Double

  /// Seconds a response may take to be written before the connection is dropped.
  public var writeTimeout: Double

  /// The size limits of a request.
  public var limits: HTTPLimits

  /// Creates a configuration: 127.0.0.1:8080, 64 workers, a queue of 256, timeouts of
  /// 10 s to read, 30 s idle and 10 s to write.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, workerCount: Int = 64,
    queueCapacity: Int = 256, readTimeout: Double = 10, idleTimeout: Double = 30,
    writeTimeout: Double = 10, limits: HTTPLimits = HTTPLimits()
  ) {
    self.host = host
    self.port = port
    self.workerCount = workerCount
    self.queueCapacity = queueCapacity
    self.readTimeout = readTimeout
    self.idleTimeout = idleTimeout
    self.writeTimeout = writeTimeout
    self.limits = limits
  }
}

/// Why the server could not start.
public enum HTTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The host is not a numeric address or a name that resolves.
  case unresolvableHost(String)

  /// A socket call failed; carries the call's name and `errno`'s text.
  case socket(call: String, reason: String)

  /// ``HTTPServer/start()`` was called twice.
  case alreadyStarted

  /// What went wrong, in lower case.
  public var description: String {
    switch self {
    case .unresolvableHost(let host): "cannot resolve host '\(host)'"
    case .socket(let call, let reason): "\(call) failed: \(reason)"
    case .alreadyStarted: "the server is already started"
    }
  }
}
