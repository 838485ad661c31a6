/// The sizes a request may reach before it is refused.
public struct HTTPLimits: Sendable, Equatable {
  /// The longest request line, in bytes, without its CRLF (414 beyond).
  public var requestLineBytes: Int

  /// The largest header section, in bytes, CRLFs included (431 beyond).
  public var headerBytes: Int

  /// The most header fields (431 beyond).
  public var headerCount: Int

  /// The largest body, in bytes, after chunked framing is removed (413 beyond).
  public var bodyBytes: Int

  /// Creates limits; the defaults are 8 KB, 32 KB, 100 fields and 1 MB.
  public init(
    requestLineBytes: Int = 8 * 1024, headerBytes: Int = 32 * 1024, headerCount: Int = 100,
    bodyBytes: Int = 1024 * 1024
  ) {
    self.requestLineBytes = requestLineBytes
    self.headerBytes = headerBytes
    self.headerCount = headerCount
    self.bodyBytes = bodyBytes
  }
}
