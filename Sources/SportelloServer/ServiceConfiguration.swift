import Foundation
import SportelloLogging

/// Everything `sportello serve` is configured with, from flags and the environment.
///
/// Secrets (`appSecret`, `accessToken`, `apiToken`, `verifyToken`) are never logged;
/// ``summary`` says only whether each is set.
public struct ServiceConfiguration: Sendable {
  /// The address to bind.
  public var host = "127.0.0.1"
  /// The port to bind.
  public var port = 8080
  /// The rules directory.
  public var rulesDirectory = "Rules"
  /// The database file.
  public var databasePath = ".sportello/sportello.db"
  /// The least severe level logged.
  public var logLevel = Logger.Level.info
  /// The token Meta's verification GET must carry (`WHATSAPP_VERIFY_TOKEN`).
  public var verifyToken: String?
  /// The app secret that signs webhook bodies (`WHATSAPP_APP_SECRET`).
  public var appSecret: String?
  /// The Graph API bearer token (`WHATSAPP_ACCESS_TOKEN`).
  public var accessToken: String?
  /// The business number's Graph API id (`WHATSAPP_PHONE_NUMBER_ID`).
  public var phoneNumberID: String?
  /// The Graph API's base URL (`WHATSAPP_GRAPH_URL`).
  public var graphURL = URL(string: "https://graph.facebook.com") ?? URL(fileURLWithPath: "/")
  /// The Graph API version (`WHATSAPP_GRAPH_VERSION`).
  public var graphVersion = "v21.0"
  /// The bearer token of `POST /api/messages` (`SPORTELLO_API_TOKEN`); open when `nil`.
  public var apiToken: String?
  /// The first retry delay of a failed send; doubled on each failure up to ``maximumRetryDelay``.
  public var retryBaseDelay: TimeInterval = 2
  /// The longest delay between two attempts.
  public var maximumRetryDelay: TimeInterval = 300
  /// Attempts after which a message that keeps failing is given up.
  public var maximumAttempts = 10
  /// Seconds a claimed outbox message stays reserved to its sender; after a crash it is
  /// claimable again once this has passed.
  public var outboxLease: TimeInterval = 60
  /// Whether each commit is synced to disk (`SPORTELLO_SYNCHRONOUS=full`): a 200 then
  /// survives a power loss too, not only a crash of the process; the default (`normal`)
  /// syncs the log at checkpoints (see `Database`).
  public var synchronousFull = false
  /// Seconds between two checks of the rule files for changes.
  public var rulesCheckInterval: TimeInterval = 2
  /// The HTTP server's workers, timeouts and limits.
  public var http = HTTPSettings()

  /// The HTTP server's tunables (mirrors SportelloHTTP's configuration).
  public struct HTTPSettings: Sendable {
    /// Worker threads.
    public var workerCount = 64
    /// Connections waiting for a worker before 503.
    public var queueCapacity = 256
    /// Seconds for a request to arrive.
    public var readTimeout: TimeInterval = 10
    /// Seconds an idle keep-alive connection is kept.
    public var idleTimeout: TimeInterval = 30
    /// Creates the defaults.
    public init() {}
  }

  /// Creates the defaults: 127.0.0.1:8080, `Rules`, `.sportello/sportello.db`, dry run.
  public init() {}

  /// Reads the `WHATSAPP_*`, `SPORTELLO_API_TOKEN`, `SPORTELLO_DB` and
  /// `SPORTELLO_OUTBOX_LEASE` (seconds) and `SPORTELLO_SYNCHRONOUS` (`full` or `normal`)
  /// variables (empty values count as unset).
  public mutating func apply(environment: [String: String]) {
    func value(_ name: String) -> String? {
      guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty
      else { return nil }
      return text
    }
    verifyToken = value("WHATSAPP_VERIFY_TOKEN") ?? verifyToken
    appSecret = value("WHATSAPP_APP_SECRET") ?? appSecret
    accessToken = value("WHATSAPP_ACCESS_TOKEN") ?? accessToken
    phoneNumberID = value("WHATSAPP_PHONE_NUMBER_ID") ?? phoneNumberID
    if let text = value("WHATSAPP_GRAPH_URL"), let url = URL(string: text) { graphURL = url }
    graphVersion = value("WHATSAPP_GRAPH_VERSION") ?? graphVersion
    apiToken = value("SPORTELLO_API_TOKEN") ?? apiToken
    databasePath = value("SPORTELLO_DB") ?? databasePath
    if let text = value("SPORTELLO_OUTBOX_LEASE"), let seconds = TimeInterval(text), seconds > 0 {
      outboxLease = seconds
    }
    if let text = value("SPORTELLO_SYNCHRONOUS")?.lowercased(), ["full", "normal"].contains(text) {
      synchronousFull = text == "full"
    }
  }

  /// Whether outgoing messages are only logged and kept (no access token or number id).
  public var isDryRun: Bool { accessToken == nil || phoneNumberID == nil }

  /// Checks that the configuration is safe to run.
  ///
  /// - Throws: ``ServiceError/unsignedProduction`` when a real access token is set without
  ///   an app secret: webhook bodies could then not be verified.
  public func validate() throws {
    if accessToken != nil && appSecret == nil { throw ServiceError.unsignedProduction }
    guard (1...65_535).contains(port) || port == 0 else { throw ServiceError.invalidPort(port) }
  }

  /// What the start-up log line says: values that are not secret, and which secrets are set.
  public var summary: [String: String] {
    [
      "host": host, "port": String(port), "rules": rulesDirectory, "db": databasePath,
      "mode": isDryRun ? "dry-run" : "live", "graph": graphURL.absoluteString,
      "app_secret": appSecret == nil ? "unset" : "set",
      "verify_token": verifyToken == nil ? "unset" : "set",
      "api_token": apiToken == nil ? "unset" : "set",
      "synchronous": synchronousFull ? "full" : "normal",
    ]
  }
}
