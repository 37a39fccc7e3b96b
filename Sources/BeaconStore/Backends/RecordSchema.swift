/// What both backends know about the schema.
public enum RecordSchema {
    /// Columns that hold a date and time (SQLite stores them as text; PostgreSQL as timestamptz).
    public static let dateColumns: Set<String> = [
        "createdAt", "startedAt", "lastActivityAt", "completedAt", "updatedAt", "finishedAt", "answeredAt", "at", "issuedAt",
        "validUntil", "statusChangedAt", "expiresAt", "usedAt", "addedAt",
        "legalNameConfirmedAt", "assignedAt", "loggedAt", "decidedAt", "signedAt", "recordedAt",
        "lastSeenAt", "windowStart", "lockedUntil",
    ]
}
