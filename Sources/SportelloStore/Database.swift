import CSQLite
import Foundation

/// A connection to one SQLite database file: the thin, safe wrapper the store is built on.
///
/// Opening sets the connection up for a busy service: write-ahead logging, a busy timeout,
/// foreign keys on, and `synchronous=NORMAL`. In WAL mode `NORMAL` syncs the log only at
/// checkpoints: a committed transaction survives a crash or `SIGKILL` of the process (the
/// log is in the operating system's cache), but the last transactions before a power loss or
/// a kernel crash may be lost. That trade buys several times the write rate of `FULL`; set
/// ``Options/synchronousFull`` where power loss must lose nothing.
///
/// SQL is always a constant with `?` parameters, and values are bound, never spliced. The
/// connection serializes its own use with a lock, so one instance may be shared by threads;
/// several instances (or processes) on the same file coordinate through SQLite's locks,
/// waiting up to the busy timeout, and writers take the write lock at `BEGIN IMMEDIATE` so
/// that a busy database waits instead of failing.
///
///     let database = try Database(path: ".sportello/sportello.db")
///     try database.transaction {
///       try database.execute("UPDATE tickets SET status = ? WHERE id = ?", ["closed", 7])
///     }
public final class Database: @unchecked Sendable {
  // Safe as @unchecked Sendable: the SQLite handle and the statement cache are only used while
  // holding `lock` (a recursive lock, so a transaction's body can run statements).

  /// How a connection is opened.
  public struct Options: Sendable {
    /// How long a statement waits for another connection's lock before failing.
    public var busyTimeout: TimeInterval = 10
    /// Use `synchronous=FULL` (survives power loss, slower) instead of `NORMAL`.
    public var synchronousFull = false
    /// Open without write access (no migrations, no journal-mode change).
    public var isReadOnly = false

    /// The defaults: 10 s busy timeout, `synchronous=NORMAL`, read-write.
    public init() {}
  }

  /// The path of the database file.
  public let path: String

  private let handle: OpaquePointer
  private let lock = NSRecursiveLock()
  private var statements: [String: PreparedStatement] = [:]
  private var transactionDepth = 0

  /// A statement compiled once and kept for the connection's life, with its column names
  /// read once (every row of every run shares the same array).
  private struct PreparedStatement {
    let handle: OpaquePointer
    let columns: [String]
  }

