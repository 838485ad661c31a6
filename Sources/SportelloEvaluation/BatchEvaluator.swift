import Foundation
import SportelloEngine

/// Decides every recorded message in parallel over the cores, results in input order.
///
/// The evaluator does not know the engine: it calls `decide` once per message, so the
/// command can pass exactly the code path `sportello ask` uses (see
/// ``EngineDecider``). `decide` must be thread-safe and pure.
public struct BatchEvaluator: Sendable {
  /// Decides one message.
  public var decide: @Sendable (String) -> MessageOutcome

  /// How many threads work at once; the active cores by default.
  public var concurrency: Int

  /// Creates an evaluator.
  public init(
    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
    decide: @escaping @Sendable (String) -> MessageOutcome
  ) {
    self.decide = decide
    self.concurrency = max(1, concurrency)
  }

  /// Decides every entry.
  ///
  /// - Parameters:
  ///   - entries: The recorded messages.
  ///   - progress: Called now and then, from any thread, with the number of messages
  ///     done so far; calls are serialized.
  /// - Returns: One result per entry, in the entries' order.
  /// - Complexity: O(n) decisions spread over ``concurrency`` threads.
  public func evaluate(
    _ entries: [CorpusEntry], progress: (@Sendable (Int) -> Void)? = nil
  ) -> [EvaluatedMessage] {
    guard !entries.isEmpty else { return [] }
    let outcomes = ResultSlots<MessageOutcome>(count: entries.count)
    let chunkSize = 64
    let chunkCount = (entries.count + chunkSize - 1) / chunkSize
    let nextChunk = Counter()
    let done = Counter()
    let decide = self.decide
    // Workers pull chunks from a shared counter, so a slow chunk never idles a core.
    DispatchQueue.concurrentPerform(iterations: min(concurrency, chunkCount)) { _ in
      while true {
        let chunk = nextChunk.increment(by: 1) - 1
        guard chunk < chunkCount else { return }
        let range = (chunk * chunkSize)..<min(entries.count, (chunk + 1) * chunkSize)
        for index in range {
          outcomes.store(decide(entries[index].message), at: index)
        }
        let finished = done.increment(by: range.count)
        progress?(finished)
      }
    }
    return zip(entries, outcomes.values()).map { EvaluatedMessage(entry: $0, outcome: $1) }
  }
}

/// A lock-protected counter shared by the workers.
private final class Counter: @unchecked Sendable {
  // Safe: `value` is only touched while `lock` is held.
  private let lock = NSLock()
  private var value = 0

  /// Adds `amount` and returns the new value.
  func increment(by amount: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += amount
    return value
  }
}
