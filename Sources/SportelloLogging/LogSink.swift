import Foundation

/// A destination for log lines.
public protocol LogSink: Sendable {
  /// Writes one complete line, without its trailing newline.
  func write(_ line: String)
}

/// Writes lines to standard error, one `write(2)` per line so lines never interleave.
public struct StandardErrorSink: LogSink {
  /// Creates a sink on standard error.
  public init() {}

  /// Writes the line and a newline to standard error.
  public func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}

/// Drops every line.
public struct DiscardingSink: LogSink {
  /// Creates a sink that writes nothing.
  public init() {}

  /// Does nothing.
  public func write(_ line: String) {}
}

/// Keeps lines in memory, for tests that assert what was logged.
public final class MemorySink: LogSink, @unchecked Sendable {
  // Safe as @unchecked Sendable: `storage` is only touched while holding `lock`.
  private let lock = NSLock()
  private var storage: [String] = []

  /// Creates an empty sink.
  public init() {}

  /// Appends the line.
  public func write(_ line: String) {
    lock.lock()
    storage.append(line)
    lock.unlock()
  }

  /// The lines written so far, oldest first.
  public var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
