/// Why the service cannot start, or cannot take a request any more.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An access token without an app secret: webhooks would be accepted unsigned.
  case unsignedProduction
  /// A port outside 1...65535.
  case invalidPort(Int)
  /// The rules cannot be loaded; carries the first diagnostics.
  case rulesUnusable(String)
  /// The database cannot be opened.
  case database(String)
  /// The HTTP server cannot listen.
  case listen(String)
  /// The service is stopping and takes no more writes.
  case stopped

  /// What went wrong, in lower case.
  public var description: String {
    switch self {
    case .unsignedProduction:
      "WHATSAPP_ACCESS_TOKEN is set but WHATSAPP_APP_SECRET is not: refusing to accept "
        + "unsigned webhooks in production"
    case .invalidPort(let port): "invalid port '\(port)': expected 1...65535"
    case .rulesUnusable(let reason): "cannot load the rules: \(reason)"
    case .database(let reason): "cannot open the database: \(reason)"
    case .listen(let reason): "cannot listen: \(reason)"
    case .stopped: "the service is stopping"
    }
  }
}
