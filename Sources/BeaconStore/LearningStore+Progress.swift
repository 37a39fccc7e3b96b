import BeaconCore
import BeaconCredentials
import Foundation

/// What trainees do (lesson pages, quiz attempts and each answer, role-play runs and each step),
/// on the storage seam: the same code on SQLite and PostgreSQL. Each call is one transaction,
/// committed before the caller shows feedback.
public enum ProgressRecords {
    // MARK: Lessons

    public static func saveLessonPage(
        _ tx: any RecordTransaction, trainee: String, course: CourseStamp, lesson: String, page: Int, completed: Bool, at now: Date
    ) throws {
        // Once completed, a lesson stays completed even if it is read again.
        try tx.execute(
            """
            INSERT INTO lessonProgress (traineeId, courseId, lessonId, page, completedAt, courseVersion, contentHash, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (traineeId, courseId, lessonId) DO UPDATE SET
                page = excluded.page,
                completedAt = COALESCE(lessonProgress.completedAt, excluded.completedAt),
                courseVersion = excluded.courseVersion, contentHash = excluded.contentHash,
                updatedAt = excluded.updatedAt
            """,
            [.text(trainee), .text(course.id), .text(lesson), .init(page), .init(completed ? now : nil), .text(course.version), .text(course.contentHash), .date(now)]
        )
    }

    // MARK: Quizzes

