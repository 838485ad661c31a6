import Foundation

/// A bounded first-in first-out queue of accepted sockets, shared by the accept loop and the
/// workers.
///
/// Bounding it is what keeps a flood from piling up: when it is full the accept loop answers
/// 503 at once instead of queueing more.
final class ConnectionQueue: @unchecked Sendable {
  // Safe as @unchecked Sendable: every stored property is touched only while holding `condition`.
  private let condition = NSCondition()
  private var items: [AcceptedConnection] = []
  private var head = 0
  private var isClosed = false
  private let capacity: Int

  /// Creates an empty queue holding at most `capacity` connections.
  init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// The number of connections waiting for a worker.
  var count: Int {
    condition.lock()
    defer { condition.unlock() }
    return items.count - head
  }

  /// Adds a connection; `false` when the queue is full or closed.
  func push(_ connection: AcceptedConnection) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard !isClosed, items.count - head < capacity else { return false }
    items.append(connection)
    condition.signal()
    return true
  }

  /// Takes the oldest connection, waiting for one; `nil` once closed and drained.
  func pop() -> AcceptedConnection? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count && !isClosed { condition.wait() }
    guard head < items.count else { return nil }
    let connection = items[head]
    head += 1
    if head > 64 && head * 2 > items.count {
      items.removeFirst(head)
      head = 0
    }
    return connection
  }

  /// Refuses new connections and wakes every waiting worker; queued ones are still handed out.
  func close() {
    condition.lock()
    isClosed = true
    condition.broadcast()
    condition.unlock()
  }
}

/// A socket accepted from the listener and the peer's address.
struct AcceptedConnection: Sendable {
  /// The connected socket's descriptor.
  var descriptor: Int32

  /// The peer's numeric address, for logs.
  var remoteAddress: String
}
