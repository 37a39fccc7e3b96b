import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Reports on how questions perform and where trainees stand.",
            subcommands: [Items.self, Cohort.self]
        )
    }

    struct Cohort: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cohort",
            abstract: "Where every trainee stands: modules, quizzes, competencies, time and eligibility.",
            discussion: """
                One row per trainee on this machine: modules done, each quiz's best score and attempts, competency scores from role-plays, active minutes, and for each certification program whether they are eligible and what is still missing.

                Examples:
                  beacon report cohort
                  beacon report cohort --program cps --csv > cohort.csv
                """
        )

        @Option(help: ArgumentHelp("Course file or folder (default: the bundled course).", valueName: "path"))
        var course: String?

        @Option(help: ArgumentHelp("Only this certification program (repeatable).", valueName: "id"))
        var program: [String] = []

        @Option(help: ArgumentHelp("Only trainees of this cohort (see beacon enrol --cohort).", valueName: "id"))
        var cohort: String?

        @Flag(help: "Print JSON for scripts.")
        var json = false

        @Flag(help: "Print CSV for spreadsheets (cells that could run as formulas are defused).")
        var csv = false

        func validate() throws {
            guard !(json && csv) else { throw ValidationError("choose one of --json and --csv") }
        }

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            let unknown = program.filter { id in !loaded.course.certifications.contains { $0.id == id } }
            guard unknown.isEmpty else {
                throw ValidationError("no program \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(loaded.course.id); programs: \(loaded.course.certifications.map(\.id).joined(separator: ", "))")
            }
            let store = try LearningStore(home: LearningStore.defaultHome())
            let records = try cohortTrainees(store, cohort).map { ($0, try store.record(trainee: $0.id, course: loaded.course.id)) }
            let service = CertificationService(store: store, keys: KeyStore(home: LearningStore.defaultHome()))
            let report = try CohortReport(course: loaded.course, records: records, programs: program) { trainee, program in
                try service.eligibility(trainee: trainee.id, course: loaded.course, program: program)
            }
            if json {
                print(try ReportOutput.json(report))
            } else if csv {
                print(report.csv(course: loaded.course).text, terminator: "")
            } else {
                print(Self.human(report, loaded.course))
            }
        }

        static func human(_ report: CohortReport, _ course: Course) -> String {
            guard !report.trainees.isEmpty else { return "No trainees on this machine yet." }
            var lines = ["\(course.title) \(course.version) · \(report.trainees.count) trainee\(report.trainees.count == 1 ? "" : "s")"]
            for row in report.trainees {
                lines.append("")
                lines.append("\(row.name) (\(row.trainee)) · \(row.modulesDone) of \(row.modules) modules · \(row.activeMinutes) min active")
                let quizzes = row.quizzes.filter { $0.attempts > 0 }.map { "\($0.id) \(ReportOutput.percent($0.best)) (\($0.attempts)×\($0.passed ? ", passed" : ""))" }
                if !quizzes.isEmpty { lines.append("  quizzes: " + quizzes.joined(separator: "; ")) }
                let competencies = course.competencies.compactMap { competency in row.competencies[competency.id].map { "\(competency.id) \(ReportOutput.percent($0))" } }
                if !competencies.isEmpty { lines.append("  competencies: " + competencies.joined(separator: "; ")) }
                for program in row.programs {
                    if program.eligible {
                        lines.append("  \(program.id): eligible")
                    } else {
                        lines.append("  \(program.id): not yet — missing \(program.missing.count):")
                        lines += program.missing.map { "    - \($0)" }
                    }
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export recorded results for a program's own records.",
            subcommands: [Results.self]
        )
    }

    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "results",
            abstract: "Every recorded quiz attempt and role-play run, as JSON or CSV.",
            discussion: """
                Answers typed in short-answer questions are trainees' own words and are left out unless --include-free-text is given. Role-play replies are never stored, only which rubric criteria they met. Cells that a spreadsheet could run as formulas are defused with a leading apostrophe. With -o the file is created readable by you alone.

                Examples:
                  beacon export results --csv -o results.csv
                  beacon export results --json --include-free-text > results.json
                """
        )

        @Option(help: ArgumentHelp("Course file or folder (default: the bundled course).", valueName: "path"))
        var course: String?

        @Flag(help: "Print JSON (the default).")
        var json = false

        @Flag(help: "Print CSV, one row per answer and per role-play run.")
        var csv = false

        @Flag(help: "Include the text trainees typed as short answers.")
        var includeFreeText = false

        @Option(help: ArgumentHelp("Only trainees of this cohort (see beacon enrol --cohort).", valueName: "id"))
        var cohort: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (created 0600) instead of standard output.", valueName: "file"))
        var output: String?

        func validate() throws {
            guard !(json && csv) else { throw ValidationError("choose one of --json and --csv") }
        }

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            let store = try LearningStore(home: LearningStore.defaultHome())
            let records = try cohortTrainees(store, cohort).map { ($0, try store.record(trainee: $0.id, course: loaded.course.id)) }
            let export = ResultsExport(course: loaded.course.id, records: records, includeFreeText: includeFreeText)
            let text = csv ? export.csv.text : try ReportOutput.json(export) + "\n"
            if let output {
                try ReportOutput.writePrivately(text, to: output)
                FileHandle.standardError.write(Data("Wrote \(export.attempts.count) attempts and \(export.runs.count) role-play runs to \(output).\n".utf8))
            } else {
                print(text, terminator: "")
            }
        }
    }
}

enum ReportOutput {
    static func json(_ value: some Encodable) throws -> String { try jsonText(value) }

    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    /// Results name people: the file is created 0600 and replaced atomically.
    static func writePrivately(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw CommandFailure("cannot create \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else { throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// The trainees of a cohort named with --cohort (all when none is), refusing one not on record.
func cohortTrainees(_ store: LearningStore, _ cohort: String?) throws -> [Trainee] {
    if let cohort, try !store.cohorts().contains(cohort) {
        let known = try store.cohorts()
        throw CommandFailure("no cohort '\(cohort)' on record" + (known.isEmpty ? "; enrol trainees with beacon enrol --cohort ID" : "; cohorts: " + known.joined(separator: ", ")))
    }
    return try store.trainees(cohort: cohort)
}
