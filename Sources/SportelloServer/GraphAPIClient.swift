import Foundation
import SportelloStore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends messages through the WhatsApp Cloud API's send endpoint.
///
/// `POST {base}/{version}/{phone number id}/messages` with `Authorization: Bearer TOKEN` and
/// a JSON body from ``GraphMessageBuilder``. The base URL is configurable so tests point it at
/// a fake Graph API on loopback.
public struct GraphAPIClient: Sendable {
  /// The outcome of one send.
  public enum Outcome: Sendable, Equatable {
    /// Accepted; the provider's id of the (first) message sent.
    case accepted(messageID: String?)
    /// A network error, a 5xx or a 429: worth retrying later.
    case retryable(String)
    /// Another 4xx: retrying cannot help.
    case rejected(String)
  }

  /// The endpoint `{base}/{version}/{phone number id}/messages`.
  public let endpoint: URL
  private let accessToken: String
  private let timeout: TimeInterval

  /// Creates a client.
  ///
  /// - Parameters:
  ///   - baseURL: Such as `https://graph.facebook.com`.
  ///   - version: Such as `v21.0`.
  ///   - phoneNumberID: The business number's Graph API id.
  ///   - accessToken: The bearer token (never logged).
  ///   - timeout: Seconds before a request is abandoned (and retried).
  public init(
    baseURL: URL, version: String, phoneNumberID: String, accessToken: String,
    timeout: TimeInterval = 15
  ) {
    endpoint = baseURL.appendingPathComponent(version).appendingPathComponent(phoneNumberID)
      .appendingPathComponent("messages")
    self.accessToken = accessToken
    self.timeout = timeout
  }

  /// What one attempt at an outbox message did.
  public struct Delivery: Sendable, Equatable {
    /// The outcome; when accepted, the id of the first part this attempt sent.
    public var outcome: Outcome
    /// How many parts are delivered now, the ones of earlier attempts included.
    public var partsSent: Int
    /// The provider's id of the first part this attempt delivered, if any.
    public var firstMessageID: String?
  }

  /// Sends one outbox message (several requests for a long text), stopping at the first
  /// failure.
  ///
  /// - Returns: The outcome; the id of the first message sent when accepted.
  public func send(_ content: OutboundContent, to recipient: String) -> Outcome {
    send(content, to: recipient, skippingParts: 0).outcome
  }

  /// Sends the parts of one outbox message after the first `skippingParts` (delivered by
  /// an earlier attempt), stopping at the first failure, so that a retry never sends the
  /// citizen a part twice.
  public func send(
    _ content: OutboundContent, to recipient: String, skippingParts: Int
  ) -> Delivery {
    var firstID: String?
    let bodies = GraphMessageBuilder.bodies(for: content, to: recipient)
    var sent = min(max(0, skippingParts), bodies.count)
    for body in bodies[sent...] {
      switch post(body) {
      case .accepted(let id):
        if firstID == nil { firstID = id }
        sent += 1
      case let failure:
        return Delivery(outcome: failure, partsSent: sent, firstMessageID: firstID)
      }
    }
    return Delivery(
      outcome: .accepted(messageID: firstID), partsSent: sent, firstMessageID: firstID)
  }

  /// Posts one JSON body.
  public func post(_ body: [String: Any]) -> Outcome {
    guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
    else { return .rejected("cannot encode the message") }
    var request = URLRequest(url: endpoint, timeoutInterval: timeout)
    request.httpMethod = "POST"
    request.httpBody = data
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization")
    let box = ResultBox()
    let done = DispatchSemaphore(value: 0)
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
      box.set(Self.outcome(data: data, response: response, error: error))
      done.signal()
    }
    task.resume()
    if done.wait(timeout: .now() + timeout + 5) == .timedOut {
      task.cancel()
      return .retryable("timed out")
    }
    return box.get() ?? .retryable("no response")
  }

  static func outcome(data: Data?, response: URLResponse?, error: (any Error)?) -> Outcome {
    if let error { return .retryable("network: \(error.localizedDescription)") }
    guard let http = response as? HTTPURLResponse else { return .retryable("no HTTP response") }
    let json = data.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
    let status = http.statusCode
    if (200..<300).contains(status) {
      let messages = json?["messages"] as? [[String: Any]]
      return .accepted(messageID: messages?.first?["id"] as? String)
    }
    var reason = "HTTP \(status)"
    if let error = json?["error"] as? [String: Any] {
      if let code = error["code"] { reason += " code \(code)" }
      if let message = error["message"] as? String { reason += ": \(message.prefix(200))" }
    }
    if status == 429 || status >= 500 { return .retryable(reason) }
    return .rejected(reason)
  }
}

/// A value handed from URLSession's callback thread to the waiting one.
private final class ResultBox: @unchecked Sendable {
  // Safe as @unchecked Sendable: `value` is touched only while holding `lock`.
  private let lock = NSLock()
  private var value: GraphAPIClient.Outcome?

  func set(_ outcome: GraphAPIClient.Outcome) {
    lock.withLock { value = outcome }
  }

  func get() -> GraphAPIClient.Outcome? {
    lock.withLock { value }
  }
}
