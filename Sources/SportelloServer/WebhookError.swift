/// What can go wrong between Meta's webhook and the desk.
public enum WebhookError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The body is not a webhook payload (400).
  case malformedPayload(String)

  /// What went wrong, in lower case.
  public var description: String {
    switch self {
    case .malformedPayload(let reason): "malformed webhook payload: \(reason)"
    }
  }
}
