import Foundation
import SportelloDesk
import SportelloLogging
import SportelloStore

/// The service's only writer: one thread that commits what the webhook records, many
/// requests at a time, and between those commits decides and answers pending messages.
///
/// SQLite lets one transaction write at a time. When every webhook worker, the message
/// processor and the outbox sender each ran their own transactions, they queued on the
/// connection's lock in no particular order: the processor, which takes the lock again as
/// soon as it lets it go, could keep the webhook waiting for seconds. Here the workers hand
/// their writes to this thread and wait; it runs every write queued meanwhile in one
/// transaction (group commit: one commit, one log write of the pages they share) and
/// answers each worker once that transaction is durable. It then processes one batch of
/// pending messages, no longer than ``ConversationService/processPendingBatch(limit:budget:)``
/// allows, and looks at the queue again, so a webhook waits at most one batch and one
/// commit. Messages left pending by a crash are processed first thing.
final class DeskWriter: @unchecked Sendable {
  // Safe as @unchecked Sendable: `queue`, `isStopping`, `isProcessingWanted`, `isRunning` and
  // `replyObserver` are touched only while holding `condition`; the rest is immutable or
  // thread-safe.
  private let condition = NSCondition()
  private var queue: [Job] = []
  private var isStopping = false
  private var isProcessingWanted = true
  private var isRunning = false
  private let store: any DeskStore
  private let rules: RuleSetProvider
  private let metrics: ServiceMetrics
  private let logger: Logger
  private var replyObserver: @Sendable () -> Void = {}
  private let finished = DispatchSemaphore(value: 0)

  /// The most messages decided in one transaction, and how long one batch may keep the
  /// webhook's writes waiting, in seconds.
  static let batchLimit = 32
  static let batchBudget: TimeInterval = 0.002

  init(store: any DeskStore, rules: RuleSetProvider, metrics: ServiceMetrics, logger: Logger) {
    self.store = store
    self.rules = rules
    self.metrics = metrics
    self.logger = logger
  }

  /// What to call after a batch enqueued replies (the outbox sender's wake-up).
  var onReplies: @Sendable () -> Void {
    get { condition.withLock { replyObserver } }
    set { condition.withLock { replyObserver = newValue } }
  }

  func start() {
    condition.withLock { isRunning = true }
    let thread = Thread { [self] in
      run()
      finished.signal()
    }
    thread.name = "sportello-writer"
    thread.start()
  }

  /// Runs `body` in the writer's next transaction and returns its result once committed.
  ///
  /// The body runs in a savepoint of its own: when it throws, only its own changes are
  /// undone and the error comes back here; the others in the same commit are kept.
  ///
  /// - Throws: What `body` throws, a store error when the commit fails, or
  ///   ``ServiceError/stopped`` after ``stop()``.
  func perform<T>(_ body: @escaping (any DeskTransaction) throws -> T) throws -> T {
    let job = Job(store: store, body)
    let accepted = condition.withLock {
      guard isRunning, !isStopping else { return false }
      queue.append(job)
      condition.signal()
      return true
    }
    guard accepted else { throw ServiceError.stopped }
    return try job.result()
  }

  /// Wakes the writer to decide what was recorded.
  func processingWanted() {
    condition.withLock {
      isProcessingWanted = true
      condition.signal()
    }
  }

  /// Commits the writes queued, finishes the batch in progress and stops; messages still
  /// pending are decided at the next start.
  func stop() {
    let wasRunning = condition.withLock {
      defer { isStopping = true }
      condition.signal()
      return isRunning
    }
    if wasRunning { finished.wait() }
  }

