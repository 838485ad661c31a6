import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A raw TCP client for the server tests: sends exact bytes and reads exact responses.
final class TestClient {
  struct Response {
    var status: Int
    var head: String
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
      for line in head.split(separator: "\r\n").dropFirst() {
        let parts = line.split(separator: ":", maxSplits: 1)
        if parts.count == 2, parts[0].lowercased() == name.lowercased() {
          return parts[1].trimmingCharacters(in: .whitespaces)
        }
      }
      return nil
    }
  }

  enum Failure: Error { case connect(Int32), closed, timedOut, garbled }

  let descriptor: Int32
  private var buffer: [UInt8] = []

  /// Connects to 127.0.0.1:port, with a receive timeout so a broken server fails the test.
  init(port: Int, receiveTimeout: Int = 5) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      let code = errno
      close(descriptor)
      throw Failure.connect(code)
    }
    var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit { close(descriptor) }

  /// Sends bytes; returns false when the peer has gone.
  @discardableResult
  func send(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes {
      Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) == $0.count
    }
  }

  @discardableResult
  func send(_ text: String) -> Bool { send(Array(text.utf8)) }

  private func fill() throws {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    if count > 0 {
      buffer += chunk[0..<count]
    } else if count == 0 {
      throw Failure.closed
    } else if errno == EAGAIN || errno == EWOULDBLOCK {
      throw Failure.timedOut
    } else {
      throw Failure.closed
    }
  }

  /// Reads one response framed by its Content-Length.
  func receive() throws -> Response {
    let separator = Array("\r\n\r\n".utf8)
    while true {
      if let range = buffer.firstRange(of: separator) {
        let head = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
        let statusText = head.split(separator: " ").dropFirst().first ?? ""
        guard let status = Int(statusText) else { throw Failure.garbled }
        var response = Response(status: status, head: head, body: [])
        let length = Int(response.header("Content-Length") ?? "0") ?? 0
        while buffer.count < range.upperBound + length { try fill() }
        response.body = Array(buffer[range.upperBound..<range.upperBound + length])
        buffer.removeFirst(range.upperBound + length)
        return response
      }
      try fill()
    }
  }

  /// Whether the server closed the connection (end of stream) within the receive timeout.
  func isClosedByPeer() -> Bool {
    do {
      while true { try fill() }
    } catch Failure.closed {
      return true
    } catch {
      return false
    }
  }
}
