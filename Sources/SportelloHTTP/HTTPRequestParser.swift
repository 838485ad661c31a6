/// An incremental, strict parser of HTTP/1.1 requests.
///
/// Bytes are appended as they arrive; ``nextRequest()`` returns a request once
/// it is complete, `nil` while more bytes are needed, and throws at the first
/// violation of the syntax or of the ``HTTPLimits``. Several pipelined requests
/// in one read are returned one per call. Lines must end in CRLF; obsolete line
/// folding, whitespace before a colon, conflicting `Content-Length` values and
/// `Content-Length` together with `Transfer-Encoding` are refused, since
/// lenient parsing is what request smuggling feeds on.
public struct HTTPRequestParser: Sendable {
  private enum State: Sendable {
    case requestLine
    case headers
    case body(remaining: Int)
    case chunkSize
    case chunkData(remaining: Int)
    case chunkEnd
    case trailers
  }

  private static let carriageReturn = UInt8(ascii: "\r")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let chunkLineLimit = 4096

  /// The limits enforced.
  public let limits: HTTPLimits

  private var buffer: [UInt8] = []
  private var position = 0
  private var state = State.requestLine
  private var emptyLinesSkipped = 0
  private var method = ""
  private var target = ""
  private var minorVersion = 1
  private var headers = HTTPHeaders()
  private var headerBytes = 0
  private var body: [UInt8] = []

  /// Set when the request just parsed announced `Expect: 100-continue` and its
  /// body is still to come; the connection answers `100 Continue` and clears it.
  public var isAwaitingContinue = false

  /// Creates a parser with the given limits.
  public init(limits: HTTPLimits = HTTPLimits()) {
    self.limits = limits
  }

  /// Whether part of a request has been received (used to tell a slow request from an idle
  /// connection).
  public var hasPartialRequest: Bool {
    if case .requestLine = state { return position < buffer.count || emptyLinesSkipped > 0 }
    return true
  }

