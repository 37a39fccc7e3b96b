import BeaconCore
import Foundation

/// Where every trainee of a course stands, sorted by who needs help most: what each one needs
/// (out of attempts, stalled, a role-play ended badly, a competency below a program's minimum,
/// requirements missing), then modules, quizzes, competencies, active time and eligibility.
public struct CohortReport: Sendable, Encodable {
    /// Counts across the cohort, for the report's first lines.
    public struct Totals: Sendable, Encodable {
        public struct ProgramCount: Sendable, Encodable {
            public var id: String
            public var eligible: Int
            public var notYet: Int
        }

        public var trainees: Int
        /// Trainees with a need of level 2 or 3 (cannot go on alone, or drifting).
        public var needingHelp: Int
        public var outOfAttempts: Int
        public var poorEndings: Int
        public var stalled: Int
        public var notStarted: Int
        public var competencyBelow: Int
        public var finished: Int
        public var programs: [ProgramCount]
    }

    public struct Row: Sendable, Encodable {
        public struct QuizResult: Sendable, Encodable {
            public var id: String
            public var best: Double?
            public var attempts: Int
            public var passed: Bool
        }

        public struct ModuleDone: Sendable, Encodable {
            public var id: String
            public var title: String
            public var done: Int
            public var total: Int
        }

        public struct ProgramStatus: Sendable, Encodable {
            public var id: String
            public var eligible: Bool
            public var missing: [String]
        }

        public var trainee: String
        public var name: String
        /// 0 on track, 1 work left, 2 drifting, 3 cannot go on without a trainer.
        public var needLevel: Int
        public var needs: [CohortNeed]
        public var lastActive: Date?
        public var modulesDone: Int
        public var modules: Int
        /// Each module's items done, in course order.
        public var moduleProgress: [ModuleDone]
        public var itemsDone: Int
        public var items: Int
        public var activeSeconds: Int
        public var activeMinutes: Int
        public var quizzes: [QuizResult]
        /// Competency id → share (0...1) over every role-play that assesses it.
        public var competencies: [String: Double]
        public var programs: [ProgramStatus]
    }

    public var course: String
    public var version: String
    public var asOf: Date
    public var stalledAfterDays: Int
    public var totals: Totals
    /// Most pressing first; among equals, the longest idle first.
    public var trainees: [Row]

