import BeaconCore
import BeaconCredentials
import Foundation
import GRDB

extension LearningStore {
    // MARK: Lessons

    public func saveLessonPage(
        trainee: String, course: CourseStamp, lesson: String, page: Int, completed: Bool, at now: Date = Date()
    ) throws {
        try writer.write { db in
            // Once completed, a lesson stays completed even if it is read again.
            try db.execute(
                sql: """
                    INSERT INTO lessonProgress (traineeId, courseId, lessonId, page, completedAt, courseVersion, contentHash, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (traineeId, courseId, lessonId) DO UPDATE SET
                        page = excluded.page,
                        completedAt = COALESCE(lessonProgress.completedAt, excluded.completedAt),
                        courseVersion = excluded.courseVersion, contentHash = excluded.contentHash,
                        updatedAt = excluded.updatedAt
                    """,
                arguments: [trainee, course.id, lesson, page, completed ? now : nil, course.version, course.contentHash, now]
            )
        }
    }

    // MARK: Quizzes

    /// Starts an attempt and returns its id; the seed and drawn questions are stored first so the
    /// attempt can be rebuilt exactly.
    public func startAttempt(
        trainee: String, course: CourseStamp, quiz: String, seed: UInt64, questionIds: [String], at now: Date = Date()
    ) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO quizAttempt (traineeId, courseId, quizId, seed, questionIds, startedAt, courseVersion, contentHash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [trainee, course.id, quiz, Int64(bitPattern: seed), try Self.json(questionIds), now, course.version, course.contentHash]
            )
            return db.lastInsertedRowID
        }
    }

    public func saveAnswer(attempt: Int64, question: String, position: Int, response: Response, credit: Double, at now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO quizResponse (attemptId, questionId, position, response, credit, answeredAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [attempt, question, position, try Self.json(response), credit, now]
            )
        }
    }

    public func finishAttempt(_ attempt: Int64, score: Double, passed: Bool, at now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE quizAttempt SET finishedAt = ?, score = ?, passed = ? WHERE id = ?",
                arguments: [now, score, passed, attempt]
            )
            let row = try Row.fetchOne(db, sql: "SELECT traineeId, courseId, quizId, contentHash FROM quizAttempt WHERE id = ?", arguments: [attempt])
            try AuditLog.append(db, actor: Self.actor, action: "result.quiz", subject: try Self.auditSubject(db, trainee: row?["traineeId"] ?? ""), details: JSONObject([
                ("course", .string(row?["courseId"] ?? "")), ("quiz", .string(row?["quizId"] ?? "")),
                ("attempt", .number(JSONNumber(Double(attempt)))), ("score", .number(JSONNumber(score))),
                ("passed", .bool(passed)), ("contentHash", .string(row?["contentHash"] ?? "")),
            ]), at: now)
        }
    }

    // MARK: Role-plays

    public func startRun(trainee: String, course: CourseStamp, roleplay: String, seed: UInt64? = nil, at now: Date = Date()) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO roleplayRun (traineeId, courseId, roleplayId, startedAt, courseVersion, contentHash, seed) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [trainee, course.id, roleplay, now, course.version, course.contentHash, seed.map { Int64(bitPattern: $0) }]
            )
            return db.lastInsertedRowID
        }
    }

    /// Saves the steps of a run from `from` on (a move may add route steps after it).
    public func saveSteps(run: Int64, steps: [RoleplaySession.Step], from first: Int, at now: Date = Date()) throws {
        try writer.write { db in
            for (index, step) in steps.enumerated().dropFirst(first) {
                try db.execute(
                    sql: "INSERT INTO roleplayStep (runId, stepIndex, sceneId, move, scores, at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [run, index, step.scene, try Self.json(step.move), try Self.json(step.scores), now]
                )
            }
        }
    }

    public func finishRun(_ run: Int64, ending: String, scores: [String: Int], at now: Date = Date()) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE roleplayRun SET finishedAt = ?, endingId = ?, scores = ? WHERE id = ?",
                arguments: [now, ending, try Self.json(scores), run]
            )
            let row = try Row.fetchOne(db, sql: "SELECT traineeId, courseId, roleplayId, contentHash FROM roleplayRun WHERE id = ?", arguments: [run])
            try AuditLog.append(db, actor: Self.actor, action: "result.roleplay", subject: try Self.auditSubject(db, trainee: row?["traineeId"] ?? ""), details: JSONObject([
                ("course", .string(row?["courseId"] ?? "")), ("roleplay", .string(row?["roleplayId"] ?? "")),
                ("run", .number(JSONNumber(Double(run)))), ("ending", .string(ending)),
                ("scores", .object(JSONObject(scores.sorted { $0.key < $1.key }.map { ($0.key, .number(JSONNumber(Double($0.value)))) }))),
                ("contentHash", .string(row?["contentHash"] ?? "")),
            ]), at: now)
        }
    }

    // MARK: Reading back

    /// Everything one trainee has done in one course.
    public func record(trainee: String, course: String) throws -> CourseRecord {
        try writer.read { db in
            let enrolment = try Row.fetchOne(
                db, sql: "SELECT startedAt, activeSeconds FROM enrolment WHERE traineeId = ? AND courseId = ?", arguments: [trainee, course]
            )
            var lessons: [String: LessonRecord] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT lessonId, page, completedAt FROM lessonProgress WHERE traineeId = ? AND courseId = ?", arguments: [trainee, course]
            ) {
                lessons[row["lessonId"]] = LessonRecord(lessonId: row["lessonId"], page: row["page"], completedAt: row["completedAt"])
            }
            var attempts: [String: [QuizAttemptRecord]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM quizAttempt WHERE traineeId = ? AND courseId = ? ORDER BY id", arguments: [trainee, course]
            ) {
                let id: Int64 = row["id"]
                let answers = try Row.fetchAll(
                    db, sql: "SELECT questionId, response, credit, answeredAt FROM quizResponse WHERE attemptId = ? ORDER BY position", arguments: [id]
                ).map { answer in
                    QuizAttemptRecord.Answer(
                        questionId: answer["questionId"],
                        response: try Self.decode(Response.self, answer["response"]),
                        credit: answer["credit"],
                        answeredAt: answer["answeredAt"]
                    )
                }
                let record = QuizAttemptRecord(
                    id: id, quizId: row["quizId"], seed: UInt64(bitPattern: row["seed"]),
                    questionIds: try Self.decode([String].self, row["questionIds"]),
                    startedAt: row["startedAt"], finishedAt: row["finishedAt"], score: row["score"], passed: row["passed"],
                    courseVersion: row["courseVersion"], contentHash: row["contentHash"], answers: answers
                )
                attempts[record.quizId, default: []].append(record)
            }
            var runs: [String: [RoleplayRunRecord]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM roleplayRun WHERE traineeId = ? AND courseId = ? ORDER BY id", arguments: [trainee, course]
            ) {
                let id: Int64 = row["id"]
                let steps = try Row.fetchAll(
                    db, sql: "SELECT sceneId, move, scores FROM roleplayStep WHERE runId = ? ORDER BY stepIndex", arguments: [id]
                ).map { step in
                    RoleplaySession.Step(
                        scene: step["sceneId"],
                        move: try Self.decode(RoleplaySession.Move.self, step["move"]),
                        scores: try Self.decode([Int].self, step["scores"])
                    )
                }
                let scores: String? = row["scores"]
                let seed: Int64? = row["seed"]
                let record = RoleplayRunRecord(
                    id: id, roleplayId: row["roleplayId"], startedAt: row["startedAt"], finishedAt: row["finishedAt"],
                    endingId: row["endingId"], scores: try scores.map { try Self.decode([String: Int].self, $0) },
                    steps: steps, courseVersion: row["courseVersion"], contentHash: row["contentHash"],
                    seed: seed.map { UInt64(bitPattern: $0) }
                )
                runs[record.roleplayId, default: []].append(record)
            }
            return CourseRecord(
                startedAt: enrolment?["startedAt"], activeSeconds: enrolment?["activeSeconds"] ?? 0,
                lessons: lessons, attempts: attempts, runs: runs
            )
        }
    }

    /// Forgets a trainee's work on these items (lessons, quizzes, role-plays), so they can start
    /// them afresh. Returns how many records were removed.
    @discardableResult
    public func reset(trainee: String, course: String, items: [String]) throws -> Int {
        try writer.write { db in
            var removed = 0
            for item in items {
                try db.execute(sql: "DELETE FROM lessonProgress WHERE traineeId = ? AND courseId = ? AND lessonId = ?", arguments: [trainee, course, item])
                removed += db.changesCount
                try db.execute(sql: "DELETE FROM quizAttempt WHERE traineeId = ? AND courseId = ? AND quizId = ?", arguments: [trainee, course, item])
                removed += db.changesCount
                try db.execute(sql: "DELETE FROM roleplayRun WHERE traineeId = ? AND courseId = ? AND roleplayId = ?", arguments: [trainee, course, item])
                removed += db.changesCount
            }
            return removed
        }
    }

    // MARK: JSON columns

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
