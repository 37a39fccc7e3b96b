import Foundation
import GRDB

/// The embedded default: GRDB over SQLite (WAL, one writer at a time).
public struct SQLiteRecordDatabase: RecordDatabase {
    let writer: any DatabaseWriter
    /// Columns that hold dates, read back as dates (SQLite has no date type; GRDB writes text).
    let dateColumns: Set<String>

    public init(writer: any DatabaseWriter, dateColumns: Set<String> = RecordSchema.dateColumns) {
        self.writer = writer
        self.dateColumns = dateColumns
    }

    public var kind: RecordDatabaseKind { .sqlite }

    public func write<T>(_ body: (any RecordTransaction) throws -> T) throws -> T {
        try writer.write { db in try body(GRDBTransaction(db: db, dateColumns: dateColumns)) }
    }

    public func read<T>(_ body: (any RecordTransaction) throws -> T) throws -> T {
        try writer.read { db in try body(GRDBTransaction(db: db, dateColumns: dateColumns)) }
    }
}

/// A GRDB database connection inside one of its transactions, as a `RecordTransaction`, so code
/// still written against GRDB can call code written against the seam.
public struct GRDBTransaction: RecordTransaction {
    let db: Database
    let dateColumns: Set<String>

    public init(db: Database, dateColumns: Set<String> = RecordSchema.dateColumns) {
        self.db = db
        self.dateColumns = dateColumns
    }

    public var kind: RecordDatabaseKind { .sqlite }

    public func execute(_ sql: String, _ arguments: [StoreValue]) throws {
        try db.execute(sql: sql, arguments: StatementArguments(arguments.map(Self.databaseValue)))
    }

    public func rows(_ sql: String, _ arguments: [StoreValue]) throws -> [StoreRow] {
        try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(Self.databaseValue))).map { row in
            var values: [String: StoreValue] = [:]
            for (column, value) in row {
                values[column] = storeValue(value, column: column)
            }
            return StoreRow(values)
        }
    }

    public func changes(_ sql: String, _ arguments: [StoreValue]) throws -> Int {
        try execute(sql, arguments)
        return db.changesCount
    }

    public func lock(_ lock: RecordLock) throws {}

    static func databaseValue(_ value: StoreValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .date(let date): date.databaseValue
        case .bool(let flag): flag.databaseValue
        }
    }

    func storeValue(_ value: DatabaseValue, column: String) -> StoreValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text):
            if dateColumns.contains(column), let date = Date.fromDatabaseValue(value) { return .date(date) }
            return .text(text)
        case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
        }
    }
}
