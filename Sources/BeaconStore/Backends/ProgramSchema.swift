/// The tables for certification programs, the same on SQLite (migration v7-programs) and
/// PostgreSQL (version 7); only the names of the time and number types differ.
///
/// Least data: hours keep no note, references no content, the lived-experience statement only
/// that it was made and when. Ids are random text, so copying between backends needs no sequences.
enum ProgramSchema {
    static func statements(time: String, real: String) -> [String] {
        [
            // Staff: facilitators, supervisors and admins (trainees stay in `trainee`).
            """
            CREATE TABLE person (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                roles TEXT NOT NULL,
                createdAt \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE supervision (
                supervisorId TEXT NOT NULL REFERENCES person(id),
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                assignedAt \(time) NOT NULL,
                PRIMARY KEY (supervisorId, traineeId)
            )
            """,
            """
            CREATE TABLE facilitation (
                facilitatorId TEXT NOT NULL REFERENCES person(id),
                cohortId TEXT NOT NULL REFERENCES cohort(id),
                assignedAt \(time) NOT NULL,
                PRIMARY KEY (facilitatorId, cohortId)
            )
            """,
            // The name an admin confirmed against ID, for the certificate; `name` stays the
            // name the trainee goes by in the course.
            "ALTER TABLE trainee ADD COLUMN legalName TEXT",
            "ALTER TABLE trainee ADD COLUMN legalNameConfirmedBy TEXT",
            "ALTER TABLE trainee ADD COLUMN legalNameConfirmedAt \(time)",
            // The program version a trainee is held to, when an admin moved them off the one in
            // force when they started.
            """
            CREATE TABLE programVersion (
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                programId TEXT NOT NULL,
                version TEXT NOT NULL,
                assignedBy TEXT NOT NULL,
                assignedAt \(time) NOT NULL,
                PRIMARY KEY (traineeId, programId)
            )
            """,
            """
            CREATE TABLE liveSession (
                id TEXT PRIMARY KEY,
                courseId TEXT NOT NULL,
                facilitatorId TEXT NOT NULL REFERENCES person(id),
                day TEXT NOT NULL,
                hours \(real) NOT NULL,
                domain TEXT,
                mode TEXT NOT NULL,
                title TEXT NOT NULL,
                loggedAt \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE attendance (
                sessionId TEXT NOT NULL REFERENCES liveSession(id),
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                PRIMARY KEY (sessionId, traineeId)
            )
            """,
            // Supervised work hours. An entry is never edited in place: a correction is a new
            // entry that replaces it, and the old one is kept as `changed`.
            """
            CREATE TABLE workHours (
                id TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                day TEXT NOT NULL,
                hours \(real) NOT NULL,
                domain TEXT,
                supervision TEXT NOT NULL,
                state TEXT NOT NULL,
                loggedAt \(time) NOT NULL,
                decidedBy TEXT,
                decidedAt \(time),
                replacesId TEXT,
                replacedById TEXT
            )
            """,
            "CREATE INDEX workHoursByTrainee ON workHours (traineeId)",
            """
            CREATE TABLE attestation (
                id TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                programId TEXT NOT NULL,
                documentId TEXT NOT NULL,
                version TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                at \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE observation (
                id TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                programId TEXT NOT NULL,
                rubricId TEXT NOT NULL,
                rubricVersion TEXT NOT NULL,
                facilitatorId TEXT NOT NULL REFERENCES person(id),
                day TEXT NOT NULL,
                scores TEXT NOT NULL,
                points INTEGER NOT NULL,
                outOf INTEGER NOT NULL,
                passed BOOLEAN NOT NULL,
                notes TEXT NOT NULL,
                signedAt \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE referenceReceived (
                id TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                kind TEXT NOT NULL,
                refereeRole TEXT NOT NULL,
                day TEXT NOT NULL,
                recordedBy TEXT NOT NULL,
                recordedAt \(time) NOT NULL
            )
            """,
            // Continuing education a holder claims toward renewal. The key (the evidence
            // reference, folded) makes a second claim of the same activity a refusal.
            """
            CREATE TABLE ceClaim (
                id TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                programId TEXT NOT NULL,
                activityKey TEXT NOT NULL,
                category TEXT NOT NULL,
                kind TEXT NOT NULL,
                hours \(real) NOT NULL,
                day TEXT NOT NULL,
                title TEXT NOT NULL,
                evidence TEXT NOT NULL,
                loggedAt \(time) NOT NULL,
                UNIQUE (traineeId, programId, activityKey)
            )
            """,
            // Staff who act over SSH: one-time codes (kept only as hashes) and the keys bound to them.
            """
            CREATE TABLE staffCode (
                codeHash TEXT PRIMARY KEY,
                personId TEXT NOT NULL REFERENCES person(id),
                createdAt \(time) NOT NULL,
                expiresAt \(time) NOT NULL,
                usedAt \(time)
            )
            """,
            """
            CREATE TABLE staffKey (
                fingerprint TEXT PRIMARY KEY,
                personId TEXT NOT NULL REFERENCES person(id),
                publicKey TEXT NOT NULL,
                addedAt \(time) NOT NULL
            )
            """,
            // A program's exam rule sent the trainee back to retrain: the module was started over
            // (the exam's attempts are kept), and only attempts after it count toward the rule.
            """
            CREATE TABLE retraining (
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                courseId TEXT NOT NULL,
                quizId TEXT NOT NULL,
                moduleId TEXT NOT NULL,
                at \(time) NOT NULL
            )
            """,
            // An extra attempt at a quiz, granted by a trainer with a reason.
            """
            CREATE TABLE attemptGrant (
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                courseId TEXT NOT NULL,
                quizId TEXT NOT NULL,
                grantedBy TEXT NOT NULL,
                reason TEXT NOT NULL,
                at \(time) NOT NULL
            )
            """,
            // A provisional certificate, or the full one; an endorsement names the certificate it
            // belongs to and its own id.
            "ALTER TABLE credential ADD COLUMN stage TEXT NOT NULL DEFAULT 'full'",
            "ALTER TABLE credential ADD COLUMN endorsement TEXT",
            "ALTER TABLE credential ADD COLUMN endorsementOf TEXT",
        ]
    }

    /// Rows that belong to one trainee, removed when they are erased.
    static let traineeTables = ["supervision", "programVersion", "attendance", "workHours", "attestation", "observation", "referenceReceived", "ceClaim", "retraining", "attemptGrant"]
}
