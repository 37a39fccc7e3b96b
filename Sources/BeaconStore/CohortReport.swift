import BeaconCore
import Foundation

/// Where every trainee of a course stands: modules, quizzes, competencies, active time and,
/// for each certification program, whether they are eligible and what is still missing.
public struct CohortReport: Sendable, Encodable {
    public struct Row: Sendable, Encodable {
        public struct QuizResult: Sendable, Encodable {
            public var id: String
            public var best: Double?
            public var attempts: Int
            public var passed: Bool
        }

        public struct ProgramStatus: Sendable, Encodable {
            public var id: String
            public var eligible: Bool
            public var missing: [String]
        }

        public var trainee: String
        public var name: String
        public var modulesDone: Int
        public var modules: Int
        public var activeMinutes: Int
        public var quizzes: [QuizResult]
        /// Competency id → share (0...1) over every role-play that assesses it.
        public var competencies: [String: Double]
        public var programs: [ProgramStatus]
    }

    public var course: String
    public var version: String
    public var trainees: [Row]

    /// - Parameter programs: program ids to include; empty means every program of the course.
    /// - Parameter eligibility: judges a trainee against a program (the store's, with hours and
    ///   attestations); by default, from the course record alone.
    public init(
        course: Course, records: [(Trainee, CourseRecord)], programs: [String] = [],
        eligibility: ((Trainee, CertificationProgram) throws -> Eligibility)? = nil
    ) rethrows {
        self.course = course.id
        version = course.version
        // One column per program, whatever versions it has; each trainee is judged by their own.
        var seen: Set<String> = []
        let chosen = course.certifications.filter { (programs.isEmpty || programs.contains($0.id)) && seen.insert($0.id).inserted }
        trainees = try records.map { trainee, record in
            let progress = CourseProgress(course: course, record: record, trainee: trainee.id)
            let quizzes = course.quizzes.map { quiz -> Row.QuizResult in
                let finished = record.attempts[quiz.id, default: []].filter { $0.finishedAt != nil }
                return Row.QuizResult(
                    id: quiz.id, best: finished.compactMap(\.score).max(), attempts: finished.count,
                    passed: finished.contains { $0.passed == true }
                )
            }
            let statuses = try chosen.map { program -> Row.ProgramStatus in
                let eligibility = try eligibility?(trainee, program) ?? Eligibility(program: program, course: course, record: record, trainee: trainee.id)
                return Row.ProgramStatus(
                    id: program.id, eligible: eligibility.eligible,
                    missing: eligibility.checks.filter { !$0.met }.map { "\($0.requirement) (\($0.detail))" }
                )
            }
            return Row(
                trainee: trainee.id, name: trainee.name,
                modulesDone: progress.modules.filter(\.isDone).count, modules: progress.modules.count,
                activeMinutes: progress.activeMinutes, quizzes: quizzes,
                competencies: Dictionary(uniqueKeysWithValues: progress.competencies.map { ($0.id, $0.share) }),
                programs: statuses
            )
        }
    }

    /// One row per trainee; quiz, competency and program columns in course order.
    public func csv(course: Course) -> CSVTable {
        let quizIDs = course.quizzes.map(\.id)
        let competencyIDs = course.competencies.map(\.id).filter { id in trainees.contains { $0.competencies[id] != nil } }
        let programIDs = trainees.first?.programs.map(\.id) ?? []
        var table = CSVTable(
            header: ["trainee", "name", "modules_done", "modules", "active_minutes"]
                + quizIDs.flatMap { ["quiz:\($0):best", "quiz:\($0):attempts"] }
                + competencyIDs.map { "competency:\($0)" }
                + programIDs.flatMap { ["program:\($0):eligible", "program:\($0):missing"] }
        )
        for row in trainees {
            var cells: [CSVTable.Cell] = [
                .text(row.trainee), .text(row.name), .integer(row.modulesDone), .integer(row.modules), .integer(row.activeMinutes),
            ]
            for quiz in row.quizzes {
                cells += [quiz.best.map { .number($0) } ?? .empty, .integer(quiz.attempts)]
            }
            for id in competencyIDs { cells.append(row.competencies[id].map { .number($0) } ?? .empty) }
            for program in row.programs {
                cells += [.text(program.eligible ? "yes" : "no"), .text(program.missing.joined(separator: "; "))]
            }
            table.append(cells)
        }
        return table
    }
}
