import Foundation

/// The `Date` header's value (RFC 9110 IMF-fixdate), formatted at most once a second.
final class HTTPDate: @unchecked Sendable {
  // Safe as @unchecked Sendable: `second` and `text` are touched only while holding `lock`.
  private let lock = NSLock()
  private var second: time_t = -1
  private var text = ""

  /// The current time, such as `Thu, 03 Dec 2026 19:30:11 GMT`.
  func now() -> String {
    var current = time(nil)
    lock.lock()
    defer { lock.unlock() }
    if current != second {
      var parts = tm()
      gmtime_r(&current, &parts)
      var characters = [Int8](repeating: 0, count: 64)
      let length = strftime(&characters, characters.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
      text = String(decoding: characters[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      second = current
    }
    return text
  }
}
