import Dispatch
import Foundation
import SportelloLogging
import SportelloServer

/// `sportello serve`: the WhatsApp Cloud API webhook service.
struct ServeCommand: Command {
  static let spec = CommandSpec(
    name: "serve",
    abstract: "Run the WhatsApp webhook service.",
    discussion: """
      Listens for Meta's webhook (GET and POST /webhook), records every message in the
      database, answers from the rules and sends the replies through the Graph API.
      Also serves POST /api/messages, GET /healthz and GET /metrics. Put it behind a
      TLS reverse proxy: Meta only calls HTTPS webhooks.

      Secrets come from the environment: WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_GRAPH_URL,
      SPORTELLO_API_TOKEN. Without an access token and a phone number id the service runs
      in dry-run mode: replies are logged and kept in the outbox as not sent. An access
      token without an app secret is refused.

      SIGHUP reloads the rules (so does a change to a rule file, checked every 2 s);
      SIGTERM and SIGINT stop gracefully.
      """,
    options: [
      .option("host", value: "ADDRESS", help: "The address to bind (default: 127.0.0.1)."),
      .option("port", value: "PORT", help: "The port to bind (default: 8080)."),
      DeskCommandSupport.rulesOption,
      DeskCommandSupport.databaseOption,
      .option(
        "log-level", value: "LEVEL",
        help: "trace, debug, info, notice, warning, error or critical (default: info)."),
      .option("workers", value: "N", help: "HTTP worker threads (default: 64)."),
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    var configuration = ServiceConfiguration()
    configuration.apply(environment: ProcessInfo.processInfo.environment)
    if let host = arguments.value("host") { configuration.host = host }
    if let port = try arguments.integer("port", in: 0...65_535) { configuration.port = port }
    if let rules = arguments.value("rules") { configuration.rulesDirectory = rules }
    if let database = arguments.value("db") { configuration.databasePath = database }
    if let workers = try arguments.integer("workers", in: 1...1024) {
      configuration.http.workerCount = workers
    }
    if let name = try arguments.choice(
      "log-level", of: Logger.Level.allCases.map(\.description))
    {
      configuration.logLevel = Logger.Level(name: name) ?? .info
    }
    let logger = Logger(label: "server", level: configuration.logLevel, sink: StandardErrorSink())
    let service: WebhookService
    do {
      service = try WebhookService(configuration: configuration, logger: logger)
      try service.start()
    } catch let error as ServiceError {
      throw CommandFailure(error.description)
    }
    waitForTermination(reloading: service)
    service.shutdown()
    return ExitStatus.success
  }

  /// Blocks until SIGTERM or SIGINT; SIGHUP reloads the rules meanwhile.
  private static func waitForTermination(reloading service: WebhookService) {
    let stop = DispatchSemaphore(value: 0)
    let queue = DispatchQueue(label: "sportello.signals")
    var sources: [any DispatchSourceSignal] = []
    for number in [SIGTERM, SIGINT, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        if number == SIGHUP {
          service.reloadRules()
        } else {
          stop.signal()
        }
      }
      source.resume()
      sources.append(source)
    }
    stop.wait()
    sources.forEach { $0.cancel() }
  }
}
