import Foundation

/// One parsed HTTP/1.1 request, with its body read in full.
public struct HTTPRequest: Sendable {
  /// The method token as sent, such as `POST` (methods are case-sensitive).
  public var method: String

  /// The request target as sent, such as `/webhook?hub.mode=subscribe`.
  public var target: String

  /// The path part of the target, without the query, still percent-encoded.
  public var path: String

  /// The query part of the target after `?`, still percent-encoded; empty when absent.
  public var rawQuery: String

  /// The minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
  public var minorVersion: Int

  /// The header fields (trailers of a chunked body are read and dropped).
  public var headers: HTTPHeaders

  /// The body bytes exactly as received (chunked framing removed).
  public var body: [UInt8]

  /// The address of the peer, such as `127.0.0.1`, for logs.
  public var remoteAddress: String

  /// Creates a request; the parser is the usual source.
  public init(
    method: String, target: String, minorVersion: Int = 1, headers: HTTPHeaders = HTTPHeaders(),
    body: [UInt8] = [], remoteAddress: String = ""
  ) {
    self.method = method
    self.target = target
    if let mark = target.firstIndex(of: "?") {
      path = String(target[..<mark])
      rawQuery = String(target[target.index(after: mark)...])
    } else {
      path = target
      rawQuery = ""
    }
    self.minorVersion = minorVersion
    self.headers = headers
    self.body = body
    self.remoteAddress = remoteAddress
  }

  /// The query's parameters, percent-decoded, with `+` read as a space.
  ///
  /// A name given twice keeps its first value. Malformed escapes are kept literally.
  public var queryParameters: [String: String] {
    var parameters: [String: String] = [:]
    for pair in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = HTTPRequest.formDecode(parts[0])
      let value = parts.count > 1 ? HTTPRequest.formDecode(parts[1]) : ""
      if parameters[name] == nil { parameters[name] = value }
    }
    return parameters
  }

  /// Whether the client asked to keep the connection open after this request.
  public var wantsKeepAlive: Bool {
    let tokens = headers.values("Connection").flatMap { $0.split(separator: ",") }
      .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    if minorVersion == 0 { return tokens.contains("keep-alive") }
    return !tokens.contains("close")
  }

  static func formDecode(_ text: Substring) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
