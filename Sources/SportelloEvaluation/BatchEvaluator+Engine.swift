import Foundation
import SportelloEngine

extension BatchEvaluator {
  /// An evaluator that decides each message exactly as `sportello ask` does: through
  /// the engine's ``Responder`` with no pending "which one?" question, so every
  /// message starts a fresh conversation.
  ///
  /// - Parameters:
  ///   - responder: The responder built from the rule set under test.
  ///   - now: The time every message is decided at (expiry dates depend on it).
  ///   - concurrency: Threads at once; the active cores by default.
  public init(
    responder: Responder, now: Date,
    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.init(concurrency: concurrency) { message in
      MessageOutcome(responder.respond(to: message, pending: nil, now: now))
    }
  }
}

extension MessageOutcome {
  /// The outcome of an engine response.
  public init(_ response: Response) {
    let decision = response.decision
    let kind: Kind
    switch decision.outcome {
    case .answer: kind = .answer
    case .ask: kind = .ask
    case .handover: kind = .handover
    }
    self.init(
      kind: kind,
      intent: kind == .answer ? decision.intent : nil,
      options: kind == .ask ? decision.options : [],
      candidates: decision.candidates.map { ScoredIntent(intent: $0.intent, score: $0.score) },
      score: decision.confidence,
      handsOver: kind == .answer && decision.handoverReason == .operatorRequested)
  }
}
