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

/// A value worked out on another thread while the caller does something else.
///
/// Building the matcher's index analyses the next batch of FAQs this way while it numbers
/// the terms of the current one.
package final class BackgroundTask<Result: Sendable>: @unchecked Sendable {
  // Safe: `result` is written once, by the work, before the group is left, and read only
  // after waiting on the group, which orders the write before the read.
  private var result: Result?
  private let group = DispatchGroup()
  private let work: @Sendable () -> Result

  /// Starts `work` on a thread of its own.
  ///
  /// Not on a global queue: the caller may itself run on one whose threads are all busy
  /// (a batch of reloads, say), and waiting for work queued behind them would stall it.
  package init(_ work: @escaping @Sendable () -> Result) {
    self.work = work
    group.enter()
    let thread = Thread { [self] in
      result = work()
      group.leave()
    }
    thread.start()
  }

  /// The result of the work, waiting for it to finish.
  package func value() -> Result {
    group.wait()
    // The work always stores a result before the group is left; working it out here is
    // only the answer the type system asks for.
    return result ?? work()
  }
}
