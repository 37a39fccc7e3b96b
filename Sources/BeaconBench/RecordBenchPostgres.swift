import BeaconCore
import BeaconStore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// Durable recording on PostgreSQL: T trainees at once spread over I instances (each instance a
/// store with its own connections, as separate `beacon serve` processes have), every answer its
/// own committed transaction. The reference inserts the same rows through postgres-nio directly:
/// one connection per trainee, one INSERT per row in autocommit (each its own durable commit),
/// on the same server with the same settings. Each run gets a fresh schema.
func recordBenchPostgres(raw: Bool, url: String, trainees: Int, answers: Int, instances: Int) throws {
    let schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let admin = try PostgresRecordDatabase(url: url)
    try admin.write { tx in try tx.execute("CREATE SCHEMA \(schema)") }
    defer { _ = try? admin.write { tx in try tx.execute("DROP SCHEMA \(schema) CASCADE") } }
    let course = CourseStamp(id: "bench", version: "1.0.0", contentHash: "bench")
    let logger = Logger(label: "bench")
    var stores: [LearningStore] = []
    var configuration: PostgresConnection.Configuration?
    if raw {
        let parts = URLComponents(string: url)!
        configuration = PostgresConnection.Configuration(
            host: parts.host!, port: parts.port ?? 5432, username: parts.user ?? "beacon", password: parts.password,
            database: String(parts.path.dropFirst()), tls: .disable
        )
        try admin.write { tx in
            try tx.execute("CREATE TABLE \(schema).answer (attemptId BIGINT NOT NULL, questionId TEXT NOT NULL, position INTEGER NOT NULL, response TEXT NOT NULL, credit DOUBLE PRECISION NOT NULL, answeredAt TIMESTAMPTZ NOT NULL, PRIMARY KEY (attemptId, questionId))")
        }
    } else {
        stores = try (0..<instances).map { _ in try LearningStore(postgres: PostgresRecordDatabase(url: url, schema: schema)) }
    }
    let mode = raw ? "pg-raw" : "pg-beacon-\(instances)"
    let instanceStores = stores
    try runTrainees(mode: mode, trainees: trainees, answers: answers) { [configuration] index in
        if let configuration {
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: index, logger: logger
            ).wait()
            defer { try? connection.close().wait() }
            for answer in 0..<answers {
                var binds = PostgresBindings()
                binds.append(Int64(index))
                binds.append("q\(answer)")
                binds.append(Int64(answer))
                binds.append(#"{"choice":{"_0":"a"}}"#)
                binds.append(1.0)
                binds.append(Date())
                _ = try connection.query(
                    PostgresQuery(unsafeSQL: "INSERT INTO \(schema).answer (attemptId, questionId, position, response, credit, answeredAt) VALUES ($1, $2, $3, $4, $5, $6)", binds: binds),
                    logger: logger
                ).wait()
            }
        } else {
            try recordAnswers(instanceStores[index % instanceStores.count], trainee: index, answers: answers, course: course)
        }
    }
}