  /// Opens (creating when needed) the database at `path`.
  ///
  /// The file is only read until ``prepare(migrations:)`` or a statement writes to it.
  ///
  /// - Throws: ``StoreError/cannotOpen(path:reason:)``.
  public init(path: String, options: Options = Options()) throws {
    var pointer: OpaquePointer?
    let flags =
      (options.isReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
      | SQLITE_OPEN_NOMUTEX
    let status = sqlite3_open_v2(path, &pointer, flags, nil)
    guard status == SQLITE_OK, let pointer else {
      let reason = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(pointer)
      throw StoreError.cannotOpen(path: path, reason: reason)
    }
    self.path = path
    self.handle = pointer
    sqlite3_extended_result_codes(pointer, 1)
    sqlite3_busy_timeout(pointer, Int32(options.busyTimeout * 1000))
    do {
      try execute("PRAGMA foreign_keys = ON")
      try execute(
        options.synchronousFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
    } catch {
      sqlite3_close_v2(pointer)
      throw error
    }
  }

  deinit {
    for statement in statements.values { sqlite3_finalize(statement.handle) }
    sqlite3_close_v2(handle)
  }

  /// Switches the file to write-ahead logging (a persistent setting of the file).
  ///
  /// - Throws: ``StoreError`` when SQLite refuses.
  public func enableWriteAheadLog() throws {
    let mode = try queryOne("PRAGMA journal_mode = WAL").flatMap {
      try $0.optionalString("journal_mode")
    }
    if mode?.lowercased() != "wal", path != ":memory:", !path.isEmpty {
      throw StoreError.cannotOpen(
        path: path, reason: "cannot enable WAL (journal mode '\(mode ?? "")')")
    }
  }

  /// Runs one statement that returns no rows.
  ///
  /// - Parameters:
  ///   - sql: One SQL statement with `?` placeholders.
  ///   - parameters: The values bound to the placeholders, in order.
  /// - Returns: The number of rows changed.
  /// - Throws: ``StoreError/sqlite(code:extendedCode:message:statement:)``.
  @discardableResult
  public func execute(_ sql: String, _ parameters: [SQLValue] = []) throws -> Int {
    try withLock {
      try run(sql, parameters) { _ in }
      return Int(sqlite3_changes(handle))
    }
  }

  /// Runs statements that take no parameters once, without keeping them compiled.
  ///
  /// For schema changes: a migration's statements run once in the file's life, so caching
  /// them would only hold memory (and `EXPLAIN` could no longer compile them afterwards).
  ///
  /// - Throws: ``StoreError/sqlite(code:extendedCode:message:statement:)``.
  public func executeUncached(_ sql: String) throws {
    try withLock {
      let status = sqlite3_exec(handle, sql, nil, nil, nil)
      guard status == SQLITE_OK else { throw error(status, sql: sql) }
    }
  }

  /// Runs a query and returns every row.
  public func query(_ sql: String, _ parameters: [SQLValue] = []) throws -> [Row] {
    try withLock {
      var rows: [Row] = []
      try run(sql, parameters) { rows.append($0) }
      return rows
    }
  }

  /// Runs a query and returns its first row, or `nil` when there is none.
  public func queryOne(_ sql: String, _ parameters: [SQLValue] = []) throws -> Row? {
    try query(sql, parameters).first
  }

  /// Runs a query and hands each row to `body` as it is read, without collecting them.
  public func forEachRow(
    _ sql: String, _ parameters: [SQLValue] = [], _ body: (Row) throws -> Void
  ) throws {
    try withLock { try run(sql, parameters, body) }
  }

  /// The first column of the first row as an integer, or `nil`.
  public func scalarInt(_ sql: String, _ parameters: [SQLValue] = []) throws -> Int64? {
    guard let row = try queryOne(sql, parameters), let first = row.values.first else { return nil }
    switch first {
    case .integer(let value): return value
    case .real(let value): return Int64(value)
    default: return nil
    }
  }

  /// How SQLite would run `sql`: the `detail` lines of `EXPLAIN QUERY PLAN`, in order.
  ///
  /// The statement's parameters are left unbound; the plan does not depend on them.
  ///
  ///     try database.queryPlan(of: "SELECT * FROM tickets WHERE id = ?")
  ///     // ["SEARCH tickets USING INTEGER PRIMARY KEY (rowid=?)"]
  ///
  /// - Throws: ``StoreError/sqlite(code:extendedCode:message:statement:)`` when `sql` does
  ///   not compile.
  public func queryPlan(of sql: String) throws -> [String] {
    try withLock {
      var pointer: OpaquePointer?
      let explained = "EXPLAIN QUERY PLAN " + sql
      let status = sqlite3_prepare_v2(handle, explained, -1, &pointer, nil)
      guard status == SQLITE_OK, let pointer else { throw error(status, sql: sql) }
      defer { sqlite3_finalize(pointer) }
      var lines: [String] = []
      while true {
        let step = sqlite3_step(pointer)
        if step == SQLITE_DONE { return lines }
        guard step == SQLITE_ROW else { throw error(step, sql: sql) }
        // Columns: id, parent, notused, detail.
        lines.append(sqlite3_column_text(pointer, 3).map { String(cString: $0) } ?? "")
      }
    }
  }

  /// The SQL of every statement this connection has compiled and keeps, in no order.
  ///
  /// Every statement the program runs passes through this cache, so a test can run a
  /// workload and then check how SQLite runs each statement it used.
  public var cachedStatements: [String] { withLock { Array(statements.keys) } }

  /// How many virtual-machine steps the cached statement `sql` has run since it was
  /// compiled, or nil when it is not cached: SQLite's own count of the work a statement
  /// does, for tests that check that a statement's cost does not grow with a table.
  public func virtualMachineSteps(ofCached sql: String) -> Int? {
    withLock {
      statements[sql].map { Int(sqlite3_stmt_status($0.handle, SQLITE_STMTSTATUS_VM_STEP, 0)) }
    }
  }

  /// Finalizes every cached statement (after a migration, whose transforms' statements name
  /// columns that may be gone).
  func forgetCachedStatements() {
    withLock {
      for statement in statements.values { sqlite3_finalize(statement.handle) }
      statements = [:]
    }
  }

  /// The row id of the last row inserted through this connection.
  public var lastInsertedRowID: Int64 { withLock { sqlite3_last_insert_rowid(handle) } }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  ///
  /// Writers use `.immediate` (the default), which takes the write lock at the start and so
  /// waits for other writers through the busy timeout instead of failing halfway. A nested
  /// call joins the outer transaction through a savepoint.
  ///
  /// - Parameters:
  ///   - kind: `.immediate` for writes, `.deferred` for reads.
  ///   - body: The work; its result is returned.
  /// - Throws: Whatever `body` throws, or ``StoreError`` from SQLite.
  public func transaction<T>(
    _ kind: TransactionKind = .immediate, _ body: () throws -> T
  ) throws -> T {
    try withLock {
      if transactionDepth > 0 {
        return try savepoint(body)
      }
      try execute(kind == .immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
      transactionDepth += 1
      defer { transactionDepth -= 1 }
      do {
        let result = try body()
        try execute("COMMIT")
        return result
      } catch {
        if sqlite3_get_autocommit(handle) == 0 { _ = try? execute("ROLLBACK") }
        throw error
      }
    }
  }

  /// The kinds of transaction.
  public enum TransactionKind: Sendable {
    /// Takes the write lock at once (`BEGIN IMMEDIATE`): for every transaction that writes.
    case immediate
    /// Takes locks as statements need them (`BEGIN DEFERRED`): for reads.
    case deferred
  }

  private func savepoint<T>(_ body: () throws -> T) throws -> T {
    try execute("SAVEPOINT nested")
    do {
      let result = try body()
      try execute("RELEASE nested")
      return result
    } catch {
      _ = try? execute("ROLLBACK TO nested")
      _ = try? execute("RELEASE nested")
      throw error
    }
  }

  private func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// Prepares (or reuses) a statement, binds, steps through the rows and resets it.
  ///
  /// Statements are cached by their SQL text: every statement of the hot paths is a
  /// constant, so each is compiled once per connection and only bound and stepped after.
  private func run(_ sql: String, _ parameters: [SQLValue], _ body: (Row) throws -> Void) throws {
    let prepared = try prepared(sql)
    let statement = prepared.handle
    // Every parameter is bound on each run (the count is checked), so there is nothing to
    // clear afterwards; resetting releases the statement's read lock.
    defer { sqlite3_reset(statement) }
    try bind(parameters, to: statement, sql: sql)
    let columnCount = Int32(prepared.columns.count)
    while true {
      let status = sqlite3_step(statement)
      if status == SQLITE_DONE { return }
      guard status == SQLITE_ROW else { throw error(status, sql: sql) }
      var values: [SQLValue] = []
      values.reserveCapacity(Int(columnCount))
      for index in 0..<columnCount {
        values.append(value(of: statement, at: index))
      }
      try body(Row(values: values, columns: prepared.columns))
    }
  }

  private func prepared(_ sql: String) throws -> PreparedStatement {
    if let statement = statements[sql] { return statement }
    var pointer: OpaquePointer?
    let status = sqlite3_prepare_v3(
      handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
    guard status == SQLITE_OK, let pointer else { throw error(status, sql: sql) }
    let columns = (0..<sqlite3_column_count(pointer)).map {
      String(cString: sqlite3_column_name(pointer, $0))
    }
    let statement = PreparedStatement(handle: pointer, columns: columns)
    statements[sql] = statement
    return statement
  }

  private func bind(_ parameters: [SQLValue], to statement: OpaquePointer, sql: String) throws {
    let expected = Int(sqlite3_bind_parameter_count(statement))
    guard expected == parameters.count else {
      throw StoreError.sqlite(
        code: SQLITE_RANGE, extendedCode: SQLITE_RANGE,
        message: "\(parameters.count) values for \(expected) parameters", statement: sql)
    }
    for (offset, parameter) in parameters.enumerated() {
      let index = Int32(offset + 1)
      let status: Int32
      switch parameter {
      case .null: status = sqlite3_bind_null(statement, index)
      case .integer(let value): status = sqlite3_bind_int64(statement, index, value)
      case .real(let value): status = sqlite3_bind_double(statement, index, value)
      case .text(let value):
        // The string's own UTF-8 storage is handed over (SQLite copies it), saving a copy
        // into a C string; an empty buffer may have no address, and NULL would bind NULL.
        var text = value
        status = text.withUTF8 { buffer in
          guard let address = buffer.baseAddress, !buffer.isEmpty else {
            return sqlite3_bind_text(statement, index, "", 0, Self.transient)
          }
          let characters = UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self)
          return sqlite3_bind_text(
            statement, index, characters, Int32(buffer.count), Self.transient)
        }
      case .blob(let bytes):
        status = bytes.withUnsafeBytes { buffer in
          // As for text: no address would bind NULL instead of an empty blob.
          guard let address = buffer.baseAddress, !buffer.isEmpty else {
            return sqlite3_bind_zeroblob(statement, index, 0)
          }
          return sqlite3_bind_blob(statement, index, address, Int32(buffer.count), Self.transient)
        }
      }
      guard status == SQLITE_OK else { throw error(status, sql: sql) }
    }
  }

  private func value(of statement: OpaquePointer, at index: Int32) -> SQLValue {
    switch sqlite3_column_type(statement, index) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
    case SQLITE_TEXT:
      let count = Int(sqlite3_column_bytes(statement, index))
      guard let bytes = sqlite3_column_text(statement, index) else { return .text("") }
      let buffer = UnsafeBufferPointer(start: bytes, count: count)
      return .text(String(decoding: buffer, as: UTF8.self))
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(statement, index))
      guard let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
      return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
    default: return .null
    }
  }

  private func error(_ status: Int32, sql: String?) -> StoreError {
    let message = String(cString: sqlite3_errmsg(handle))
    let extended = sqlite3_extended_errcode(handle)
    return .sqlite(code: status & 0xff, extendedCode: extended, message: message, statement: sql)
  }

  /// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
