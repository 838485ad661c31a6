import Foundation
import SportelloDesk
import SportelloHTTP
import SportelloLogging
import SportelloStore

/// The WhatsApp webhook service behind `sportello serve`.
///
/// Wires the HTTP server's routes to the desk: `POST /webhook` verifies the
/// signature over the raw bytes, records every message durably and answers 200;
/// the ``DeskWriter`` commits those records many at a time and, between commits,
/// decides and enqueues the replies, and an ``OutboxDeliverer`` sends them through
/// the Graph API (or logs them in dry-run mode). Rules reload on ``reloadRules()``
/// and when their files change.
///
///     var configuration = ServiceConfiguration()
///     configuration.apply(environment: ProcessInfo.processInfo.environment)
///     let service = try WebhookService(configuration: configuration, logger: logger)
///     try service.start()
///     // ... on SIGTERM:
///     service.shutdown()
public final class WebhookService: @unchecked Sendable {
  // Safe as @unchecked Sendable: the only mutable state, `isStopped`, is touched only while
  // holding `lock`; the components are immutable references to thread-safe objects.
  private let lock = NSLock()
  private var isStopped = false
  /// The configuration it runs with.
  public let configuration: ServiceConfiguration
  /// The counters shown on `/metrics`.
  public let metrics = ServiceMetrics()
  /// The desk's store.
  public let store: any DeskStore
  /// The current rule set and conversation service.
  public let rules: RuleSetProvider
  let logger: Logger
  let verifier: SignatureVerifier?
  private var server: HTTPServer?
  /// Every write of the service goes through this one thread (see ``DeskWriter``).
  let writer: DeskWriter
  private var deliverer: OutboxDeliverer?
  private var watcher: Thread?
  private let watcherStopped = DispatchSemaphore(value: 0)

  /// Opens the database and loads the rules; nothing listens until ``start()``.
  ///
  /// - Throws: ``ServiceError`` for an unsafe configuration, unusable rules or database.
  public init(configuration: ServiceConfiguration, logger: Logger) throws {
    try configuration.validate()
    self.configuration = configuration
    self.logger = logger
    verifier = configuration.appSecret.map { SignatureVerifier(appSecret: $0) }
    let path = configuration.databasePath
    do {
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
      if path != ":memory:" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      var options = Database.Options()
      options.synchronousFull = configuration.synchronousFull
      store = try SQLiteDeskStore(path: path, options: options)
    } catch {
      throw ServiceError.database(String(describing: error))
    }
    rules = try RuleSetProvider(
      directory: URL(fileURLWithPath: configuration.rulesDirectory), store: store, logger: logger)
    writer = DeskWriter(
      store: store, rules: rules, metrics: metrics, logger: logger.labeled("desk"))
  }

  /// The port the server listens on (useful when configured with port 0).
  public var port: Int { server?.port ?? configuration.port }

  /// Starts the writer, the outbox deliverer, the rule watcher and the HTTP server.
  ///
  /// Messages left pending by an earlier run are processed first thing.
  ///
  /// - Throws: ``ServiceError/listen(_:)`` when the address cannot be bound.
  public func start() throws {
    let client: GraphAPIClient? =
      if let token = configuration.accessToken, let number = configuration.phoneNumberID {
        GraphAPIClient(
          baseURL: configuration.graphURL, version: configuration.graphVersion,
          phoneNumberID: number, accessToken: token)
      } else {
        nil
      }
    let deliverer = OutboxDeliverer(
      writer: writer, client: client, configuration: configuration, metrics: metrics,
      logger: logger.labeled("outbox"))
    writer.onReplies = { deliverer.signal() }
    self.deliverer = deliverer
    let http = HTTPServerConfiguration(
      host: configuration.host, port: configuration.port,
      workerCount: configuration.http.workerCount, queueCapacity: configuration.http.queueCapacity,
      readTimeout: configuration.http.readTimeout, idleTimeout: configuration.http.idleTimeout)
    let server = HTTPServer(
      configuration: http, logger: logger.labeled("http"), handler: makeRouter().handle)
    self.server = server
    if configuration.appSecret == nil {
      logger.warning("webhook.unsigned", ["reason": "no app secret: signatures are not checked"])
    }
    writer.start()
    deliverer.start()
    startWatcher()
    do {
      try server.start()
    } catch {
      shutdown()
      throw ServiceError.listen(error.description)
    }
    var summary = configuration.summary
    summary["port"] = String(server.port)
    logger.info("server.started", summary)
  }

  /// Reloads the rules now (the SIGHUP path); the old set stays when the new one has errors.
  @discardableResult
  public func reloadRules() -> Bool {
    rules.reload(reason: "signal")
  }

  /// Stops gracefully: stops accepting, finishes the requests in flight, lets the outbox
  /// finish its round and the writer its batch, then returns. Messages still pending are
  /// decided at the next start.
  public func shutdown() {
    let first = lock.withLock {
      defer { isStopped = true }
      return !isStopped
    }
    guard first else { return }
    logger.info("server.stopping", [:])
    server?.shutdown()
    deliverer?.stop()
    writer.stop()
    if watcher != nil {
      watcherStopped.wait()
    }
    logger.info("server.stopped", [:])
  }

  private var stopped: Bool { lock.withLock { isStopped } }

  private func startWatcher() {
    let interval = configuration.rulesCheckInterval
    let thread = Thread { [self] in
      var waited = 0.0
      while !stopped {
        Thread.sleep(forTimeInterval: 0.1)
        waited += 0.1
        if waited >= interval {
          waited = 0
          rules.reloadIfChanged()
        }
      }
      watcherStopped.signal()
    }
    thread.name = "sportello-rules"
    watcher = thread
    thread.start()
  }

  /// Wakes the writer to decide messages just recorded.
  func messagesRecorded() {
    writer.processingWanted()
  }
}