  private func run() {
    while true {
      condition.lock()
      while queue.isEmpty && !isProcessingWanted && !isStopping {
        // Look for pending messages at least once a second, whoever recorded them.
        if !condition.wait(until: Date().addingTimeInterval(1)) { isProcessingWanted = true }
      }
      let jobs = queue
      queue = []
      let stopping = isStopping
      let processes = isProcessingWanted && !stopping
      if stopping { isRunning = false }
      condition.unlock()
      if !jobs.isEmpty { commit(jobs) }
      if processes && !processBatch() {
        condition.withLock { isProcessingWanted = false }
      }
      if stopping { return }
    }
  }

  /// Runs the jobs in one transaction, each in its own savepoint, and hands back results.
  private func commit(_ jobs: [Job]) {
    // FIXME: SQLite's automatic checkpoint runs inside the commit that crosses 1,000 log
    // pages, on this thread: its copying and fsync delay every webhook of that group (tens
    // of milliseconds on a busy disk). A checkpoint on a connection of its own would not.
    do {
      try store.write { _ in
        for job in jobs { job.run() }
      }
      for job in jobs { job.finish() }
    } catch {
      logger.error("store.commit_failed", ["error": String(describing: error)])
      for job in jobs { job.finish(failure: error) }
    }
  }

  /// Decides one batch of pending messages; returns whether there may be more.
  private func processBatch() -> Bool {
    let turns: [ConversationTurn]
    do {
      turns = try rules.current.processPendingBatch(
        limit: Self.batchLimit, budget: Self.batchBudget)
    } catch {
      // Nothing of the batch was kept: the messages stay pending for the next look.
      // FIXME: a message whose processing always throws is retried at every look and holds
      // back every message after it. Today only a failing store can throw here.
      logger.error("message.process_failed", ["error": String(describing: error)])
      return false
    }
    for turn in turns {
      metrics.observeDecision(seconds: turn.duration ?? 0)
      report(turn)
    }
    if turns.contains(where: { !$0.replies.isEmpty }) { onReplies() }
    return !turns.isEmpty
  }

  private func report(_ turn: ConversationTurn) {
    var metadata = ["inbound": String(turn.inboundID), "outcome": turn.outcome.name]
    switch turn.outcome {
    case .answered(let intent):
      metrics.increment(.answered)
      metadata["intent"] = intent ?? "-"
    case .asked(let options):
      metrics.increment(.asked)
      metadata["options"] = options.joined(separator: ",")
    case .handedOver(let ticket, let reason):
      metrics.increment(.handedOver)
      metadata["ticket"] = String(ticket)
      metadata["reason"] = reason ?? "-"
    case .heldForStaff(let ticket):
      metrics.increment(.heldForStaff)
      metadata["ticket"] = String(ticket)
    case .alreadyHandled:
      break
    }
    if let citizen = turn.replies.first?.citizenID {
      metadata["citizen"] = Logger.maskedNumber(citizen)
    }
    metadata["replies"] = String(turn.replies.count)
    logger.info("message.decided", metadata)
  }
}

/// One caller's write, run by the writer thread, and its outcome.
private final class Job: @unchecked Sendable {
  // Safe as @unchecked Sendable: `value` and `failure` are written by the writer thread
  // before `done` is signalled and read by the caller only after waiting for it.
  private let store: any DeskStore
  private let body: (any DeskTransaction) throws -> Any
  private var value: Any?
  private var failure: (any Error)?
  private let done = DispatchSemaphore(value: 0)

  init<T>(store: any DeskStore, _ body: @escaping (any DeskTransaction) throws -> T) {
    self.store = store
    self.body = { try body($0) }
  }

  /// Runs the body in a savepoint of the writer's transaction (a nested write).
  func run() {
    do {
      value = try store.write(body)
    } catch {
      failure = error
    }
  }

  /// Hands the outcome to the waiting caller, or `failure` when the commit failed.
  func finish(failure commitFailure: (any Error)? = nil) {
    if let commitFailure { failure = commitFailure }
    done.signal()
  }

  func result<T>() throws -> T {
    done.wait()
    if let failure { throw failure }
    guard let value = value as? T else { throw ServiceError.stopped }
    return value
  }
}
