import GRDB

extension LearningStore {
    /// Migrations run in order on every open; a released migration is never edited, only followed.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE trainee (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    createdAt DATETIME NOT NULL
                );
                -- One row per trainee and course: when they began, the active time spent
                -- (gaps over five minutes not counted) and when they were last active.
                CREATE TABLE enrolment (
                    traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                    courseId TEXT NOT NULL,
                    startedAt DATETIME NOT NULL,
                    activeSeconds REAL NOT NULL DEFAULT 0,
                    lastActivityAt DATETIME NOT NULL,
                    PRIMARY KEY (traineeId, courseId)
                );
                CREATE TABLE lessonProgress (
                    traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                    courseId TEXT NOT NULL,
                    lessonId TEXT NOT NULL,
                    page INTEGER NOT NULL,
                    completedAt DATETIME,
                    courseVersion TEXT NOT NULL,
                    contentHash TEXT NOT NULL,
                    updatedAt DATETIME NOT NULL,
                    PRIMARY KEY (traineeId, courseId, lessonId)
                );
                CREATE TABLE quizAttempt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                    courseId TEXT NOT NULL,
                    quizId TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    questionIds TEXT NOT NULL,
                    startedAt DATETIME NOT NULL,
                    finishedAt DATETIME,
                    score REAL,
                    passed BOOLEAN,
                    courseVersion TEXT NOT NULL,
                    contentHash TEXT NOT NULL
                );
                CREATE INDEX quizAttemptByQuiz ON quizAttempt(traineeId, courseId, quizId);
                CREATE TABLE quizResponse (
                    attemptId INTEGER NOT NULL REFERENCES quizAttempt(id) ON DELETE CASCADE,
                    questionId TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    response TEXT NOT NULL,
                    credit REAL NOT NULL,
                    answeredAt DATETIME NOT NULL,
                    PRIMARY KEY (attemptId, questionId)
                );
                CREATE TABLE roleplayRun (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                    courseId TEXT NOT NULL,
                    roleplayId TEXT NOT NULL,
                    startedAt DATETIME NOT NULL,
                    finishedAt DATETIME,
                    endingId TEXT,
                    scores TEXT,
                    courseVersion TEXT NOT NULL,
                    contentHash TEXT NOT NULL
                );
                CREATE INDEX roleplayRunByRoleplay ON roleplayRun(traineeId, courseId, roleplayId);
                -- The path of a run. A reply is kept as the criteria it met, never its text.
                CREATE TABLE roleplayStep (
                    runId INTEGER NOT NULL REFERENCES roleplayRun(id) ON DELETE CASCADE,
                    stepIndex INTEGER NOT NULL,
                    sceneId TEXT NOT NULL,
                    move TEXT NOT NULL,
                    scores TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    PRIMARY KEY (runId, stepIndex)
                );
                """)
        }
        migrator.registerMigration("v2-certification") { db in
            try db.execute(sql: """
                -- Issued credentials. statusIndex is the slot in both status lists, drawn at random
                -- so that a position says nothing about when a credential was issued.
                CREATE TABLE credential (
                    id TEXT PRIMARY KEY,
                    traineeId TEXT NOT NULL REFERENCES trainee(id),
                    courseId TEXT NOT NULL,
                    programId TEXT NOT NULL,
                    statusIndex INTEGER NOT NULL UNIQUE,
                    issuedAt DATETIME NOT NULL,
                    validUntil DATETIME,
                    status TEXT NOT NULL DEFAULT 'active',
                    statusReason TEXT,
                    statusChangedAt DATETIME,
                    replacesId TEXT,
                    replacedById TEXT,
                    signingKey TEXT NOT NULL,
                    json TEXT NOT NULL
                );
                CREATE INDEX credentialByTrainee ON credential(traineeId);
                -- Append-only; each row's hash covers the previous row's hash, so any edit or
                -- deletion breaks the chain that `beacon audit verify` walks.
                CREATE TABLE auditLog (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    details TEXT NOT NULL,
                    previousHash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE TRIGGER auditLogNoUpdate BEFORE UPDATE ON auditLog BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER auditLogNoDelete BEFORE DELETE ON auditLog BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v3-sharing") { db in
            // A credential's public page exists only while its holder chooses to share it.
            try db.execute(sql: "ALTER TABLE credential ADD COLUMN shared BOOLEAN NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v4-erasure") { db in
            // The audit log is append-only, so it names trainees by a random reference rather
            // than their id (made from their name): erasing the trainee row breaks the link.
            try db.execute(sql: "ALTER TABLE trainee ADD COLUMN auditRef TEXT")
            for id in try String.fetchAll(db, sql: "SELECT id FROM trainee") {
                try db.execute(sql: "UPDATE trainee SET auditRef = ? WHERE id = ?", arguments: [LearningStore.newAuditRef(), id])
            }
            try db.execute(sql: "CREATE UNIQUE INDEX traineeByAuditRef ON trainee(auditRef)")
        }
        migrator.registerMigration("v5-choice-order") { db in
            // Role-play choices are shown in an order drawn from this seed, kept so a resumed
            // run shows them as before (quiz attempts keep theirs the same way).
            try db.execute(sql: "ALTER TABLE roleplayRun ADD COLUMN seed INTEGER")
        }
        migrator.registerMigration("v6-enrolment") { db in
            // Trainees who reach the course over SSH: their cohort, the one-time codes that
            // enrol them (kept only as hashes) and the public keys bound to them.
            try db.execute(sql: """
                CREATE TABLE cohort (
                    id TEXT PRIMARY KEY,
                    createdAt DATETIME NOT NULL
                );
                ALTER TABLE trainee ADD COLUMN cohortId TEXT REFERENCES cohort(id);
                CREATE TABLE enrolmentCode (
                    codeHash TEXT PRIMARY KEY,
                    traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                    createdAt DATETIME NOT NULL,
                    expiresAt DATETIME NOT NULL,
                    usedAt DATETIME
                );
                CREATE TABLE traineeKey (
                    fingerprint TEXT PRIMARY KEY,
                    traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                    publicKey TEXT NOT NULL,
                    addedAt DATETIME NOT NULL
                );
                """)
        }
        migrator.registerMigration("v7-programs") { db in
            for statement in ProgramSchema.statements(time: "DATETIME", real: "REAL") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v8-web") { db in
            for statement in WebSchema.statements(time: "DATETIME") { try db.execute(sql: statement) }
        }
        return migrator
    }
}
