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
        return migrator
    }
}