    /// - Parameter programs: program ids to include; empty means every program of the course.
    /// - Parameter eligibility: judges a trainee against a program (the store's, with hours and
    ///   attestations); by default, from the course record alone.
    public init(
        course: Course, records: [(Trainee, CourseRecord)], programs: [String] = [], now: Date = Date(), stalledAfterDays: Int = 14,
        eligibility: ((Trainee, CertificationProgram) throws -> Eligibility)? = nil
    ) rethrows {
        self.course = course.id
        version = course.version
        asOf = now
        self.stalledAfterDays = stalledAfterDays
        // One column per program, whatever versions it has; each trainee is judged by their own.
        var seen: Set<String> = []
        let chosen = course.certifications.filter { (programs.isEmpty || programs.contains($0.id)) && seen.insert($0.id).inserted }
        let rows = try records.map { trainee, record in
            let progress = CourseProgress(course: course, record: record, trainee: trainee.id)
            let quizzes = course.quizzes.map { quiz -> Row.QuizResult in
                let finished = record.attempts[quiz.id, default: []].filter { $0.finishedAt != nil }
                return Row.QuizResult(
                    id: quiz.id, best: finished.compactMap(\.score).max(), attempts: finished.count,
                    passed: finished.contains { $0.passed == true }
                )
            }
            let judged = try chosen.map { program -> (CertificationProgram, Eligibility) in
                let eligibility = try eligibility?(trainee, program) ?? Eligibility(program: program, course: course, record: record, trainee: trainee.id)
                // Judge competencies by the version the trainee is held to.
                let held = course.certifications.first { $0.id == program.id && $0.version == eligibility.version } ?? program
                return (held, eligibility)
            }
            let statuses = judged.map { _, eligibility in
                Row.ProgramStatus(
                    id: eligibility.program, eligible: eligibility.eligible,
                    missing: eligibility.checks.filter { !$0.met }.map { "\($0.requirement) (\($0.detail))" }
                )
            }
            let needs = CohortNeed.needs(
                course: course, trainee: trainee.id, record: record, progress: progress, programs: judged,
                now: now, stalledAfter: stalledAfterDays
            )
            let items = progress.modules.flatMap(\.items)
            return Row(
                trainee: trainee.id, name: trainee.name, needLevel: needs.map(\.kind.level).max() ?? 0, needs: needs,
                lastActive: record.lastActivityAt,
                modulesDone: progress.modules.filter(\.isDone).count, modules: progress.modules.count,
                moduleProgress: progress.modules.map { Row.ModuleDone(id: $0.id, title: $0.title, done: $0.done, total: $0.total) },
                itemsDone: items.filter { $0.status == .done }.count, items: items.count,
                activeSeconds: Int(record.activeSeconds.rounded()), activeMinutes: progress.activeMinutes, quizzes: quizzes,
                competencies: Dictionary(uniqueKeysWithValues: progress.competencies.map { ($0.id, $0.share) }),
                programs: statuses
            )
        }
        trainees = rows.sorted { a, b in
            if a.needLevel != b.needLevel { return a.needLevel > b.needLevel }
            if a.needs.count != b.needs.count { return a.needs.count > b.needs.count }
            let idleA = a.lastActive ?? .distantPast, idleB = b.lastActive ?? .distantPast
            if idleA != idleB { return idleA < idleB }
            return (a.name.lowercased(), a.trainee) < (b.name.lowercased(), b.trainee)
        }
        func count(_ kind: CohortNeed.Kind) -> Int { rows.filter { $0.needs.contains { $0.kind == kind } }.count }
        totals = Totals(
            trainees: rows.count, needingHelp: rows.filter { $0.needLevel >= 2 }.count,
            outOfAttempts: count(.outOfAttempts), poorEndings: count(.poorEnding), stalled: count(.stalled),
            notStarted: count(.notStarted), competencyBelow: count(.competencyBelow),
            finished: rows.filter { $0.itemsDone == $0.items }.count,
            programs: chosen.map { program in
                let eligible = rows.filter { $0.programs.contains { $0.id == program.id && $0.eligible } }.count
                return Totals.ProgramCount(id: program.id, eligible: eligible, notYet: rows.count - eligible)
            }
        )
    }

    /// How the report names a need level.
    public static func levelWords(_ level: Int) -> String {
        switch level {
        case 3: "needs help now"
        case 2: "drifting"
        case 1: "work left"
        default: "on track"
        }
    }

    /// One row per trainee; quiz, competency and program columns in course order.
    public func csv(course: Course) -> CSVTable {
        let quizIDs = course.quizzes.map(\.id)
        let competencyIDs = course.competencies.map(\.id).filter { id in trainees.contains { $0.competencies[id] != nil } }
        let programIDs = trainees.first?.programs.map(\.id) ?? []
        var table = CSVTable(
            header: ["trainee", "name", "need_level", "needs", "last_active", "days_idle", "items_done", "items", "modules_done", "modules", "active_minutes"]
                + quizIDs.flatMap { ["quiz:\($0):best_percent", "quiz:\($0):attempts"] }
                + competencyIDs.map { "competency:\($0):percent" }
                + programIDs.flatMap { ["program:\($0):eligible", "program:\($0):missing"] }
        )
        for row in trainees {
            var cells: [CSVTable.Cell] = [
                .text(row.trainee), .text(row.name), .integer(row.needLevel), .text(row.needs.map(\.text).joined(separator: "; ")),
                row.lastActive.map { .text($0.formatted(.iso8601)) } ?? .empty,
                row.lastActive.map { .integer(ReportNumbers.days(from: $0, to: asOf)) } ?? .empty,
                .integer(row.itemsDone), .integer(row.items), .integer(row.modulesDone), .integer(row.modules), .integer(row.activeMinutes),
            ]
            for quiz in row.quizzes {
                cells += [.decimal(quiz.best.map { $0 * 100 }, places: 0), .integer(quiz.attempts)]
            }
            for id in competencyIDs { cells.append(.decimal(row.competencies[id].map { $0 * 100 }, places: 0)) }
            for program in row.programs {
                cells += [.text(program.eligible ? "yes" : "no"), .text(program.missing.joined(separator: "; "))]
            }
            table.append(cells)
        }
        return table
    }
}
