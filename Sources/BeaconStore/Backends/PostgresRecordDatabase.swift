import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The store on PostgreSQL through postgres-nio, for several `beacon serve` instances sharing one
/// record. Callers are synchronous (the player's threads, commands), so each statement waits for
/// its future on the calling thread; postgres-nio's own event loops do the I/O.
public final class PostgresRecordDatabase: RecordDatabase, Sendable {
    public let url: String
    private let configuration: PostgresConnection.Configuration
    /// Tests give each run a schema of its own; nil uses the role's default search path.
    private let schema: String?
    private let idle = Mutex<[PostgresConnection]>([])
    private let maxIdle = 16
    private let logger = Logger(label: "beacon.postgres")
    private let nextID = Atomic<Int>(1)
    /// Serialization failures and deadlocks are retried this many times, then reported.
    let maxAttempts = 5

    /// `postgres://user[:password]@host[:port]/database[?sslmode=require]`. `reconnectWindow`:
    /// how long a transaction keeps trying to reach a database that went away (restarted,
    /// failed over) before it reports the database unreachable.
    public init(url: String, schema: String? = nil, reconnectWindow: TimeInterval = 10) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""), let host = parts.host, !host.isEmpty else {
            throw RecordDatabaseError("\(Self.redacted(url)) is not a PostgreSQL URL (postgres://user@host:5432/database)")
        }
        let database = String(parts.path.dropFirst())
        guard !database.isEmpty else { throw RecordDatabaseError("\(Self.redacted(url)) names no database (…/database at the end)") }
        let tls: PostgresConnection.Configuration.TLS
        if parts.queryItems?.first(where: { $0.name == "sslmode" })?.value == "require" {
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        } else {
            tls = .disable
        }
        self.url = url
        self.schema = schema
        self.reconnectWindow = reconnectWindow
        configuration = PostgresConnection.Configuration(
            host: host, port: parts.port ?? 5432, username: parts.user ?? "beacon", password: parts.password, database: database, tls: tls
        )
    }

    deinit {
        for connection in idle.withLock({ $0 }) { Self.close(connection) }
    }

    public var kind: RecordDatabaseKind { .postgres }

    /// The future-returning close (the async one would need a task). The connection is kept
    /// alive until it has closed: postgres-nio traps if one is freed while open.
    private static func close(_ connection: PostgresConnection) {
        let future: EventLoopFuture<Void> = connection.close()
        future.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// The URL without its password, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = nil
        return (parts.string ?? "a PostgreSQL URL") + " (password not shown)"
    }

    public func write<T>(_ body: (any RecordTransaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", body)
    }

    public func read<T>(_ body: (any RecordTransaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN READ ONLY", body)
    }

    let reconnectWindow: TimeInterval

    /// The same database through connections of its own, as another instance would have.
    public func fresh() throws -> PostgresRecordDatabase {
        try PostgresRecordDatabase(url: url, schema: schema, reconnectWindow: reconnectWindow)
    }

    /// Waiting for a database that went away: growing pauses, until `reconnectWindow` has passed.
    private struct Reconnect {
        let started = Date()
        let window: TimeInterval
        var pause: TimeInterval = 0.05

        /// Pauses and says true while there is time left to try again.
        mutating func wait() -> Bool {
            guard Date().timeIntervalSince(started) < window else { return false }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 1)
            return true
        }
    }

    /// A connection, waiting out a database that cannot be reached for a while.
    private func acquire(_ reconnect: inout Reconnect) throws -> PostgresConnection {
        while true {
            do {
                return try acquire()
            } catch let error as RecordDatabaseError where error.lostConnection {
                guard reconnect.wait() else { throw error }
            }
        }
    }

    private func transaction<T>(begin: String, _ body: (any RecordTransaction) throws -> T) throws -> T {
        var attempt = 1
        var reconnect = Reconnect(window: reconnectWindow)
        while true {
            var committing = false
            let connection = try acquire(&reconnect)
            let transaction = PostgresTransaction(connection: connection, logger: logger)
            do {
                transaction.send(begin)
                let result = try body(transaction)
                committing = true
                try transaction.execute("COMMIT")
                release(connection)
                return result
            } catch let error as RecordDatabaseError {
                _ = try? transaction.execute("ROLLBACK")
                release(connection)
                if error.lostConnection {
                    // Every pooled connection went with the server; start afresh.
                    dropIdle()
                    // Lost before COMMIT was sent: the server rolled the transaction back, so it
                    // can run again. Lost during COMMIT: it may or may not have been kept, so
                    // it is reported, never repeated (nothing is acknowledged twice).
                    guard !committing else {
                        throw RecordDatabaseError("the connection to the database was lost while saving, so whether this change was kept is not known; look before repeating it (\(error.message))", code: error.code, lostConnection: true)
                    }
                    guard reconnect.wait() else { throw error }
                    continue
                }
                // 40001 serialization failure, 40P01 deadlock: the transaction can simply run again.
                guard ["40001", "40P01"].contains(error.code ?? ""), attempt < maxAttempts else { throw error }
                attempt += 1
            } catch {
                _ = try? transaction.execute("ROLLBACK")
                release(connection)
                throw error
            }
        }
    }

    /// The statement in autocommit: PostgreSQL commits it, durably, before it answers; one round
    /// trip where BEGIN, statement and COMMIT take two. For an INSERT whose key makes a repeat a
    /// unique violation (an answer: attempt and question): a connection lost on the way is
    /// retried, and a repeat refused as a duplicate means the lost one had been kept.
    public func writeOne(_ sql: String, _ arguments: [StoreValue]) throws {
        var reconnect = Reconnect(window: reconnectWindow)
        var unknown = false
        while true {
            let connection = try acquire(&reconnect)
            do {
                try PostgresTransaction(connection: connection, logger: logger).execute(sql, arguments)
                release(connection)
                return
            } catch let error as RecordDatabaseError {
                release(connection)
                if unknown, error.code == "23505" { return }
                guard error.lostConnection else { throw error }
                unknown = true
                dropIdle()
                guard reconnect.wait() else { throw error }
            }
        }
    }

    private func dropIdle() {
        for connection in idle.withLock({ list in defer { list.removeAll() }; return list }) { Self.close(connection) }
    }

    /// Whether the database answers now, for `/healthz`: one round trip, no retries.
    public func ping() -> String? {
        do {
            let connection = try acquire()
            defer { release(connection) }
            _ = try PostgresTransaction(connection: connection, logger: logger).rows("SELECT 1 AS one")
            return nil
        } catch let error as RecordDatabaseError {
            if error.lostConnection { dropIdle() }
            return error.message
        } catch {
            return "\(error)"
        }
    }

    private func acquire() throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        do {
            let id = nextID.add(1, ordering: .relaxed).newValue
            // Connecting to a server that is starting up can go unanswered too: bounded the same way.
            let loop = MultiThreadedEventLoopGroup.singleton.any()
            let promise = loop.makePromise(of: PostgresConnection.self)
            let connecting = PostgresConnection.connect(on: loop, configuration: configuration, id: id, logger: logger)
            connecting.cascade(to: promise)
            let limit = loop.scheduleTask(in: PostgresTransaction.statementLimit) {
                promise.fail(RecordDatabaseError("no answer from the server within \(PostgresTransaction.statementLimit.nanoseconds / 1_000_000_000) s", lostConnection: true))
                // A connection that arrives after all is closed, not leaked.
                connecting.whenSuccess { PostgresTransaction.closeQuietly($0) }
            }
            defer { limit.cancel() }
            let connection = try promise.futureResult.wait()
            if let schema {
                _ = try connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"), logger: logger).wait()
            }
            return connection
        } catch {
            let code = (error as? PSQLError)?.serverInfo?[.sqlState]
            // A refused or dropped connection may come back (a restart); a refused login or a
            // missing database will not.
            let transient = code == nil || code!.hasPrefix("57P") || code!.hasPrefix("08")
            throw RecordDatabaseError(
                "cannot reach the database at \(Self.redacted(url)): \(PostgresTransaction.describe(error)); is PostgreSQL running there, and does BEACON_DATABASE_URL name it?",
                code: code, lostConnection: transient
            )
        }
    }

    private func release(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        let kept = idle.withLock { list -> Bool in
            guard list.count < maxIdle else { return false }
            list.append(connection)
            return true
        }
        if !kept { Self.close(connection) }
    }
}

