import Foundation

/// An HTTP response: status, headers and a complete body.
public struct HTTPResponse: Sendable {
  /// The status code, such as 200.
  public var status: Int

  /// Header fields; `Content-Length`, `Date`, `Server` and `Connection` are added on writing.
  public var headers: HTTPHeaders

  /// The body bytes.
  public var body: [UInt8]

  /// Creates a response.
  public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A plain-text response in UTF-8.
  public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: HTTPHeaders([("Content-Type", "text/plain; charset=utf-8")]),
      body: Array(text.utf8))
  }

  /// A JSON response from bytes already encoded.
  public static func json(_ body: [UInt8], status: Int = 200) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body)
  }

  /// A short plain-text error response whose body is the reason phrase.
  public static func error(_ status: Int) -> HTTPResponse {
    text(HTTPResponse.reasonPhrase(for: status) + "\n", status: status)
  }

  /// The standard reason phrase of a status code, such as `Not Found`.
  public static func reasonPhrase(for status: Int) -> String {
    switch status {
    case 100: "Continue"
    case 200: "OK"
    case 202: "Accepted"
    case 204: "No Content"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 411: "Length Required"
    case 413: "Content Too Large"
    case 414: "URI Too Long"
    case 415: "Unsupported Media Type"
    case 417: "Expectation Failed"
    case 422: "Unprocessable Content"
    case 429: "Too Many Requests"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 501: "Not Implemented"
    case 503: "Service Unavailable"
    case 505: "HTTP Version Not Supported"
    default: "Status \(status)"
    }
  }

  /// The bytes on the wire: status line, headers, blank line and body.
  ///
  /// - Parameters:
  ///   - closing: Whether the connection closes after this response.
  ///   - includeBody: `false` for responses to `HEAD`, which carry the length but no body.
  ///   - date: The `Date` header's value.
  func serialized(closing: Bool, includeBody: Bool = true, date: String) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(HTTPResponse.reasonPhrase(for: status))\r\n"
    head += "Date: \(date)\r\nServer: sportello\r\n"
    for field in headers.fields {
      let lowered = field.name.lowercased()
      if lowered == "content-length" || lowered == "connection" { continue }
      head += "\(field.name): \(HTTPResponse.sanitized(field.value))\r\n"
    }
    head += "Content-Length: \(body.count)\r\n"
    if closing { head += "Connection: close\r\n" }
    head += "\r\n"
    var bytes = Array(head.utf8)
    if includeBody { bytes += body }
    return bytes
  }

  // A value that would break the framing (CR or LF) never reaches the wire.
  private static func sanitized(_ value: String) -> String {
    guard value.contains(where: { $0 == "\r" || $0 == "\n" }) else { return value }
    return value.filter { $0 != "\r" && $0 != "\n" }
  }
}
