import Foundation
import SportelloDesk
import SportelloLogging
import SportelloStore

/// Decides and answers recorded messages, oldest first, on its own thread.
///
/// The webhook only records messages (durably) and wakes this processor, so Meta
/// gets its 200 quickly; the decision and the replies' enqueueing follow here, one
/// transaction per message. Messages left pending by a crash are processed at
/// start, in arrival order.
final class InboundProcessor: @unchecked Sendable {
  // Safe as @unchecked Sendable: `isStopping` and `isSignalled` are touched only while holding
  // `condition`; the rest is immutable or itself thread-safe.
  private let condition = NSCondition()
  private var isStopping = false
  private var isSignalled = true
  private let rules: RuleSetProvider
  private let metrics: ServiceMetrics
  private let logger: Logger
  private let onReplies: @Sendable () -> Void
  private let finished = DispatchSemaphore(value: 0)

  init(
    rules: RuleSetProvider, metrics: ServiceMetrics, logger: Logger,
    onReplies: @escaping @Sendable () -> Void
  ) {
    self.rules = rules
    self.metrics = metrics
    self.logger = logger
    self.onReplies = onReplies
  }

  func start() {
    let thread = Thread { [self] in
      run()
      finished.signal()
    }
    thread.name = "sportello-processor"
    thread.start()
  }

  /// Wakes the processor: messages were recorded.
  func signal() {
    condition.lock()
    isSignalled = true
    condition.signal()
    condition.unlock()
  }

  /// Processes what is pending, then stops and returns.
  func stop() {
    condition.lock()
    isStopping = true
    condition.signal()
    condition.unlock()
    finished.wait()
  }

  private func run() {
    while true {
      condition.lock()
      while !isSignalled && !isStopping {
        _ = condition.wait(until: Date().addingTimeInterval(1))
        isSignalled = true
      }
      isSignalled = false
      let stopping = isStopping
      condition.unlock()
      drain()
      if stopping { return }
    }
  }

  private func drain() {
    while true {
      let started = DispatchTime.now().uptimeNanoseconds
      let turn: ConversationTurn?
      do {
        turn = try rules.current.processNextPending()
      } catch {
        logger.error("message.process_failed", ["error": String(describing: error)])
        return
      }
      guard let turn else { return }
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
      metrics.observeDecision(seconds: elapsed)
      record(turn)
      if !turn.replies.isEmpty { onReplies() }
    }
  }

  private func record(_ turn: ConversationTurn) {
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
