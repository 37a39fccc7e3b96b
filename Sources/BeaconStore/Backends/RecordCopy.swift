import Foundation

/// Moves a record from one backend to another (an organisation outgrowing SQLite): every table,
/// row for row, in one transaction on the target, then a check that the copy holds what the
/// source holds. Ids, sequence numbers and the audit chain are kept exactly, so `audit verify`
/// and every issued credential still check out on the copy.
public enum RecordCopy {
    /// Tables in an order that satisfies their references (a cohort before its trainees, an
    /// attempt before its answers).
    public static let tables = [
        "setting", "cohort", "trainee", "enrolment", "lessonProgress", "quizAttempt", "quizResponse",
        "roleplayRun", "roleplayStep", "enrolmentCode", "traineeKey", "credential", "auditLog",
        "person", "staffCode", "staffKey", "supervision", "facilitation", "programVersion", "liveSession", "attendance", "workHours", "attestation", "observation", "referenceReceived", "ceClaim", "retraining", "attemptGrant",
        "webLogin", "webSession", "webThrottle",
    ]
    /// Columns whose SQLite 0 and 1 are PostgreSQL booleans.
    static let booleanColumns: Set<String> = ["passed", "shared"]
    /// Serial columns whose sequence must continue after the copied rows.
    static let serials = [("quizAttempt", "id"), ("roleplayRun", "id"), ("auditLog", "seq")]

    public struct Report: Sendable, Encodable {
        public struct Table: Sendable, Encodable {
            public var name: String
            public var source: Int
            public var copied: Int
        }
        public var tables: [Table]
        public var auditEntries: Int
        public var auditIntact: Bool
        public var lastHash: String?
        /// Row counts that differ, the chain broken or its last entry different: why the copy is not trusted.
        public var problems: [String]
    }

    /// Copies `source` into `target`, which must hold no rows. Nothing is written to the target
    /// unless every row is copied.
    public static func copy(from source: any RecordDatabase, to target: any RecordDatabase) throws -> Report {
        let occupied = try target.read { tx in try counts(tx).filter { $0.value > 0 } }
        guard occupied.isEmpty else {
            let list = occupied.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            throw RecordDatabaseError("the target database is not empty (\(list)); copy into a new, empty database")
        }
        // One read transaction on the source: a consistent snapshot even if learners are still on it.
        try source.read { from in
            try target.write { to in
                // Credentials point at trainees checked at commit on PostgreSQL; rows arrive in order anyway.
                for table in tables {
                    let rows = try from.rows("SELECT * FROM \(table)")
                    try insert(rows, into: table, to)
                }
                if to.kind == .postgres {
                    for (table, column) in serials {
                        // An id is never used twice (the audit log names attempts by id): past
                        // the highest ever handed out, which SQLite keeps even for deleted rows.
                        let handedOut = from.kind == .sqlite
                            ? try from.row("SELECT seq FROM sqlite_sequence WHERE name = ?", [.text(table)])?.int64("seq") ?? 0 : 0
                        let highest = try to.row("SELECT COALESCE(MAX(\(column)), 0) AS n FROM \(table)")?.int64("n") ?? 0
                        try to.execute("SELECT setval(pg_get_serial_sequence('\(table.lowercased())', '\(column.lowercased())'), ?, false)", [.integer(max(handedOut, highest) + 1)])
                    }
                }
            }
        }
        return try check(source: source, target: target)
    }

    /// Compares the two: rows per table, and the audit chain (intact, as long, ending on the same hash).
    public static func check(source: any RecordDatabase, target: any RecordDatabase) throws -> Report {
        let before = try source.read { tx in try counts(tx) }
        let (after, audit, last) = try target.read { tx in
            (try counts(tx), try AuditLog.verify(tx), try tx.row("SELECT hash FROM auditLog ORDER BY seq DESC LIMIT 1")?.string("hash"))
        }
        let sourceLast = try source.read { tx in try tx.row("SELECT hash FROM auditLog ORDER BY seq DESC LIMIT 1")?.string("hash") }
        var problems: [String] = []
        let rows = tables.map { Report.Table(name: $0, source: before[$0] ?? 0, copied: after[$0] ?? 0) }
        for table in rows where table.source != table.copied {
            problems.append("\(table.name): \(table.source) rows in the source, \(table.copied) in the copy")
        }
        if !audit.intact { problems.append("the copied audit log does not verify: \(audit.problem ?? "broken")") }
        if last != sourceLast { problems.append("the copied audit log does not end on the source's last entry") }
        return Report(tables: rows, auditEntries: audit.entries, auditIntact: audit.intact, lastHash: last, problems: problems)
    }

    /// Rows in each table of the record.
    public static func counts(_ tx: any RecordTransaction) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = Int(try tx.row("SELECT COUNT(*) AS n FROM \(table)")?.int64("n") ?? 0)
        }
        return counts
    }

    /// Multi-row INSERTs, a few hundred rows each: one round trip per batch, not per row.
    private static func insert(_ rows: [StoreRow], into table: String, _ tx: any RecordTransaction) throws {
        guard let first = rows.first else { return }
        let columns = first.values.keys.sorted()
        let perBatch = max(1, min(500, 30_000 / columns.count))
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + perBatch, rows.count)]
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            var arguments: [StoreValue] = []
            arguments.reserveCapacity(batch.count * columns.count)
            for row in batch {
                for column in columns {
                    var value = row.values[column] ?? .null
                    if tx.kind == .postgres, booleanColumns.contains(column), case .integer(let number) = value { value = .bool(number != 0) }
                    arguments.append(value)
                }
            }
            try tx.execute(
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + Array(repeating: placeholders, count: batch.count).joined(separator: ", "),
                arguments
            )
            start += perBatch
        }
    }
}
