import BeaconCore
import BeaconStore
import Foundation
import GRDB

/// Durable recording: every answer is its own committed transaction, as `beacon learn` records
/// them. Each trainee (thread) opens its own store, as separate `beacon learn` processes do.
func recordBench(raw: Bool, trainees: Int, answers: Int) throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-bench-record-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    let course = CourseStamp(id: "bench", version: "1.0.0", contentHash: "bench")
    if raw {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let setup = try DatabasePool(path: home.appendingPathComponent("raw.sqlite").path, configuration: rawConfiguration())
        try setup.write { db in
            try db.execute(sql: "CREATE TABLE answer (attemptId INTEGER NOT NULL, questionId TEXT NOT NULL, position INTEGER NOT NULL, response TEXT NOT NULL, credit REAL NOT NULL, answeredAt DATETIME NOT NULL, PRIMARY KEY (attemptId, questionId))")
        }
    } else {
        _ = try LearningStore(home: home)
    }
    let mode = raw ? "raw" : "beacon"
    try runTrainees(mode: mode, trainees: trainees, answers: answers) { index in
        if raw {
            let pool = try DatabasePool(path: home.appendingPathComponent("raw.sqlite").path, configuration: rawConfiguration())
            for answer in 0..<answers {
                try pool.write { db in
                    try db.execute(
                        sql: "INSERT INTO answer (attemptId, questionId, position, response, credit, answeredAt) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [index, "q\(answer)", answer, #"{"choice":{"_0":"a"}}"#, 1.0, Date()]
                    )
                }
            }
        } else {
            try recordAnswers(try LearningStore(home: home), trainee: index, answers: answers, course: course)
        }
    }
}

/// One trainee's answers through the learning store, each committed before the next.
func recordAnswers(_ store: LearningStore, trainee index: Int, answers: Int, course: CourseStamp) throws {
    let trainee = try store.addTrainee(name: "Trainee \(index)")
    let attempt = try store.startAttempt(trainee: trainee.id, course: course, quiz: "quiz", seed: 1, questionIds: (0..<answers).map { "q\($0)" })
    for answer in 0..<answers {
        try store.saveAnswer(attempt: attempt, question: "q\(answer)", position: answer, response: .choice("a"), credit: 1)
    }
}

/// Runs `work` for each trainee on a thread of its own, all at once, and prints the rate as one
/// JSON line; any failure ends the benchmark (exit 1) rather than flattering the figure.
func runTrainees(mode: String, trainees: Int, answers: Int, work: @escaping @Sendable (Int) throws -> Void) throws {
    let failures = BenchFailures()
    let group = DispatchGroup()
    let start = DispatchTime.now().uptimeNanoseconds
    for index in 0..<trainees {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            do {
                try work(index)
            } catch {
                failures.add("\(error)")
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let errors = failures.all
    guard errors.isEmpty else {
        FileHandle.standardError.write(Data("\(errors.count) trainees failed, first: \(errors[0])\n".utf8))
        exit(1)
    }
    let total = trainees * answers
    print(#"{"mode": "\#(mode)", "trainees": \#(trainees), "answers": \#(total), "seconds": \#(seconds), "perSecond": \#(Double(total) / seconds)}"#)
}

/// The learning store's own settings (see LearningStore.init), for a fair reference.
private func rawConfiguration() -> Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    return configuration
}

final class BenchFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
