import Foundation
import SportelloLogging
import SportelloStore

/// Sends the outbox's WhatsApp messages, in order per citizen, on its own thread.
///
/// Each round claims at most one message per citizen (the store never hands out a
/// citizen's message while an earlier one is unsent) and sends the claimed messages
/// of different citizens in parallel. Network errors, 5xx and 429 are retried with
/// exponential backoff; other 4xx are given up at once; every failure is recorded
/// on the message. Without credentials (dry run) messages are logged and kept as
/// "not sent (dry run)".
final class OutboxDeliverer: @unchecked Sendable {
  // Safe as @unchecked Sendable: `isStopping` and `isSignalled` are touched only while holding
  // `condition`; the rest is immutable or itself thread-safe.
  private let condition = NSCondition()
  private var isStopping = false
  private var isSignalled = true
  private let store: any DeskStore
  private let client: GraphAPIClient?
  private let configuration: ServiceConfiguration
  private let metrics: ServiceMetrics
  private let logger: Logger
  private let finished = DispatchSemaphore(value: 0)

  /// The channel this deliverer sends.
  static let channel = WebhookEvents.channel

  init(
    store: any DeskStore, client: GraphAPIClient?, configuration: ServiceConfiguration,
    metrics: ServiceMetrics, logger: Logger
  ) {
    self.store = store
    self.client = client
    self.configuration = configuration
    self.metrics = metrics
    self.logger = logger
  }

  func start() {
    let thread = Thread { [self] in
      run()
      finished.signal()
    }
    thread.name = "sportello-outbox"
    thread.start()
  }

  /// Wakes the deliverer: replies were enqueued.
  func signal() {
    condition.lock()
    isSignalled = true
    condition.signal()
    condition.unlock()
  }

  /// Finishes the round in progress and stops; unsent messages wait for the next start.
  func stop() {
    condition.lock()
    isStopping = true
    condition.signal()
    condition.unlock()
    finished.wait()
  }

  private var stopping: Bool {
    condition.lock()
    defer { condition.unlock() }
    return isStopping
  }

  private func run() {
    while !stopping {
      let delivered = deliverRound()
      if delivered > 0 { continue }
      condition.lock()
      if !isSignalled && !isStopping {
        // Retries fall due without a signal: look again at least every 100 ms.
        _ = condition.wait(until: Date().addingTimeInterval(0.1))
      }
      isSignalled = false
      condition.unlock()
    }
  }

  /// Claims and delivers one round; returns how many messages were handled.
  private func deliverRound() -> Int {
    let claimed: [OutboundMessage]
    do {
      claimed = try store.write {
        try $0.claimOutbound(
          channel: Self.channel, limit: 32, now: Date(), lease: configuration.outboxLease)
      }
    } catch {
      logger.error("outbox.claim_failed", ["error": String(describing: error)])
      return 0
    }
    guard !claimed.isEmpty else { return 0 }
    DispatchQueue.concurrentPerform(iterations: claimed.count) { index in
      deliver(claimed[index])
    }
    return claimed.count
  }

  private func deliver(_ message: OutboundMessage) {
    var metadata = [
      "outbox": String(message.id), "citizen": Logger.maskedNumber(message.citizenID),
      "kind": message.content.kindName,
    ]
    logger.debug("outbox.text", metadata.merging(["text": message.content.text]) { $1 })
    guard let client else {
      record { try $0.markDryRun(outboundID: message.id, at: Date()) }
      metrics.increment(.outboxDryRun)
      logger.info("outbox.dry_run", metadata)
      return
    }
    switch client.send(message.content, to: message.citizenID) {
    case .accepted(let providerID):
      record { try $0.markSent(outboundID: message.id, providerMessageID: providerID, at: Date()) }
      metrics.increment(.outboxSent)
      logger.info("outbox.sent", metadata)
    case .retryable(let reason):
      metrics.increment(.outboxFailures)
      let attempts = message.attempts + 1
      metadata["error"] = reason
      metadata["attempt"] = String(attempts)
      if attempts >= configuration.maximumAttempts {
        record {
          try $0.markFailed(outboundID: message.id, error: reason, retryAt: nil, at: Date())
        }
        logger.error("outbox.given_up", metadata)
      } else {
        let delay = min(
          configuration.retryBaseDelay * pow(2, Double(attempts - 1)),
          configuration.maximumRetryDelay)
        let retryAt = Date().addingTimeInterval(delay)
        record {
          try $0.markFailed(outboundID: message.id, error: reason, retryAt: retryAt, at: Date())
        }
        metadata["retry_in"] = String(format: "%.2fs", delay)
        logger.warning("outbox.retry", metadata)
      }
    case .rejected(let reason):
      metrics.increment(.outboxFailures)
      metadata["error"] = reason
      record { try $0.markFailed(outboundID: message.id, error: reason, retryAt: nil, at: Date()) }
      logger.error("outbox.rejected", metadata)
    }
  }

  private func record(_ body: (any DeskTransaction) throws -> Void) {
    do {
      try store.write(body)
    } catch {
      logger.error("outbox.record_failed", ["error": String(describing: error)])
    }
  }
}
