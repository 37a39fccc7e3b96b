/// The tables for trainees who learn in a browser, the same on SQLite (migration v8-web) and
/// PostgreSQL (version 8).
///
/// Least data: a passphrase is kept only as its bcrypt hash, a session only as the SHA-256 of
/// its cookie, and a throttle only as a hash of the name or address it counts for.
enum WebSchema {
    static func statements(time: String) -> [String] {
        [
            // One passphrase per trainee, set with an enrolment code; SSH keys stay in traineeKey.
            """
            CREATE TABLE webLogin (
                traineeId TEXT PRIMARY KEY REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                passphraseHash TEXT NOT NULL,
                createdAt \(time) NOT NULL,
                updatedAt \(time) NOT NULL
            )
            """,
            """
            CREATE TABLE webSession (
                tokenHash TEXT PRIMARY KEY,
                traineeId TEXT NOT NULL REFERENCES trainee(id) ON UPDATE CASCADE ON DELETE CASCADE,
                csrfToken TEXT NOT NULL,
                createdAt \(time) NOT NULL,
                lastSeenAt \(time) NOT NULL
            )
            """,
            "CREATE INDEX webSessionByTrainee ON webSession (traineeId)",
            // Failed sign-ins per account name and per address, whether or not the name is
            // enrolled, so a lock-out says nothing about who is.
            """
            CREATE TABLE webThrottle (
                key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                windowStart \(time) NOT NULL,
                lockedUntil \(time)
            )
            """,
        ]
    }

    /// The tables holding a trainee's rows, emptied when the trainee is erased.
    static let traineeTables = ["webLogin", "webSession"]
}
