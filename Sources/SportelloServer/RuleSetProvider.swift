import Foundation
import SportelloDesk
import SportelloEngine
import SportelloLogging
import SportelloStore

/// Holds the conversation service built on the current rule set, and reloads it.
///
/// The rule set is an immutable value: a reload builds a whole new matcher and
/// service, lints first, and swaps it under a lock only when the rules have no
/// errors, so every request sees one consistent rule set. With errors the old
/// set stays and every diagnostic is logged.
public final class RuleSetProvider: @unchecked Sendable {
  // Safe as @unchecked Sendable: `service` and `fingerprint` are touched only while holding
  // `lock`; the values they hold are immutable.
  private let lock = NSLock()
  private var service: ConversationService
  private var fingerprint: String
  private let directory: URL
  private let store: any DeskStore
  private let logger: Logger

  /// Loads the rules and builds the service.
  ///
  /// - Throws: ``ServiceError/rulesUnusable(_:)`` when the rules have errors.
  public init(directory: URL, store: any DeskStore, logger: Logger) throws {
    self.directory = directory
    self.store = store
    self.logger = logger
    fingerprint = Self.fingerprint(of: directory)
    let result = RuleSet.load(from: directory, now: Date(), checksOverlaps: false)
    guard let ruleSet = result.ruleSet else {
      let errors = result.diagnostics.filter(\.isError)
      for diagnostic in errors {
        logger.error("rules.diagnostic", ["diagnostic": diagnostic.description])
      }
      throw ServiceError.rulesUnusable(
        errors.prefix(3).map(\.description).joined(separator: "; "))
    }
    service = ConversationService(
      store: store, responder: Responder(matcher: Matcher(ruleSet: ruleSet)),
      logger: logger.labeled("desk"))
  }

  /// The service on the current rule set; keep it for the whole of one request.
  public var current: ConversationService {
    lock.withLock { service }
  }

  /// Reloads the rules; keeps the current set when the new one has errors.
  ///
  /// - Parameter reason: Why (`signal`, `change`), for the log.
  /// - Returns: Whether the new set was installed.
  @discardableResult
  public func reload(reason: String) -> Bool {
    let newFingerprint = Self.fingerprint(of: directory)
    let result = RuleSet.load(from: directory, now: Date(), checksOverlaps: false)
    for diagnostic in result.diagnostics {
      let level: Logger.Level = diagnostic.isError ? .error : .warning
      logger.log(level, "rules.diagnostic", ["diagnostic": diagnostic.description])
    }
    guard let ruleSet = result.ruleSet else {
      lock.withLock { fingerprint = newFingerprint }
      logger.error(
        "rules.reload_rejected",
        ["reason": reason, "errors": String(result.diagnostics.filter(\.isError).count)])
      return false
    }
    let fresh = ConversationService(
      store: store, responder: Responder(matcher: Matcher(ruleSet: ruleSet)),
      logger: logger.labeled("desk"))
    lock.withLock {
      service = fresh
      fingerprint = newFingerprint
    }
    logger.info(
      "rules.reloaded",
      ["reason": reason, "version": ruleSet.version, "faqs": String(ruleSet.faqs.count)])
    return true
  }

  /// Reloads when a rule file was added, removed or changed since the last load.
  ///
  /// - Returns: Whether the files had changed.
  @discardableResult
  public func reloadIfChanged() -> Bool {
    let now = Self.fingerprint(of: directory)
    guard now != lock.withLock({ fingerprint }) else { return false }
    reload(reason: "change")
    return true
  }

  /// Every file's path, size and modification time, in path order.
  static func fingerprint(of directory: URL) -> String {
    let manager = FileManager.default
    let paths = (try? manager.subpathsOfDirectory(atPath: directory.path))?.sorted() ?? []
    var parts: [String] = []
    for path in paths {
      let attributes = try? manager.attributesOfItem(
        atPath: directory.appendingPathComponent(path).path)
      let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
      let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      parts.append("\(path)|\(size)|\(modified)")
    }
    return parts.joined(separator: "\n")
  }
}