/// One connection inside `BEGIN … COMMIT`.
struct PostgresTransaction: RecordTransaction {
    let connection: PostgresConnection
    let logger: Logger
    /// BEGIN is sent without waiting and its answer read with the first statement's: one round
    /// trip fewer for every transaction (a connection answers in the order it was asked).
    private let sent = Sent()

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    private final class Sent {
        var begin: EventLoopFuture<PostgresQueryResult>?
    }

    func send(_ sql: String) {
        sent.begin = connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    var kind: RecordDatabaseKind { .postgres }

    func execute(_ sql: String, _ arguments: [StoreValue]) throws {
        _ = try run(sql, arguments)
    }

    func rows(_ sql: String, _ arguments: [StoreValue]) throws -> [StoreRow] {
        try run(sql, arguments).rows.map { row in
            var values: [String: StoreValue] = [:]
            for cell in row { values[cell.columnName] = Self.value(cell) }
            return StoreRow(values)
        }
    }

    func changes(_ sql: String, _ arguments: [StoreValue]) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func lock(_ lock: RecordLock) throws {
        try execute("SELECT pg_advisory_xact_lock(?)", [.integer(lock.rawValue)])
    }

    private func run(_ sql: String, _ arguments: [StoreValue]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        do {
            for argument in arguments {
                switch argument {
                case .null: bindings.appendNull()
                case .integer(let number): bindings.append(number)
                case .real(let number): bindings.append(number)
                case .text(let text): bindings.append(text)
                case .date(let date): bindings.append(date)
                case .bool(let flag): bindings.append(flag)
                }
            }
            // A statement that gets no answer (a server that vanished without closing the
            // socket) must not hold a trainee's session forever: after `statementLimit` the
            // connection is closed, which fails the statement as a lost connection.
            let query = connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings), logger: logger)
            let connection = connection
            let limit = connection.eventLoop.scheduleTask(in: Self.statementLimit) { Self.closeQuietly(connection) }
            defer { limit.cancel() }
            if let begin = sent.begin {
                sent.begin = nil
                _ = try begin.wait()
            }
            return try query.wait()
        } catch {
            let psql = error as? PSQLError
            let code = psql?.serverInfo?[.sqlState]
            // The server went away (restart, crash, network): 57P01–57P03 are its shutdown
            // notices, 08xxx connection failures; without a server reply, the socket closed.
            let lost = code.map { $0.hasPrefix("57P") || $0.hasPrefix("08") }
                ?? psql.map { [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown].contains($0.code) } ?? true
            throw RecordDatabaseError(Self.describe(error), code: code, lostConnection: lost)
        }
    }

    /// Longest a statement may go unanswered. Generous: an advisory lock queue under load is
    /// seconds at most; silence past this is a server that is gone.
    static let statementLimit: TimeAmount = .seconds(10)

    static func closeQuietly(_ connection: PostgresConnection) {
        let future: EventLoopFuture<Void> = connection.close()
        future.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// `?` placeholders as PostgreSQL's `$1, $2, …`, leaving quoted text and identifiers alone.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func value(_ cell: PostgresCell) -> StoreValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(StoreValue.integer) ?? .null
        case .float4, .float8, .numeric: return (try? cell.decode(Double.self)).map(StoreValue.real) ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map(StoreValue.bool) ?? .null
        case .timestamptz, .timestamp: return (try? cell.decode(Date.self)).map(StoreValue.date) ?? .null
        default: return (try? cell.decode(String.self)).map(StoreValue.text) ?? .null
        }
    }
}