    /// The attempt's id; the seed and drawn questions are stored first so it can be rebuilt exactly.
    public static func startAttempt(
        _ tx: any RecordTransaction, trainee: String, course: CourseStamp, quiz: String, seed: UInt64, questionIds: [String], at now: Date
    ) throws -> Int64 {
        let row = try tx.row(
            """
            INSERT INTO quizAttempt (traineeId, courseId, quizId, seed, questionIds, startedAt, courseVersion, contentHash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [.text(trainee), .text(course.id), .text(quiz), .integer(Int64(bitPattern: seed)), .text(try json(questionIds)), .date(now), .text(course.version), .text(course.contentHash)]
        )
        guard let id = row?.int64("id") else { throw RecordDatabaseError("the new quiz attempt has no id") }
        return id
    }

    public static func saveAnswer(_ tx: any RecordTransaction, attempt: Int64, question: String, position: Int, response: Response, credit: Double, at now: Date) throws {
        let (sql, arguments) = try saveAnswerStatement(attempt: attempt, question: question, position: position, response: response, credit: credit, at: now)
        try tx.execute(sql, arguments)
    }

    /// The one statement that records an answer.
    static func saveAnswerStatement(attempt: Int64, question: String, position: Int, response: Response, credit: Double, at now: Date) throws -> (String, [StoreValue]) {
        (
            "INSERT INTO quizResponse (attemptId, questionId, position, response, credit, answeredAt) VALUES (?, ?, ?, ?, ?, ?)",
            [.integer(attempt), .text(question), .init(position), .text(try json(response)), .real(credit), .date(now)]
        )
    }

    public static func finishAttempt(_ tx: any RecordTransaction, _ attempt: Int64, score: Double, passed: Bool, actor: String, at now: Date) throws {
        try tx.execute("UPDATE quizAttempt SET finishedAt = ?, score = ?, passed = ? WHERE id = ?", [.date(now), .real(score), .bool(passed), .integer(attempt)])
        let row = try tx.row("SELECT traineeId, courseId, quizId, contentHash FROM quizAttempt WHERE id = ?", [.integer(attempt)])
        try AuditLog.append(tx, actor: actor, action: "result.quiz", subject: try TraineeRecords.auditSubject(tx, trainee: row?.string("traineeId") ?? ""), details: JSONObject([
            ("course", .string(row?.string("courseId") ?? "")), ("quiz", .string(row?.string("quizId") ?? "")),
            ("attempt", .number(JSONNumber(Double(attempt)))), ("score", .number(JSONNumber(score))),
            ("passed", .bool(passed)), ("contentHash", .string(row?.string("contentHash") ?? "")),
        ]), at: now)
    }

    // MARK: Role-plays

    public static func startRun(_ tx: any RecordTransaction, trainee: String, course: CourseStamp, roleplay: String, seed: UInt64?, at now: Date) throws -> Int64 {
        let row = try tx.row(
            "INSERT INTO roleplayRun (traineeId, courseId, roleplayId, startedAt, courseVersion, contentHash, seed) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [.text(trainee), .text(course.id), .text(roleplay), .date(now), .text(course.version), .text(course.contentHash), .init(seed.map { Int64(bitPattern: $0) })]
        )
        guard let id = row?.int64("id") else { throw RecordDatabaseError("the new role-play run has no id") }
        return id
    }

    /// Saves the steps of a run from `from` on (a move may add route steps after it).
    public static func saveSteps(_ tx: any RecordTransaction, run: Int64, steps: [RoleplaySession.Step], from first: Int, at now: Date) throws {
        for (index, step) in steps.enumerated().dropFirst(first) {
            try tx.execute(
                "INSERT INTO roleplayStep (runId, stepIndex, sceneId, move, scores, at) VALUES (?, ?, ?, ?, ?, ?)",
                [.integer(run), .init(index), .text(step.scene), .text(try json(step.move)), .text(try json(step.scores)), .date(now)]
            )
        }
    }

    public static func finishRun(_ tx: any RecordTransaction, _ run: Int64, ending: String, scores: [String: Int], actor: String, at now: Date) throws {
        try tx.execute("UPDATE roleplayRun SET finishedAt = ?, endingId = ?, scores = ? WHERE id = ?", [.date(now), .text(ending), .text(try json(scores)), .integer(run)])
        let row = try tx.row("SELECT traineeId, courseId, roleplayId, contentHash FROM roleplayRun WHERE id = ?", [.integer(run)])
        try AuditLog.append(tx, actor: actor, action: "result.roleplay", subject: try TraineeRecords.auditSubject(tx, trainee: row?.string("traineeId") ?? ""), details: JSONObject([
            ("course", .string(row?.string("courseId") ?? "")), ("roleplay", .string(row?.string("roleplayId") ?? "")),
            ("run", .number(JSONNumber(Double(run)))), ("ending", .string(ending)),
            ("scores", .object(JSONObject(scores.sorted { $0.key < $1.key }.map { ($0.key, .number(JSONNumber(Double($0.value)))) }))),
            ("contentHash", .string(row?.string("contentHash") ?? "")),
        ]), at: now)
    }

    // MARK: Reading back

    /// Everything one trainee has done in one course.
    public static func record(_ tx: any RecordTransaction, trainee: String, course: String) throws -> CourseRecord {
        let enrolment = try tx.row("SELECT startedAt, activeSeconds, lastActivityAt FROM enrolment WHERE traineeId = ? AND courseId = ?", [.text(trainee), .text(course)])
        var lessons: [String: LessonRecord] = [:]
        for row in try tx.rows("SELECT lessonId, page, completedAt FROM lessonProgress WHERE traineeId = ? AND courseId = ?", [.text(trainee), .text(course)]) {
            let id = try text(row, "lessonId")
            lessons[id] = LessonRecord(lessonId: id, page: Int(row.int64("page") ?? 0), completedAt: row.date("completedAt"))
        }
        var attempts: [String: [QuizAttemptRecord]] = [:]
        for row in try tx.rows("SELECT * FROM quizAttempt WHERE traineeId = ? AND courseId = ? ORDER BY id", [.text(trainee), .text(course)]) {
            let id = row.int64("id") ?? 0
            let answers = try tx.rows(
                "SELECT questionId, response, credit, answeredAt FROM quizResponse WHERE attemptId = ? ORDER BY position", [.integer(id)]
            ).map { answer in
                QuizAttemptRecord.Answer(
                    questionId: try text(answer, "questionId"), response: try decode(Response.self, text(answer, "response")),
                    credit: answer.double("credit") ?? 0, answeredAt: answer.date("answeredAt") ?? Date(timeIntervalSince1970: 0)
                )
            }
            let record = QuizAttemptRecord(
                id: id, quizId: try text(row, "quizId"), seed: UInt64(bitPattern: row.int64("seed") ?? 0),
                questionIds: try decode([String].self, text(row, "questionIds")),
                startedAt: row.date("startedAt") ?? Date(timeIntervalSince1970: 0), finishedAt: row.date("finishedAt"), score: row.double("score"),
                passed: row.bool("passed"), courseVersion: try text(row, "courseVersion"), contentHash: try text(row, "contentHash"), answers: answers
            )
            attempts[record.quizId, default: []].append(record)
        }
        var runs: [String: [RoleplayRunRecord]] = [:]
        for row in try tx.rows("SELECT * FROM roleplayRun WHERE traineeId = ? AND courseId = ? ORDER BY id", [.text(trainee), .text(course)]) {
            let id = row.int64("id") ?? 0
            let steps = try tx.rows("SELECT sceneId, move, scores FROM roleplayStep WHERE runId = ? ORDER BY stepIndex", [.integer(id)]).map { step in
                RoleplaySession.Step(
                    scene: try text(step, "sceneId"), move: try decode(RoleplaySession.Move.self, text(step, "move")),
                    scores: try decode([Int].self, text(step, "scores"))
                )
            }
            let record = RoleplayRunRecord(
                id: id, roleplayId: try text(row, "roleplayId"), startedAt: row.date("startedAt") ?? Date(timeIntervalSince1970: 0),
                finishedAt: row.date("finishedAt"), endingId: row.string("endingId"),
                scores: try row.string("scores").map { try decode([String: Int].self, $0) },
                steps: steps, courseVersion: try text(row, "courseVersion"), contentHash: try text(row, "contentHash"),
                seed: row.int64("seed").map { UInt64(bitPattern: $0) }
            )
            runs[record.roleplayId, default: []].append(record)
        }
        var retrainedAt: [String: Date] = [:]
        for row in try tx.rows("SELECT quizId, at FROM retraining WHERE traineeId = ? AND courseId = ?", [.text(trainee), .text(course)]) {
            guard let quiz = row.string("quizId"), let at = row.date("at") else { continue }
            retrainedAt[quiz] = max(retrainedAt[quiz] ?? at, at)
        }
        var grantedAt: [String: [Date]] = [:]
        for row in try tx.rows("SELECT quizId, at FROM attemptGrant WHERE traineeId = ? AND courseId = ? ORDER BY at", [.text(trainee), .text(course)]) {
            guard let quiz = row.string("quizId"), let at = row.date("at") else { continue }
            grantedAt[quiz, default: []].append(at)
        }
        return CourseRecord(
            startedAt: enrolment?.date("startedAt"), activeSeconds: enrolment?.double("activeSeconds") ?? 0,
            lastActivityAt: enrolment?.date("lastActivityAt"),
            lessons: lessons, attempts: attempts, runs: runs, retrainedAt: retrainedAt, grantedAt: grantedAt
        )
    }

    /// Forgets a trainee's work on these items (lessons, quizzes, role-plays), so they can start
    /// them afresh. Returns how many records were removed.
    public static func reset(_ tx: any RecordTransaction, trainee: String, course: String, items: [String]) throws -> Int {
        var removed = 0
        for item in items {
            let keys: [StoreValue] = [.text(trainee), .text(course), .text(item)]
            removed += try tx.changes("DELETE FROM lessonProgress WHERE traineeId = ? AND courseId = ? AND lessonId = ?", keys)
            removed += try tx.changes("DELETE FROM quizAttempt WHERE traineeId = ? AND courseId = ? AND quizId = ?", keys)
            removed += try tx.changes("DELETE FROM roleplayRun WHERE traineeId = ? AND courseId = ? AND roleplayId = ?", keys)
        }
        return removed
    }

    // MARK: Columns

    private static func text(_ row: StoreRow, _ column: String) throws -> String {
        guard let value = row.string(column) else { throw RecordDatabaseError("a stored record has no \(column)") }
        return value
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension LearningStore {
    public func saveLessonPage(trainee: String, course: CourseStamp, lesson: String, page: Int, completed: Bool, at now: Date = Date()) throws {
        try database.write { tx in try ProgressRecords.saveLessonPage(tx, trainee: trainee, course: course, lesson: lesson, page: page, completed: completed, at: now) }
    }

    public func startAttempt(trainee: String, course: CourseStamp, quiz: String, seed: UInt64, questionIds: [String], at now: Date = Date()) throws -> Int64 {
        try database.write { tx in try ProgressRecords.startAttempt(tx, trainee: trainee, course: course, quiz: quiz, seed: seed, questionIds: questionIds, at: now) }
    }

    public func saveAnswer(attempt: Int64, question: String, position: Int, response: Response, credit: Double, at now: Date = Date()) throws {
        // One INSERT: committed by itself, a round trip fewer on PostgreSQL.
        let (sql, arguments) = try ProgressRecords.saveAnswerStatement(attempt: attempt, question: question, position: position, response: response, credit: credit, at: now)
        try database.writeOne(sql, arguments)
    }

    public func finishAttempt(_ attempt: Int64, score: Double, passed: Bool, at now: Date = Date()) throws {
        try database.write { tx in try ProgressRecords.finishAttempt(tx, attempt, score: score, passed: passed, actor: Self.actor, at: now) }
    }

    public func startRun(trainee: String, course: CourseStamp, roleplay: String, seed: UInt64? = nil, at now: Date = Date()) throws -> Int64 {
        try database.write { tx in try ProgressRecords.startRun(tx, trainee: trainee, course: course, roleplay: roleplay, seed: seed, at: now) }
    }

    public func saveSteps(run: Int64, steps: [RoleplaySession.Step], from first: Int, at now: Date = Date()) throws {
        try database.write { tx in try ProgressRecords.saveSteps(tx, run: run, steps: steps, from: first, at: now) }
    }

    public func finishRun(_ run: Int64, ending: String, scores: [String: Int], at now: Date = Date()) throws {
        try database.write { tx in try ProgressRecords.finishRun(tx, run, ending: ending, scores: scores, actor: Self.actor, at: now) }
    }

    public func record(trainee: String, course: String) throws -> CourseRecord {
        try database.read { tx in try ProgressRecords.record(tx, trainee: trainee, course: course) }
    }

    @discardableResult
    public func reset(trainee: String, course: String, items: [String]) throws -> Int {
        try database.write { tx in try ProgressRecords.reset(tx, trainee: trainee, course: course, items: items) }
    }

    static func json(_ value: some Encodable) throws -> String { try ProgressRecords.json(value) }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try ProgressRecords.decode(type, text) }
}
