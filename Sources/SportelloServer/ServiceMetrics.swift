import Foundation

/// The service's counters and the decision-latency histogram, rendered for Prometheus.
public final class ServiceMetrics: @unchecked Sendable {
  // Safe as @unchecked Sendable: every stored variable is touched only while holding `lock`.
  private let lock = NSLock()
  private var counters: [Counter: Int] = [:]
  private var bucketCounts: [Int]
  private var latencySum = 0.0
  private var latencyCount = 0

  /// The upper bounds of the decision-latency buckets, in seconds.
  public static let latencyBuckets: [Double] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
  ]

  /// What is counted.
  public enum Counter: String, CaseIterable, Sendable {
    /// New inbound messages recorded.
    case received = "sportello_messages_received_total"
    /// Messages the bot answered.
    case answered = "sportello_messages_answered_total"
    /// Messages answered with "which one?".
    case asked = "sportello_messages_asked_total"
    /// Messages handed over to a person.
    case handedOver = "sportello_messages_handed_over_total"
    /// Messages that joined a ticket a person holds.
    case heldForStaff = "sportello_messages_held_for_staff_total"
    /// Redeliveries of messages already recorded.
    case duplicates = "sportello_duplicates_dropped_total"
    /// Webhook POSTs refused for a missing, malformed or wrong signature.
    case signatureFailures = "sportello_signature_failures_total"
    /// Delivery reports recorded.
    case statuses = "sportello_delivery_reports_total"
    /// Failed send attempts (each retry counts).
    case outboxFailures = "sportello_outbox_failures_total"
    /// Messages accepted by the Graph API.
    case outboxSent = "sportello_outbox_sent_total"
    /// Messages kept unsent in dry-run mode.
    case outboxDryRun = "sportello_outbox_dry_run_total"

    var help: String {
      switch self {
      case .received: "Inbound messages recorded (duplicates excluded)."
      case .answered: "Inbound messages answered by the bot."
      case .asked: "Inbound messages answered with a which-one question."
      case .handedOver: "Inbound messages handed over to a person."
      case .heldForStaff: "Inbound messages filed under a ticket a person holds."
      case .duplicates: "Redelivered inbound messages dropped."
      case .signatureFailures: "Webhook requests refused for their signature."
      case .statuses: "Delivery reports received."
      case .outboxFailures: "Failed attempts to send an outbox message."
      case .outboxSent: "Outbox messages accepted by the Graph API."
      case .outboxDryRun: "Outbox messages kept unsent in dry-run mode."
      }
    }
  }

  /// Creates zeroed metrics.
  public init() {
    bucketCounts = Array(repeating: 0, count: Self.latencyBuckets.count)
  }

  /// Adds `amount` to a counter.
  public func increment(_ counter: Counter, by amount: Int = 1) {
    lock.withLock { counters[counter, default: 0] += amount }
  }

  /// A counter's value.
  public func value(_ counter: Counter) -> Int {
    lock.withLock { counters[counter, default: 0] }
  }

  /// Records how long one decision took.
  public func observeDecision(seconds: Double) {
    lock.withLock {
      latencySum += seconds
      latencyCount += 1
      if let index = Self.latencyBuckets.firstIndex(where: { seconds <= $0 }) {
        bucketCounts[index] += 1
      }
    }
  }

  /// The Prometheus text exposition (format 0.0.4) of every metric, with the gauges given.
  ///
  /// - Parameter gauges: Extra gauges read at scrape time (name, help, value), such as the
  ///   outbox backlog.
  public func render(gauges: [(name: String, help: String, value: Double)]) -> String {
    lock.lock()
    defer { lock.unlock() }
    var text = ""
    for counter in Counter.allCases {
      text += "# HELP \(counter.rawValue) \(counter.help)\n"
      text += "# TYPE \(counter.rawValue) counter\n"
      text += "\(counter.rawValue) \(counters[counter, default: 0])\n"
    }
    for gauge in gauges {
      text += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n"
      text += "\(gauge.name) \(Self.number(gauge.value))\n"
    }
    let name = "sportello_decision_seconds"
    text += "# HELP \(name) Time to decide and enqueue the reply to one message.\n"
    text += "# TYPE \(name) histogram\n"
    var cumulative = 0
    for (bound, count) in zip(Self.latencyBuckets, bucketCounts) {
      cumulative += count
      text += "\(name)_bucket{le=\"\(Self.number(bound))\"} \(cumulative)\n"
    }
    text += "\(name)_bucket{le=\"+Inf\"} \(latencyCount)\n"
    text += "\(name)_sum \(Self.number(latencySum))\n"
    text += "\(name)_count \(latencyCount)\n"
    return text
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
