/// The PostgreSQL schema, versioned like the SQLite one: each instance migrates at start under
/// an advisory lock, and refuses a database newer than it knows.
///
/// So far it holds the audit log, the settings (the issuer's details), trainees, their time on each
/// course, and everything they do in it (lesson pages, quiz attempts and answers, role-play runs
/// and steps), cohorts, enrolment codes and keys, issued credentials, and the program records
/// (staff, hours, attestations, observations, references): the whole record.
public enum PostgresSchema {
    public static let version = 8

    static let migrations: [(version: Int, sql: [String])] = [
        (1, [
            """
            CREATE TABLE auditLog (
                seq BIGSERIAL PRIMARY KEY,
                at TIMESTAMPTZ NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                details TEXT NOT NULL,
                previousHash TEXT NOT NULL UNIQUE,
                hash TEXT NOT NULL UNIQUE
            )
            """,
            // Append-only, as on SQLite: changing or removing an entry is refused by the database.
            """
            CREATE FUNCTION auditLogAppendOnly() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
            """,
            "CREATE TRIGGER auditLogNoChange BEFORE UPDATE OR DELETE ON auditLog FOR EACH ROW EXECUTE FUNCTION auditLogAppendOnly()",
        ]),
        (2, ["CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)"]),
        (3, [
            """
            CREATE TABLE trainee (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                createdAt TIMESTAMPTZ NOT NULL,
                auditRef TEXT UNIQUE,
                cohortId TEXT
            )
            """,
            // One row per trainee and course: when they began, the active time spent (gaps over
            // five minutes not counted) and when they were last active.
            """
            CREATE TABLE enrolment (
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                courseId TEXT NOT NULL,
                startedAt TIMESTAMPTZ NOT NULL,
                activeSeconds DOUBLE PRECISION NOT NULL DEFAULT 0,
                lastActivityAt TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (traineeId, courseId)
            )
            """,
        ]),
        (4, [
            """
            CREATE TABLE lessonProgress (
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                courseId TEXT NOT NULL,
                lessonId TEXT NOT NULL,
                page INTEGER NOT NULL,
                completedAt TIMESTAMPTZ,
                courseVersion TEXT NOT NULL,
                contentHash TEXT NOT NULL,
                updatedAt TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (traineeId, courseId, lessonId)
            )
            """,
            """
            CREATE TABLE quizAttempt (
                id BIGSERIAL PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                courseId TEXT NOT NULL,
                quizId TEXT NOT NULL,
                seed BIGINT NOT NULL,
                questionIds TEXT NOT NULL,
                startedAt TIMESTAMPTZ NOT NULL,
                finishedAt TIMESTAMPTZ,
                score DOUBLE PRECISION,
                passed BOOLEAN,
                courseVersion TEXT NOT NULL,
                contentHash TEXT NOT NULL
            )
            """,
            "CREATE INDEX quizAttemptByQuiz ON quizAttempt (traineeId, courseId, quizId)",
            """
            CREATE TABLE quizResponse (
                attemptId BIGINT NOT NULL REFERENCES quizAttempt(id) ON DELETE CASCADE,
                questionId TEXT NOT NULL,
                position INTEGER NOT NULL,
                response TEXT NOT NULL,
                credit DOUBLE PRECISION NOT NULL,
                answeredAt TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (attemptId, questionId)
            )
            """,
            """
            CREATE TABLE roleplayRun (
                id BIGSERIAL PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,
                courseId TEXT NOT NULL,
                roleplayId TEXT NOT NULL,
                startedAt TIMESTAMPTZ NOT NULL,
                finishedAt TIMESTAMPTZ,
                endingId TEXT,
                scores TEXT,
                courseVersion TEXT NOT NULL,
                contentHash TEXT NOT NULL,
                seed BIGINT
            )
            """,
            "CREATE INDEX roleplayRunByRoleplay ON roleplayRun (traineeId, courseId, roleplayId)",
            // The path of a run. A reply is kept as the criteria it met, never its text.
            """
            CREATE TABLE roleplayStep (
                runId BIGINT NOT NULL REFERENCES roleplayRun(id) ON DELETE CASCADE,
                stepIndex INTEGER NOT NULL,
                sceneId TEXT NOT NULL,
                move TEXT NOT NULL,
                scores TEXT NOT NULL,
                at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (runId, stepIndex)
            )
            """,
        ]),
        // Trainees who reach the course over SSH: their cohort, the one-time codes that enrol them
        // (kept only as hashes) and the public keys bound to them.
        (5, [
            "CREATE TABLE cohort (id TEXT PRIMARY KEY, createdAt TIMESTAMPTZ NOT NULL)",
            "ALTER TABLE trainee ADD FOREIGN KEY (cohortId) REFERENCES cohort(id)",
            """
            CREATE TABLE enrolmentCode (
                codeHash TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                createdAt TIMESTAMPTZ NOT NULL,
                expiresAt TIMESTAMPTZ NOT NULL,
                usedAt TIMESTAMPTZ
            )
            """,
            """
            CREATE TABLE traineeKey (
                fingerprint TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                publicKey TEXT NOT NULL,
                addedAt TIMESTAMPTZ NOT NULL
            )
            """,
        ]),
        // Issued credentials. statusIndex is the slot in both status lists, drawn at random (under
        // a lock, so two instances never draw one slot) so that a position says nothing about
        // when a credential was issued. The trainee reference is checked at commit, because
        // erasure renames the trainee and its credentials in one transaction.
        (6, [
            """
            CREATE TABLE credential (
                id TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) DEFERRABLE INITIALLY IMMEDIATE,
                courseId TEXT NOT NULL,
                programId TEXT NOT NULL,
                statusIndex INTEGER NOT NULL UNIQUE,
                issuedAt TIMESTAMPTZ NOT NULL,
                validUntil TIMESTAMPTZ,
                status TEXT NOT NULL DEFAULT 'active',
                statusReason TEXT,
                statusChangedAt TIMESTAMPTZ,
                replacesId TEXT,
                replacedById TEXT,
                signingKey TEXT NOT NULL,
                json TEXT NOT NULL,
                shared BOOLEAN NOT NULL DEFAULT FALSE
            )
            """,
            "CREATE INDEX credentialByTrainee ON credential (traineeId)",
        ]),
        // Certification programs: staff and assignments, legal names, live sessions, supervised
        // hours, attestations, observations, references and the credential's stage.
        (7, ProgramSchema.statements(time: "TIMESTAMPTZ", real: "DOUBLE PRECISION")),
        // Trainees in a browser: passphrases, sessions and the sign-in throttle.
        (8, WebSchema.statements(time: "TIMESTAMPTZ")),
    ]

    /// Brings the database to `version`; a database from a newer Beacon is refused by name.
    public static func migrate(_ database: PostgresRecordDatabase) throws {
        try database.write { tx in
            try tx.execute("SELECT pg_advisory_xact_lock(7200)")
            try tx.execute("CREATE TABLE IF NOT EXISTS beaconSchema (version INTEGER NOT NULL)")
            let current = try tx.row("SELECT MAX(version) AS version FROM beaconSchema")?.int64("version").map(Int.init) ?? 0
            guard current <= version else {
                throw RecordDatabaseError(
                    "the database at \(PostgresRecordDatabase.redacted(database.url)) is at schema version \(current), newer than this beacon (\(version)); run the newer beacon, or upgrade this one"
                )
            }
            for migration in migrations where migration.version > current {
                for statement in migration.sql { try tx.execute(statement) }
                try tx.execute("INSERT INTO beaconSchema (version) VALUES (?)", [.integer(Int64(migration.version))])
            }
        }
    }
}
