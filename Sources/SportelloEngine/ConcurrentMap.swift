import Foundation

extension Array where Element: Sendable {
  /// The results of `transform` on every element, worked out on all cores, in order.
  ///
  /// Loading and indexing a large rule set analyses thousands of independent texts;
  /// spreading them over the cores is what keeps a reload short. Small arrays are mapped
  /// on the calling thread, where starting workers would cost more than it saves.
  ///
  /// - Parameters:
  ///   - minimumCount: The fewest elements worth spreading over the cores.
  ///   - smallestChunk: The fewest elements a worker takes at a time; 1 for elements that
  ///     each cost a lot, such as whole files, so that the cores share them evenly.
  ///   - transform: A pure function, called once per element from any thread.
  /// - Complexity: O(n) calls of `transform`, spread over the active cores.
  package func concurrentMap<Result: Sendable>(
    minimumCount: Int = 32, smallestChunk: Int = 8,
    _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    guard count >= Swift.max(2, minimumCount), cores > 1 else { return map(transform) }
    let slots = ResultSlots<Result>(count: count)
    let chunkSize = Swift.max(smallestChunk, count / (cores * 8))
    let chunkCount = (count + chunkSize - 1) / chunkSize
    withoutActuallyEscaping(transform) { transform in
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = (chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize)
        for index in range { slots.store(transform(self[index]), at: index) }
      }
    }
    return slots.values()
  }
}

/// Slots for results written concurrently at distinct indices (by ``concurrentMap(_:)`` and
/// the batch evaluator).
package final class ResultSlots<Result>: @unchecked Sendable {
  // Safe: every index is written by exactly one worker, and read only after
  // `concurrentPerform` has returned, which orders the writes before the reads.
  private let slots: UnsafeMutableBufferPointer<Result?>

  /// Creates `count` empty slots.
  package init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// Stores the result of `index`; each index is stored once, by one thread.
  package func store(_ result: Result, at index: Int) { slots[index] = result }

  /// The results, in index order, once every slot is stored.
  package func values() -> [Result] { slots.compactMap { $0 } }
}
