import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Items: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "items",
            abstract: "How each question of a quiz performs: Moodle's statistics and the classical ones.",
            discussion: """
                Per question: facility index, standard deviation, random guess score, intended and effective weight, discrimination index and discriminative efficiency (as Moodle computes them, with sample variances), the corrected point-biserial, upper–lower 27% discrimination and, for choice questions, how often each option was chosen by the top and bottom groups. Per quiz: mean, median, SD, skewness, kurtosis, Cronbach's alpha (= KR-20 for right/wrong questions), standard error of measurement. N is shown beside every figure; below 20 attempts the figures are marked as indicative only.

                Input: the finished attempts recorded on this machine for QUIZ_ID, or --from-csv FILE for scores kept elsewhere: a header row whose first cell names the attempt column and whose other cells are question ids; an optional row whose first cell is max giving each question's maximum mark (default 1); then one row per attempt with marks as numbers.

                Examples:
                  beacon report items cps-final-exam
                  beacon report items --from-csv paper-exam.csv --json
                """
        )

        @Argument(help: "The quiz to analyse (from recorded attempts).")
        var quiz: String?

        @Option(help: ArgumentHelp("Course file or folder (default: the bundled course).", valueName: "path"))
        var course: String?

        @Option(name: .customLong("from-csv"), help: ArgumentHelp("Analyse marks from this CSV file instead.", valueName: "file"))
        var csvFile: String?

        @Flag(help: "Print JSON for scripts (facility as a fraction; weights, discrimination and efficiency as percentages).")
        var json = false

        @Flag(help: "Print CSV, one row per question (cells that could run as formulas are defused).")
        var csv = false

        func validate() throws {
            guard !(json && csv) else { throw ValidationError("choose one of --json and --csv") }
            guard (quiz == nil) != (csvFile == nil) else {
                throw ValidationError("name a quiz (from recorded attempts) or give --from-csv FILE, not both and not neither")
            }
        }

        func run() throws {
            var matrix: ScoreMatrix
            var notes: [String] = []
            if let csvFile {
                guard let data = FileManager.default.contents(atPath: csvFile) else { throw CommandFailure("cannot read \(csvFile)") }
                do {
                    matrix = try ScoreCSV.parse([UInt8](data))
                } catch {
                    let place = "\(csvFile):\(error.line)" + (error.column.map { ":\($0)" } ?? "")
                    let subject = error.questionID.map { " (question \(terminalSafe($0)))" } ?? ""
                    FileHandle.standardError.write(Data("\(place): error: \(terminalSafe(error.message))\(subject)\n  help: \(error.help)\n".utf8))
                    throw ExitCode.failure
                }
            } else {
                let loaded = try LoadedCourse.load(course)
                guard let found = loaded.course.quizzes.first(where: { $0.id == quiz }) else {
                    throw ValidationError("no quiz '\(quiz ?? "")' in \(loaded.course.id); quizzes: \(loaded.course.quizzes.map(\.id).joined(separator: ", "))")
                }
                let store = try LearningStore(home: LearningStore.defaultHome())
                let records = try store.trainees().map { ($0, try store.record(trainee: $0.id, course: loaded.course.id)) }
                let selection = RecordedScores.matrix(quiz: found, records: records)
                matrix = selection.matrix
                if !selection.partlyShown.isEmpty {
                    notes.append("\(selection.partlyShown.count) question\(selection.partlyShown.count == 1 ? " was" : "s were") left out because not every attempt was shown them (drawn from a pool): these statistics need the same questions in every attempt")
                }
            }
            var report = ItemAnalysis.analyse(matrix)
            report.warnings += notes
            if json {
                print(try ReportOutput.json(report))
            } else if csv {
                print(Self.table(report).text, terminator: "")
            } else {
                print(Self.human(report))
            }
        }

        static func table(_ report: ItemAnalysisReport) -> CSVTable {
            var table = CSVTable(header: [
                "question", "n", "facility", "sd", "random_guess_score", "intended_weight", "effective_weight",
                "discrimination_index", "discriminative_efficiency", "point_biserial", "upper_lower_27",
            ])
            let cell = { (value: Double?) -> CSVTable.Cell in value.map { .number($0) } ?? .empty }
            for question in report.questions {
                table.append([
                    .text(question.id), .integer(question.n), cell(question.facility), cell(question.sd), cell(question.randomGuessScore),
                    cell(question.intendedWeight), cell(question.effectiveWeight), cell(question.discriminationIndex),
                    cell(question.discriminativeEfficiency), cell(question.pointBiserial), cell(question.upperLower27),
                ])
            }
            return table
        }

        static func human(_ report: ItemAnalysisReport) -> String {
            func number(_ value: Double?, _ digits: Int = 2) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "n/a" }
            func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "n/a" }
            let quiz = report.quiz
            var lines = [
                "Quiz (N = \(quiz.n)): mean \(number(quiz.mean)), median \(number(quiz.median)), SD \(number(quiz.sd)), skewness \(number(quiz.skewness)), kurtosis \(number(quiz.kurtosis))",
                "  Cronbach's alpha \(number(quiz.alpha, 3)), standard error of measurement \(number(quiz.sem))",
                "",
                "question  N  facility  SD  guess  intended  effective  discrim.  efficiency  r(pb)  D(27%)",
            ]
            for question in report.questions {
                lines.append([
                    terminalSafe(question.id), "\(question.n)", question.facility.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a",
                    number(question.sd), percent(question.randomGuessScore), percent(question.intendedWeight),
                    question.negativeCovariance ? "neg. cov." : percent(question.effectiveWeight), percent(question.discriminationIndex),
                    percent(question.discriminativeEfficiency), number(question.pointBiserial), number(question.upperLower27),
                ].joined(separator: "  "))
                for option in question.options ?? [] {
                    lines.append("    option \(terminalSafe(option.id))\(option.key ? " (key)" : ""): chosen \(option.count) (top \(option.upper), bottom \(option.lower)), r(pb) \(number(option.pointBiserial))")
                }
            }
            if !report.warnings.isEmpty { lines += [""] + report.warnings.map { "warning: \($0)" } }
            return lines.joined(separator: "\n")
        }
    }
}