  /// Appends bytes read from the connection.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// Returns the next complete request, or `nil` when more bytes are needed.
  ///
  /// - Throws: ``HTTPParseError``; after an error the connection must be closed.
  public mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
    while true {
      switch state {
      case .requestLine:
        guard let line = try takeLine(limit: limits.requestLineBytes, error: .requestLineTooLong)
        else { return nil }
        if line.isEmpty {
          emptyLinesSkipped += 1
          guard emptyLinesSkipped <= 2 else { throw .malformed("empty lines before request") }
          continue
        }
        try parseRequestLine(line)
        state = .headers
      case .headers:
        let budget = limits.headerBytes - headerBytes
        guard let line = try takeLine(limit: budget - 2, error: .headersTooLarge) else {
          return nil
        }
        headerBytes += line.count + 2
        if line.isEmpty {
          if let request = try finishHead() { return request }
          continue
        }
        try parseHeaderLine(line, keeping: true)
      case .body(let remaining):
        let available = min(remaining, buffer.count - position)
        body.append(contentsOf: buffer[position..<position + available])
        position += available
        if available < remaining {
          state = .body(remaining: remaining - available)
          compact()
          return nil
        }
        return complete()
      case .chunkSize:
        guard let line = try takeLine(limit: HTTPRequestParser.chunkLineLimit, error: .bodyTooLarge)
        else { return nil }
        let size = try parseChunkSize(line)
        if size == 0 {
          state = .trailers
        } else {
          guard body.count + size <= limits.bodyBytes else { throw .bodyTooLarge }
          state = .chunkData(remaining: size)
        }
      case .chunkData(let remaining):
        let available = min(remaining, buffer.count - position)
        body.append(contentsOf: buffer[position..<position + available])
        position += available
        if available < remaining {
          state = .chunkData(remaining: remaining - available)
          compact()
          return nil
        }
        state = .chunkEnd
      case .chunkEnd:
        guard buffer.count - position >= 2 else { return nil }
        guard buffer[position] == HTTPRequestParser.carriageReturn,
          buffer[position + 1] == HTTPRequestParser.lineFeed
        else { throw .malformed("chunk data not followed by CRLF") }
        position += 2
        state = .chunkSize
      case .trailers:
        let budget = limits.headerBytes - headerBytes
        guard let line = try takeLine(limit: budget - 2, error: .headersTooLarge) else {
          return nil
        }
        headerBytes += line.count + 2
        if line.isEmpty { return complete() }
        try parseHeaderLine(line, keeping: false)
      }
    }
  }

  // Takes one CRLF-terminated line (without the CRLF), or nil when it has not fully arrived.
  private mutating func takeLine(limit: Int, error: HTTPParseError) throws(HTTPParseError)
    -> ArraySlice<UInt8>?
  {
    let lineFeed = buffer[position...].firstIndex(of: HTTPRequestParser.lineFeed)
    guard let end = lineFeed else {
      if buffer.count - position > max(limit, 0) + 1 { throw error }
      return nil
    }
    guard end > position, buffer[end - 1] == HTTPRequestParser.carriageReturn else {
      throw .malformed("line not terminated by CRLF")
    }
    let line = buffer[position..<end - 1]
    guard line.count <= limit else { throw error }
    guard !line.contains(HTTPRequestParser.carriageReturn) else {
      throw .malformed("stray carriage return")
    }
    position = end + 1
    return line
  }

  private mutating func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) {
    let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    guard parts.count == 3 else { throw .malformed("request line needs three parts") }
    guard !parts[0].isEmpty, parts[0].allSatisfy(HTTPRequestParser.isTokenCharacter) else {
      throw .malformed("invalid method")
    }
    let targetBytes = parts[1]
    guard let first = targetBytes.first, targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7f })
    else { throw .malformed("invalid request target") }
    method = String(decoding: parts[0], as: UTF8.self)
    target = String(decoding: targetBytes, as: UTF8.self)
    guard first == UInt8(ascii: "/") || (target == "*" && method == "OPTIONS") else {
      throw .malformed("request target is not in origin form")
    }
    let version = Array(parts[2])
    let prefix = Array("HTTP/".utf8)
    guard version.count == 8, Array(version[0..<5]) == prefix,
      HTTPRequestParser.isDigit(version[5]), version[6] == UInt8(ascii: "."),
      HTTPRequestParser.isDigit(version[7])
    else { throw .malformed("invalid version") }
    guard version[5] == UInt8(ascii: "1") else { throw .unsupportedVersion }
    minorVersion = Int(version[7] - UInt8(ascii: "0"))
    guard minorVersion <= 1 else { throw .unsupportedVersion }
  }

  private mutating func parseHeaderLine(_ line: ArraySlice<UInt8>, keeping: Bool)
    throws(HTTPParseError)
  {
    guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") else {
      throw .malformed("obsolete line folding")
    }
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
      throw .malformed("header without a colon")
    }
    let name = line[line.startIndex..<colon]
    guard !name.isEmpty, name.allSatisfy(HTTPRequestParser.isTokenCharacter) else {
      throw .malformed("invalid header name")
    }
    var value = line[(colon + 1)...]
    while let byte = value.first, byte == 0x20 || byte == 0x09 { value = value.dropFirst() }
    while let byte = value.last, byte == 0x20 || byte == 0x09 { value = value.dropLast() }
    guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7f) }) else {
      throw .malformed("control character in header value")
    }
    guard keeping else { return }
    guard headers.count < limits.headerCount else { throw .headersTooLarge }
    headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
  }

  // Validates the framing headers and decides how the body is read.
  private mutating func finishHead() throws(HTTPParseError) -> HTTPRequest? {
    let hosts = headers.values("Host")
    guard hosts.count <= 1, minorVersion == 0 || hosts.count == 1 else {
      throw .malformed("exactly one Host header is required")
    }
    let encodings = headers.values("Transfer-Encoding")
    let lengths = headers.values("Content-Length")
    var expectsBody = false
    if !encodings.isEmpty {
      guard lengths.isEmpty else { throw .malformed("both Content-Length and Transfer-Encoding") }
      guard minorVersion == 1 else { throw .malformed("Transfer-Encoding in HTTP/1.0") }
      let codings = encodings.flatMap { $0.split(separator: ",") }
        .map { $0.trimmingASCIIWhitespace().lowercased() }
      guard codings == ["chunked"] else { throw .unsupportedTransferEncoding }
      state = .chunkSize
      expectsBody = true
    } else if !lengths.isEmpty {
      let length = try HTTPRequestParser.contentLength(lengths)
      guard length <= limits.bodyBytes else { throw .bodyTooLarge }
      if length > 0 {
        body.reserveCapacity(length)
        state = .body(remaining: length)
        expectsBody = true
      }
    }
    if let expectation = headers["Expect"] {
      guard expectation.lowercased() == "100-continue" else { throw .expectationFailed }
      isAwaitingContinue = expectsBody
    }
    return expectsBody ? nil : complete()
  }

  private mutating func complete() -> HTTPRequest {
    let request = HTTPRequest(
      method: method, target: target, minorVersion: minorVersion, headers: headers, body: body)
    state = .requestLine
    emptyLinesSkipped = 0
    headers = HTTPHeaders()
    headerBytes = 0
    body = []
    isAwaitingContinue = false
    compact()
    return request
  }

  private mutating func compact() {
    guard position > 0 else { return }
    buffer.removeSubrange(0..<position)
    position = 0
  }

  private func parseChunkSize(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
    let semicolon = line.firstIndex(of: UInt8(ascii: ";")) ?? line.endIndex
    var digits = line[line.startIndex..<semicolon]
    while let byte = digits.last, byte == 0x20 || byte == 0x09 { digits = digits.dropLast() }
    let extensions = line[semicolon...]
    guard extensions.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7f) }) else {
      throw .malformed("control character in chunk extension")
    }
    guard !digits.isEmpty, digits.allSatisfy({ Hex.decodeDigit($0) != nil }) else {
      throw .malformed("invalid chunk size")
    }
    let significant = digits.drop { $0 == UInt8(ascii: "0") }
    guard significant.count <= 8 else { throw .bodyTooLarge }
    var size = 0
    for digit in significant { size = size << 4 | Int(Hex.decodeDigit(digit) ?? 0) }
    return size
  }

  private static func contentLength(_ values: [String]) throws(HTTPParseError) -> Int {
    var result: Int?
    for item in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
      let text = item.trimmingASCIIWhitespace()
      guard !text.isEmpty, text.utf8.allSatisfy(isDigit) else {
        throw .malformed("invalid Content-Length")
      }
      let significant = text.drop { $0 == "0" }
      guard significant.count <= 12, let length = Int(significant.isEmpty ? "0" : significant)
      else { throw .bodyTooLarge }
      guard result == nil || result == length else {
        throw .malformed("conflicting Content-Length values")
      }
      result = length
    }
    return result ?? 0
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  // tchar of RFC 9110 section 5.6.2.
  private static func isTokenCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default:
      Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingASCIIWhitespace() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}
