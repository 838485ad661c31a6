import Foundation
import SportelloStore

/// Sends a message to every active subscriber of the "Unico online" list, once each.
///
/// A broadcast is idempotent per id: running it again enqueues nothing for citizens who
/// already have it (and reaches only those who subscribed since). Messages are only enqueued;
/// the outbox sender delivers them no faster than the rate stored with each message.
/// WhatsApp delivers free text only within 24 hours of the citizen's last message, so a real
/// broadcast is a template with parameters; plain text is for tests and other channels.
///
///     let closure = BroadcastRequest(
///       id: "chiusura-2026-12-24", content: .text("Il 24/12 lo Sportello è chiuso."))
///     let result = try Broadcaster(store: store).send(closure, at: Date())
public struct Broadcaster: Sendable {
  /// The store.
  public let store: any DeskStore

  /// Creates a broadcaster.
  public init(store: any DeskStore) { self.store = store }

  /// Enqueues the broadcast for every active subscriber (only counts with `dryRun`).
  ///
  /// - Throws: ``DeskError/emptyText`` or ``DeskError/broadcastChanged(id:)`` when the id was
  ///   used for other content.
  public func send(_ request: BroadcastRequest, dryRun: Bool = false, at: Date) throws
    -> BroadcastResult
  {
    guard !request.content.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw DeskError.emptyText
    }
    let work = { (transaction: any DeskTransaction) throws -> BroadcastResult in
      let subscribers = try transaction.activeSubscribers()
      if dryRun {
        return BroadcastResult(id: request.id, recipients: subscribers.count, enqueued: 0)
      }
      let stored = try transaction.createBroadcast(
        Broadcast(
          id: request.id, content: request.content, ratePerSecond: request.ratePerSecond,
          createdAt: at))
      guard stored.content == request.content else {
        throw DeskError.broadcastChanged(id: request.id)
      }
      var enqueued = 0
      for subscriber in subscribers {
        // Spread out at the broadcast's rate, so that the sender finds them due one by one;
        // the sender also holds to the rate when they fall due together (after a stop).
        let slot = at.addingTimeInterval(Double(enqueued) / max(stored.ratePerSecond, 0.001))
        let id = try transaction.enqueueOutbound(
          NewOutboundMessage(
            citizenID: subscriber.citizenID, channel: subscriber.channel, content: stored.content,
            broadcastID: stored.id, ratePerSecond: stored.ratePerSecond, createdAt: at,
            notBefore: slot))
        if id != nil { enqueued += 1 }
      }
      return BroadcastResult(id: request.id, recipients: subscribers.count, enqueued: enqueued)
    }
    return dryRun ? try store.read(work) : try store.write(work)
  }
}

/// A broadcast to send.
public struct BroadcastRequest: Sendable, Equatable {
  /// The id that makes it idempotent.
  public var id: String
  /// `.text` or `.template`.
  public var content: OutboundContent
  /// The highest sending rate, messages per second (default 20).
  public var ratePerSecond: Double

  /// Creates a request.
  public init(id: String, content: OutboundContent, ratePerSecond: Double = 20) {
    self.id = id
    self.content = content
    self.ratePerSecond = ratePerSecond
  }

  /// A stable id derived from the content, for broadcasts sent without `--id`: running the
  /// same command twice is then still idempotent.
  public static func derivedID(for content: OutboundContent) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in "\(content.kindName)\u{1f}\(content.text)".utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    if case .template(let name, let parameters, _) = content {
      for byte in ([name] + parameters).joined(separator: "\u{1f}").utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    return "b-" + String(hash, radix: 16)
  }
}

/// What a broadcast did.
public struct BroadcastResult: Sendable, Equatable, Codable {
  /// The broadcast's id.
  public var id: String
  /// The active subscribers now.
  public var recipients: Int
  /// Messages enqueued by this run (0 when every recipient already has it).
  public var enqueued: Int
}
