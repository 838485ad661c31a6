import SportelloHTTP

/// Checks `X-Hub-Signature-256` against the raw body, before anything is decoded.
///
/// The header is `sha256=` followed by the lowercase hex HMAC-SHA256 of the exact
/// bytes received, keyed with the app secret. Decoding and re-encoding changes the
/// bytes (escaped accents, `\/`), so only the raw body verifies.
///
///     let verifier = SignatureVerifier(appSecret: "test_app_secret")
///     verifier.verify(body: body, header: "sha256=19a3cca2...")   // .valid
public struct SignatureVerifier: Sendable {
  /// The result of a check.
  public enum Verdict: String, Sendable, Equatable {
    /// The signature matches.
    case valid
    /// No header.
    case missing
    /// A header that is not `sha256=` and 64 hex digits.
    case malformed
    /// A well-formed signature of other bytes or another key.
    case mismatch
  }

  private let key: [UInt8]

  /// Creates a verifier for the app secret.
  public init(appSecret: String) {
    key = Array(appSecret.utf8)
  }

  /// Checks a body against its header, comparing in constant time.
  ///
  /// - Parameters:
  ///   - body: The raw bytes received.
  ///   - header: The `X-Hub-Signature-256` value, or `nil` when absent.
  /// - Returns: The verdict.
  public func verify(body: [UInt8], header: String?) -> Verdict {
    guard let header else { return .missing }
    let trimmed = header.trimmingCharacters(in: [" ", "\t"])
    let prefix = "sha256="
    guard trimmed.lowercased().hasPrefix(prefix) else { return .malformed }
    let hex = trimmed.dropFirst(prefix.count)
    guard hex.count == 64, let given = Hex.decode(hex) else { return .malformed }
    let expected = HMAC.sha256(key: key, message: body)
    return HMAC.constantTimeEquals(given, expected) ? .valid : .mismatch
  }

  /// The header value for a body, as Meta would send it (for tests and load generators).
  public func signature(of body: [UInt8]) -> String {
    "sha256=" + Hex.encode(HMAC.sha256(key: key, message: body))
  }
}
