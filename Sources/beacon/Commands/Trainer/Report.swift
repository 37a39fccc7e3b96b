import ArgumentParser
import BeaconCore
import BeaconServer
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Reports on how questions perform and where trainees stand.",
            subcommands: [Cohort.self, Items.self, RoleplayReport.self]
        )
    }

    struct Cohort: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cohort",
            abstract: "Who needs help: every trainee, most pressing first, with what each one needs.",
            discussion: """
                The first lines count the cohort: who needs help, who is out of attempts, whose latest role-play ended poorly, who has stalled or not started, and for each certification program how many are eligible. Then one entry per trainee, most pressing first (ties: the longest idle first):
                  needs help now   a quiz with no attempts left, or a role-play whose latest run ended poorly
                  drifting         nothing done for --stalled-after days (default 14), or not started
                  work left        a competency below a program's minimum, or requirements missing
                  on track         nothing to do
                Each need names the command that deals with it. Below it: last active, items and modules done, active time (gaps over five minutes are not counted), each quiz's best score and attempts, competencies, and each program's verdict.

                Examples:
                  beacon report cohort --course my-course/
                  beacon report cohort --cohort spring --stalled-after 7
                  beacon report cohort --program cps --csv > cohort.csv
                  beacon report cohort --html -o cohort.html
                """
        )

        @Option(help: courseHelp)
        var course: String?

        @Option(help: ArgumentHelp("Only this certification program (repeatable).", valueName: "id"))
        var program: [String] = []

        @Option(help: ArgumentHelp("Only trainees of this cohort (see beacon enrol --cohort).", valueName: "id"))
        var cohort: String?

        @Option(help: ArgumentHelp("Days without activity after which an unfinished trainee counts as stalled.", valueName: "days"))
        var stalledAfter = 14

        @OptionGroup var output: ReportFormat

        func validate() throws {
            try output.validate()
            guard stalledAfter >= 1 else { throw ValidationError("--stalled-after must be at least 1 day") }
        }

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            let unknown = program.filter { id in !loaded.course.certifications.contains { $0.id == id } }
            guard unknown.isEmpty else {
                throw ValidationError("no program \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(loaded.described); programs: \(loaded.course.certifications.map(\.id).joined(separator: ", "))")
            }
            let store = try LearningStore(home: LearningStore.defaultHome())
            let records = try cohortTrainees(store, cohort).map { ($0, try store.record(trainee: $0.id, course: loaded.course.id)) }
            let service = CertificationService(store: store, keys: KeyStore(home: LearningStore.defaultHome()))
            let report = try CohortReport(course: loaded.course, records: records, programs: program, stalledAfterDays: stalledAfter) { trainee, program in
                try service.eligibility(trainee: trainee.id, course: loaded.course, program: program)
            }
            try output.emit(
                json: { try ReportOutput.json(report) },
                csv: { report.csv(course: loaded.course).text },
                html: { ReportPages.cohort(report, loaded.course) },
                text: { Self.human(report, loaded.course) }
            )
        }

        static func human(_ report: CohortReport, _ course: Course) -> String {
            guard !report.trainees.isEmpty else { return "No trainees of \(course.id) on record yet. Enrol them with beacon enrol." }
            let totals = report.totals
            let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
            var lines = [
                "\(terminalSafe(course.title)) \(course.version) · \(plural(totals.trainees, "trainee")) · as of \(ReportOutput.day(report.asOf))",
                "Need help: \(totals.needingHelp)  (out of attempts \(totals.outOfAttempts) · role-play ended poorly \(totals.poorEndings) · stalled \(report.stalledAfterDays)+ days \(totals.stalled) · not started \(totals.notStarted))",
                "Competency below a program's minimum: \(totals.competencyBelow) · finished the course: \(totals.finished) of \(totals.trainees)",
            ]
            if !totals.programs.isEmpty {
                lines.append(totals.programs.map { "\($0.id): \($0.eligible) eligible, \($0.notYet) not yet" }.joined(separator: " · "))
            }
            for (index, row) in report.trainees.enumerated() {
                lines.append("")
                let last = row.lastActive.map { "last active \(ReportOutput.day($0)) (\(ReportOutput.ago($0, report.asOf)))" } ?? "never active"
                lines.append("\(index + 1). \(terminalSafe(row.name)) (\(row.trainee)) · \(CohortReport.levelWords(row.needLevel).uppercased()) · \(last)")
                lines.append("   \(row.itemsDone) of \(row.items) items · \(row.modulesDone) of \(row.modules) modules · \(ReportNumbers.duration(seconds: Double(row.activeSeconds))) active")
                for need in row.needs {
                    lines.append("   \(need.kind.level >= 2 ? "!" : "-") \(terminalSafe(need.text))")
                    if let action = need.action { lines.append("       \(action)") }
                }
                let quizzes = row.quizzes.filter { $0.attempts > 0 }.map { "\($0.id) \(ReportNumbers.percent($0.best)) (\($0.attempts)×\($0.passed ? ", passed" : ""))" }
                if !quizzes.isEmpty { lines.append("   quizzes: " + quizzes.joined(separator: "; ")) }
                let competencies = course.competencies.compactMap { competency in row.competencies[competency.id].map { "\(competency.id) \(ReportNumbers.percent($0))" } }
                if !competencies.isEmpty { lines.append("   competencies: " + competencies.joined(separator: "; ")) }
                for program in row.programs {
                    if program.eligible {
                        lines.append("   \(program.id): eligible")
                    } else {
                        lines.append("   \(program.id): not yet, missing \(program.missing.count):")
                        lines += program.missing.map { "     - \(terminalSafe($0))" }
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

        @Option(help: courseHelp)
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

    /// A day as trainers write it in reports: 2026-12-04 (UTC, as the record keeps time).
    static func day(_ date: Date) -> String {
        String(date.formatted(.iso8601.year().month().day()))
    }

    /// "today", "1 day ago", "12 days ago".
    static func ago(_ date: Date, _ now: Date) -> String {
        let days = ReportNumbers.days(from: date, to: now)
        return days == 0 ? "today" : days == 1 ? "1 day ago" : "\(days) days ago"
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
