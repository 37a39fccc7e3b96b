import ArgumentParser
import BeaconCore
import BeaconServer
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Items: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "items",
            abstract: "Which questions are broken: each question of a quiz with its prompt, options, statistics and a plain verdict.",
            discussion: """
                Per question, most in need of a look first: the prompt, a verdict ("check the key: high scorers pick c", "too easy: 94% right", "does not tell stronger from weaker trainees", "works"), and the figures behind it with N beside each: facility, discrimination, the corrected point-biserial, and for choice questions each option's text with how often the top and bottom 27% picked it and its own verdict ("distractor nobody picks", "attracts high scorers"). Thresholds: facility up to 25% is too hard, from 90% too easy; r under 0.20 is weak. Below 20 attempts every figure is marked as indicative only.

                Which attempts count is stated in the output: each trainee's first (the default; a trainee who tried three times counts once) or --attempts all. Attempts made on different course versions, or on the same version with different content, are reported apart, newest first.

                --json gives every figure (Moodle's: facility, SD, random guess score, intended and effective weight, discrimination index and efficiency; the classical ones; per quiz mean, median, SD, skewness, kurtosis, Cronbach's alpha, SEM). --csv gives one row per question and per option, one unit per column: percentages as percentages, correlations to two places. --html -o FILE.html draws the score histogram and facility against discrimination.

                --from-csv FILE analyses marks kept elsewhere: a header row whose first cell names the attempt column and whose other cells are question ids; an optional row whose first cell is max giving each question's maximum mark (default 1); then one row per attempt with marks as numbers.

                Examples:
                  beacon report items checkin-quiz --course my-course/
                  beacon report items cps-final-exam --attempts all --course-version 1.2.0
                  beacon report items cps-final-exam --html -o exam-items.html
                  beacon report items --from-csv paper-exam.csv --json
                """
        )

        @Argument(help: "The quiz to analyse (from recorded attempts).")
        var quiz: String?

        @Option(help: courseHelp)
        var course: String?

        @Option(name: .customLong("from-csv"), help: ArgumentHelp("Analyse marks from this CSV file instead.", valueName: "file"))
        var csvFile: String?

        @Option(help: ArgumentHelp("Which attempts count: first (each trainee's first, the default) or all (a trainee who tried three times counts three times).", valueName: "first|all"))
        var attempts: ItemReview.Basis = .first

        @Option(name: .customLong("course-version"), help: ArgumentHelp("Only attempts made on this course version (default: every version, each apart).", valueName: "version"))
        var courseVersion: String?

        @OptionGroup var output: ReportFormat

        func validate() throws {
            try output.validate()
            guard (quiz == nil) != (csvFile == nil) else {
                throw ValidationError("name a quiz (from recorded attempts) or give --from-csv FILE, not both and not neither")
            }
        }

        func run() throws {
            if let csvFile { return try fromCSV(csvFile) }
            let loaded = try LoadedCourse.load(course)
            guard let found = loaded.course.quizzes.first(where: { $0.id == quiz }) else {
                throw ValidationError("no quiz '\(quiz ?? "")' in \(loaded.described); quizzes: \(loaded.course.quizzes.map(\.id).joined(separator: ", "))")
            }
            let store = try LearningStore(home: LearningStore.defaultHome())
            let records = try store.trainees().map { ($0, try store.record(trainee: $0.id, course: loaded.course.id)) }
            var groups = RecordedScores.groups(quiz: found, records: records, basis: attempts)
            if let courseVersion {
                let versions = groups.map(\.courseVersion)
                groups = groups.filter { $0.courseVersion == courseVersion }
                guard !groups.isEmpty else {
                    throw CommandFailure("no attempts at \(found.id) on course version \(courseVersion); versions with attempts: \(versions.isEmpty ? "none" : Set(versions).sorted().joined(separator: ", "))")
                }
            }
            let questions = Dictionary(found.allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let reviews = groups.map { group in
                var report = ItemAnalysis.analyse(group.selection.matrix)
                if !group.selection.partlyShown.isEmpty {
                    let count = group.selection.partlyShown.count
                    report.warnings.append("\(count) question\(count == 1 ? " was" : "s were") left out because not every attempt was shown them (drawn from a pool): these statistics need the same questions in every attempt")
                }
                return ItemReview(
                    quiz: found.id, title: found.title, courseVersion: group.courseVersion, contentHash: group.contentHash,
                    basis: attempts, trainees: group.trainees, report: report,
                    matrix: group.selection.matrix, passMark: found.passMark, questions: questions
                )
            }
            let report = ItemReport(quiz: found.id, title: found.title, basis: attempts, groups: reviews)
            try output.emit(
                json: { try ReportOutput.json(report) },
                csv: { ItemReportText.table(reviews).text },
                html: { ReportPages.items(report) },
                text: { ItemReportText.human(report) }
            )
        }

        /// Marks kept elsewhere: no prompts to show, and the figures as computed in --json.
        private func fromCSV(_ csvFile: String) throws {
            guard let data = FileManager.default.contents(atPath: csvFile) else { throw CommandFailure("cannot read \(csvFile)") }
            let matrix: ScoreMatrix
            do {
                matrix = try ScoreCSV.parse([UInt8](data))
            } catch {
                let place = "\(csvFile):\(error.line)" + (error.column.map { ":\($0)" } ?? "")
                let subject = error.questionID.map { " (question \(terminalSafe($0)))" } ?? ""
                FileHandle.standardError.write(Data("\(place): error: \(terminalSafe(error.message))\(subject)\n  help: \(error.help)\n".utf8))
                throw ExitCode.failure
            }
            let analysis = ItemAnalysis.analyse(matrix)
            let review = ItemReview(
                quiz: URL(fileURLWithPath: csvFile).lastPathComponent, title: nil, courseVersion: nil, contentHash: nil,
                basis: .all, trainees: nil, report: analysis, matrix: matrix, passMark: nil, questions: [:]
            )
            let report = ItemReport(quiz: review.quiz, title: nil, basis: .all, groups: [review])
            try output.emit(
                json: { try ReportOutput.json(analysis) },
                csv: { ItemReportText.table([review]).text },
                html: { ReportPages.items(report) },
                text: { ItemReportText.human(report) }
            )
        }
    }
}

extension AttemptBasis: ExpressibleByArgument {}
