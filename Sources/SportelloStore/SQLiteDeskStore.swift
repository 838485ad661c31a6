import Foundation

/// The desk's storage on one SQLite file (see ``Database`` for the durability settings).
///
///     let store = try SQLiteDeskStore(path: ".sportello/sportello.db")
///     let pending = try store.read { try $0.pendingInboundCount() }
public struct SQLiteDeskStore: DeskStore {
  /// The connection every transaction runs on.
  public let database: Database

  /// Opens the database at `path`, creating it and bringing its schema up to date.
  ///
  /// - Throws: ``StoreError/newerSchema(path:found:supported:)`` for a database written by a
  ///   newer sportello (left untouched), or another ``StoreError``.
  public init(path: String, options: Database.Options = Database.Options()) throws {
    database = try Database(path: path, options: options)
    try database.prepare(migrations: DeskSchema.migrations)
  }

  /// A private database in memory, for trying the desk out; gone when released.
  public static func inMemory() throws -> SQLiteDeskStore {
    try SQLiteDeskStore(path: ":memory:")
  }

  /// Runs `body` in a `BEGIN IMMEDIATE` transaction.
  public func write<T>(_ body: (any DeskTransaction) throws -> T) throws -> T {
    try database.transaction(.immediate) { try body(SQLiteDeskTransaction(database: database)) }
  }

  /// Runs `body` in a deferred (read) transaction.
  public func read<T>(_ body: (any DeskTransaction) throws -> T) throws -> T {
    try database.transaction(.deferred) { try body(SQLiteDeskTransaction(database: database)) }
  }
}

/// The SQLite implementation of ``DeskTransaction``: valid only inside the transaction.
struct SQLiteDeskTransaction: DeskTransaction {
  let database: Database
}
