import Foundation

/// The storage seam: what the store's logic needs from a database, expressed once, with a
/// GRDB/SQLite implementation (the embedded default) and a PostgreSQL one (several instances,
/// one record). SQL is written once in the dialect both accept; `?` marks each argument.
public protocol RecordDatabase: Sendable {
    var kind: RecordDatabaseKind { get }
    /// One transaction that may write: committed when `body` returns, rolled back when it throws.
    func write<T>(_ body: (any RecordTransaction) throws -> T) throws -> T
    /// A read-only transaction: one consistent snapshot.
    func read<T>(_ body: (any RecordTransaction) throws -> T) throws -> T
    /// One INSERT, UPDATE or DELETE that is a whole transaction by itself, committed before it
    /// returns: the database's own single-statement commit, where that saves round trips.
    func writeOne(_ sql: String, _ arguments: [StoreValue]) throws
}

extension RecordDatabase {
    public func writeOne(_ sql: String, _ arguments: [StoreValue]) throws {
        try write { tx in try tx.execute(sql, arguments) }
    }
}

public enum RecordDatabaseKind: String, Sendable {
    case sqlite, postgres
}

/// Statements inside one transaction.
public protocol RecordTransaction {
    var kind: RecordDatabaseKind { get }
    func execute(_ sql: String, _ arguments: [StoreValue]) throws
    func rows(_ sql: String, _ arguments: [StoreValue]) throws -> [StoreRow]
    /// Runs an INSERT, UPDATE or DELETE and says how many rows it changed.
    func changes(_ sql: String, _ arguments: [StoreValue]) throws -> Int
    /// Serializes whoever takes the same lock until this transaction ends: a no-op on SQLite,
    /// whose writers are already one at a time; an advisory lock on PostgreSQL, where two
    /// instances append to one chain.
    func lock(_ lock: RecordLock) throws
}

extension RecordTransaction {
    public func execute(_ sql: String) throws { try execute(sql, []) }
    public func rows(_ sql: String) throws -> [StoreRow] { try rows(sql, []) }
    public func row(_ sql: String, _ arguments: [StoreValue] = []) throws -> StoreRow? { try rows(sql, arguments).first }
}

/// Named locks, each a fixed number for PostgreSQL's advisory locks.
public enum RecordLock: Int64, Sendable {
    case auditChain = 7_201
    case statusSlots = 7_202
}

/// A value bound to or read from a statement.
public enum StoreValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case date(Date)
    case bool(Bool)

    public init(_ value: String?) { self = value.map(StoreValue.text) ?? .null }
    public init(_ value: Int) { self = .integer(Int64(value)) }
    public init(_ value: Date) { self = .date(value) }
    public init(_ value: Date?) { self = value.map(StoreValue.date) ?? .null }
    public init(_ value: Int64?) { self = value.map(StoreValue.integer) ?? .null }
    public init(_ value: Double?) { self = value.map(StoreValue.real) ?? .null }
}

/// A row by column name. Accessors return nil for NULL or a value of another kind.
public struct StoreRow: Sendable {
    public var values: [String: StoreValue]

    public init(_ values: [String: StoreValue]) { self.values = values }

    /// The value of `column`. PostgreSQL folds unquoted identifiers to lower case, so its rows
    /// are found by the lower-case name too; SQL stays written once.
    public subscript(column: String) -> StoreValue? {
        values[column] ?? values[column.lowercased()]
    }

    public func string(_ column: String) -> String? {
        if case .text(let value)? = self[column] { value } else { nil }
    }

    public func int64(_ column: String) -> Int64? {
        switch self[column] {
        case .integer(let value)?: value
        case .real(let value)?: Int64(exactly: value)
        default: nil
        }
    }

    public func double(_ column: String) -> Double? {
        switch self[column] {
        case .real(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    /// Booleans: PostgreSQL's, or SQLite's 0 and 1.
    public func bool(_ column: String) -> Bool? {
        switch self[column] {
        case .bool(let value)?: value
        case .integer(let value)?: value != 0
        default: nil
        }
    }

    public func date(_ column: String) -> Date? {
        switch self[column] {
        case .date(let value)?: value
        // SQLite stores GRDB dates as text; the SQLite backend reads them back as dates, so
        // text here is only a value that never was one.
        default: nil
        }
    }
}

/// Why a statement failed, with the database's own words.
public struct RecordDatabaseError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// SQLSTATE on PostgreSQL (40001 serialization failure, 23505 unique violation…).
    public var code: String?
    /// The connection to the database went away (a restart, a network fault), rather than the
    /// statement being refused.
    public var lostConnection: Bool
    public var description: String { message }

    public init(_ message: String, code: String? = nil, lostConnection: Bool = false) {
        self.message = message
        self.code = code
        self.lostConnection = lostConnection
    }
}
