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
  // `condition`, `broadcastSent` only on the deliverer's own thread; the rest is immutable or
  // itself thread-safe.
  private let condition = NSCondition()
  private var isStopping = false
  private var isSignalled = true
  private let writer: DeskWriter
  private let client: GraphAPIClient?
  private let configuration: ServiceConfiguration
  private let metrics: ServiceMetrics
  private let logger: Logger
  private let finished = DispatchSemaphore(value: 0)
  /// When a message of each broadcast last went out.
  private var broadcastSent: [String: Date] = [:]

  /// The channel this deliverer sends.
  static let channel = WebhookEvents.channel

  init(
    writer: DeskWriter, client: GraphAPIClient?, configuration: ServiceConfiguration,
    metrics: ServiceMetrics, logger: Logger
  ) {
    self.writer = writer
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
      let lease = configuration.outboxLease
      claimed = try writer.perform {
        try $0.claimOutbound(channel: Self.channel, limit: 32, now: Date(), lease: lease)
      }
    } catch {
      logger.error("outbox.claim_failed", ["error": String(describing: error)])
      return 0
    }
    guard !claimed.isEmpty else { return 0 }
    let (due, early) = holdingToBroadcastRates(claimed, now: Date())
    let outcomes = Outcomes(count: due.count)
    DispatchQueue.concurrentPerform(iterations: due.count) { index in
      outcomes.set(index, deliver(due[index]))
    }
    // One transaction records the whole round: the sends are done, only their outcome is
    // written. Should it fail, the messages' lease expires and they are sent again.
    let results = outcomes.all + early
    do {
      try writer.perform { transaction in
        for outcome in results { try outcome.record(transaction) }
      }
    } catch {
      logger.error("outbox.record_failed", ["error": String(describing: error)])
      return claimed.count
    }
    for outcome in results { outcome.report() }
    return claimed.count
  }

  /// Splits a round into the messages to send now and, for broadcast messages beyond their
  /// broadcast's rate, the postponements to when their turn comes.
  ///
  /// Messages of a broadcast are enqueued one slot apart, so they normally fall due one by
  /// one; after a stop they are all overdue at once, and this keeps them to the rate.
  private func holdingToBroadcastRates(_ claimed: [OutboundMessage], now: Date)
    -> (due: [OutboundMessage], early: [Outcome])
  {
    var due: [OutboundMessage] = []
    var early: [Outcome] = []
    var nextTurn: [String: Date] = [:]
    for message in claimed {
      guard let broadcast = message.broadcastID, let rate = message.ratePerSecond, rate > 0
      else {
        due.append(message)
        continue
      }
      let turn =
        nextTurn[broadcast] ?? broadcastSent[broadcast].map { $0.addingTimeInterval(1 / rate) }
        ?? now
      if turn <= now {
        due.append(message)
        broadcastSent[broadcast] = now
        nextTurn[broadcast] = now.addingTimeInterval(1 / rate)
      } else {
        let id = message.id
        early.append(
          Outcome(record: { try $0.postponeOutbound(outboundID: id, until: turn) }, report: {}))
        nextTurn[broadcast] = turn.addingTimeInterval(1 / rate)
      }
    }
    return (due, early)
  }

  /// What one attempt did: how to record it in the store, and how to report it afterwards.
  struct Outcome: Sendable {
    /// Writes the outcome to the message's row.
    var record: @Sendable (any DeskTransaction) throws -> Void
    /// Logs and counts it, once recorded.
    var report: @Sendable () -> Void
  }

  /// The outcomes of one round, filled in by the parallel sends.
  final class Outcomes: @unchecked Sendable {
    // Safe as @unchecked Sendable: `slots` is touched only while holding `lock`.
    private let lock = NSLock()
    private var slots: [Outcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Outcome) { lock.withLock { slots[index] = outcome } }

    var all: [Outcome] { lock.withLock { slots.compactMap { $0 } } }
  }

  private func deliver(_ message: OutboundMessage) -> Outcome {
    var metadata = [
      "outbox": String(message.id), "citizen": Logger.maskedNumber(message.citizenID),
      "kind": message.content.kindName,
    ]
    logger.debug("outbox.text", metadata.merging(["text": message.content.text]) { $1 })
    let id = message.id
    let (logger, metrics) = (self.logger, self.metrics)
    guard let client else {
      let at = Date()
      return Outcome(
        record: { try $0.markDryRun(outboundID: id, at: at) },
        report: { [metadata] in
          metrics.increment(.outboxDryRun)
          logger.info("outbox.dry_run", metadata)
        })
    }
    let delivery = client.send(
      message.content, to: message.citizenID, skippingParts: message.partsSent)
    // Parts delivered before a later part failed are recorded with the failure, so the
    // retry starts after them.
    // A failure is recorded with the parts delivered before it, so the retry starts after
    // them.
    let partsSent = delivery.partsSent > message.partsSent ? delivery.partsSent : nil
    let firstPartID = delivery.firstMessageID
    func failure(_ reason: String, retryAt: Date?, at: Date)
      -> @Sendable (any DeskTransaction) throws -> Void
    {
      { transaction in
        if let partsSent {
          try transaction.recordPartsSent(
            outboundID: id, count: partsSent, providerMessageID: firstPartID)
        }
        try transaction.markFailed(outboundID: id, error: reason, retryAt: retryAt, at: at)
      }
    }

    switch delivery.outcome {
    case .accepted(let providerID):
      let at = Date()
      return Outcome(
        record: { try $0.markSent(outboundID: id, providerMessageID: providerID, at: at) },
        report: { [metadata] in
          metrics.increment(.outboxSent)
          logger.info("outbox.sent", metadata)
        })
    case .retryable(let reason):
      let attempts = message.attempts + 1
      metadata["error"] = reason
      metadata["attempt"] = String(attempts)
      let at = Date()
      if attempts >= configuration.maximumAttempts {
        return Outcome(
          record: failure(reason, retryAt: nil, at: at),
          report: { [metadata] in
            metrics.increment(.outboxFailures)
            logger.error("outbox.given_up", metadata)
          })
      }
      let delay = min(
        configuration.retryBaseDelay * pow(2, Double(attempts - 1)),
        configuration.maximumRetryDelay)
      let retryAt = at.addingTimeInterval(delay)
      metadata["retry_in"] = String(format: "%.2fs", delay)
      return Outcome(
        record: failure(reason, retryAt: retryAt, at: at),
        report: { [metadata] in
          metrics.increment(.outboxFailures)
          logger.warning("outbox.retry", metadata)
        })
    case .rejected(let reason):
      metadata["error"] = reason
      let at = Date()
      return Outcome(
        record: failure(reason, retryAt: nil, at: at),
        report: { [metadata] in
          metrics.increment(.outboxFailures)
          logger.error("outbox.rejected", metadata)
        })
    }
  }
}
