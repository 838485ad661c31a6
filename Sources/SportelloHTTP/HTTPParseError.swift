/// Why a request could not be read; each case maps to the status code sent back.
public enum HTTPParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bytes break HTTP/1.1's syntax (400).
  case malformed(String)

  /// The request line is longer than the limit (414).
  case requestLineTooLong

  /// The header section is larger than the limit, or has too many fields (431).
  case headersTooLarge

  /// The body is larger than the limit (413).
  case bodyTooLarge

  /// The version is well formed but not 1.0 or 1.1 (505).
  case unsupportedVersion

  /// The transfer coding is not `chunked` (501).
  case unsupportedTransferEncoding

  /// The `Expect` header asks for something other than `100-continue` (417).
  case expectationFailed

  /// The status code to answer with before closing the connection.
  public var status: Int {
    switch self {
    case .malformed: 400
    case .requestLineTooLong: 414
    case .headersTooLarge: 431
    case .bodyTooLarge: 413
    case .unsupportedVersion: 505
    case .unsupportedTransferEncoding: 501
    case .expectationFailed: 417
    }
  }

  /// What went wrong, for the debug log.
  public var description: String {
    switch self {
    case .malformed(let reason): "malformed request: \(reason)"
    case .requestLineTooLong: "request line too long"
    case .headersTooLarge: "header section too large"
    case .bodyTooLarge: "body too large"
    case .unsupportedVersion: "unsupported HTTP version"
    case .unsupportedTransferEncoding: "unsupported transfer coding"
    case .expectationFailed: "unsupported expectation"
    }
  }
}
