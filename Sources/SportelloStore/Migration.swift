/// One step of the schema's history: a version number and the steps that reach it.
///
/// Migrations are applied in order, each version once, all pending ones in one transaction at
/// start-up; the database's `user_version` records the last one applied.
public struct Migration: Sendable {
  /// One step of a migration: a SQL statement, or Swift code for data that SQL cannot
  /// convert by itself (such as JSON written by an earlier version).
  public enum Step: Sendable {
    /// A constant SQL statement (no values are spliced in).
    case sql(String)
    /// Code run on the migrating connection, inside the migration's transaction.
    case transform(@Sendable (Database) throws -> Void)
  }

  /// The schema version this migration produces (1, 2, ...).
  public var version: Int

  /// What it changes, for people reading the history.
  public var summary: String

  /// The steps, run in order.
  public var steps: [Step]

  /// Creates a migration of SQL statements only.
  public init(version: Int, summary: String, statements: [String]) {
    self.init(version: version, summary: summary, steps: statements.map(Step.sql))
  }

  /// Creates a migration of SQL statements and transforms.
  public init(version: Int, summary: String, steps: [Step]) {
    self.version = version
    self.summary = summary
    self.steps = steps
  }
}

extension Database {
  /// The schema version recorded in the file (`PRAGMA user_version`).
  public func schemaVersion() throws -> Int {
    Int(try scalarInt("PRAGMA user_version") ?? 0)
  }

  /// Brings the schema up to date, or refuses a database that is newer than `migrations`.
  ///
  /// A database whose version is newer than the last migration is refused before anything
  /// is written to it (not even the switch to write-ahead logging). Otherwise the file is
  /// switched to WAL and every missing migration is applied in one `BEGIN IMMEDIATE`
  /// transaction, so two processes starting together apply each migration once.
  ///
  /// - Parameter migrations: The schema's history, in ascending version order.
  /// - Returns: The versions applied now (empty when the schema was current).
  /// - Throws: ``StoreError/newerSchema(path:found:supported:)`` or a SQLite error.
  @discardableResult
  public func prepare(migrations: [Migration]) throws -> [Int] {
    let supported = migrations.map(\.version).max() ?? 0
    let found = try schemaVersion()
    guard found <= supported else {
      throw StoreError.newerSchema(path: path, found: found, supported: supported)
    }
    try enableWriteAheadLog()
    return try transaction {
      let current = try schemaVersion()
      guard current <= supported else {
        throw StoreError.newerSchema(path: path, found: current, supported: supported)
      }
      var applied: [Int] = []
      for migration in migrations.sorted(by: { $0.version < $1.version })
      where migration.version > current {
        for step in migration.steps {
          switch step {
          case .sql(let statement): try executeUncached(statement)
          case .transform(let body): try body(self)
          }
        }
        applied.append(migration.version)
      }
      if let last = applied.last {
        // PRAGMA takes no bound parameters; the value is an integer from our own constants.
        try executeUncached("PRAGMA user_version = \(last)")
        forgetCachedStatements()
      }
      return applied
    }
  }
}
