import ArgumentParser
import BeaconCore
import BeaconServer
import BeaconStore
import Foundation

extension BeaconCommand {
    struct RoleplayReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roleplay",
            abstract: "What happened in a role-play: one trainee's path scene by scene, or a cohort's choices, missed criteria and endings.",
            discussion: """
                With --trainee: the path of one run (the latest; --run N for another), scene by scene: each choice and what it said, for each typed reply the rubric criteria met and missed, the points gained or lost, and the ending. The words of replies are never stored, so they are never shown.

                Without --trainee: across the cohort's finished runs (each trainee's first by default, --attempts all for every run), how often each choice was picked, the criteria missed most, the endings reached, and the moves between scenes (drawn as a flow with --html).

                Examples:
                  beacon report roleplay hard-week --trainee alex
                  beacon report roleplay hard-week --cohort spring --attempts all
                  beacon report roleplay hard-week --html -o hard-week.html
                """
        )

        @Argument(help: "The role-play's id.")
        var roleplay: String

        @Option(help: courseHelp)
        var course: String?

        @Option(help: ArgumentHelp("One trainee's path instead of the cohort's summary.", valueName: "id"))
        var trainee: String?

        @Option(name: .customLong("run"), help: ArgumentHelp("With --trainee: which run (1 is the first; default the latest).", valueName: "n"))
        var runNumber: Int?

        @Option(help: ArgumentHelp("Only trainees of this cohort.", valueName: "id"))
        var cohort: String?

        @Option(help: ArgumentHelp("Which finished runs count in the summary: first (each trainee's first, the default) or all.", valueName: "first|all"))
        var attempts: AttemptBasis = .first

        @OptionGroup var output: ReportFormat

        func validate() throws {
            try output.validate()
            if runNumber != nil, trainee == nil { throw ValidationError("--run needs --trainee") }
            if trainee != nil, cohort != nil { throw ValidationError("give --trainee or --cohort, not both") }
            if output.csv, trainee != nil { throw ValidationError("--csv is for the cohort summary; use --json for one trainee's path") }
        }

        func run() throws {
            let loaded = try LoadedCourse.load(course)
            guard let found = loaded.course.roleplays.first(where: { $0.id == roleplay }) else {
                throw ValidationError("no role-play '\(roleplay)' in \(loaded.described); role-plays: \(loaded.course.roleplays.map(\.id).joined(separator: ", "))")
            }
            let store = try LearningStore(home: LearningStore.defaultHome())
            if let trainee {
                let person = try pickTrainee(store, trainee)
                let runs = Self.runs(found, person, try store.record(trainee: person.id, course: loaded.course.id))
                guard !runs.isEmpty else { throw CommandFailure("\(person.name) (\(person.id)) has not started \(found.id) yet") }
                guard let chosen = runNumber.map({ number in runs.first { $0.number == number } }) ?? runs.last else {
                    throw CommandFailure("\(person.id) has \(runs.count) run\(runs.count == 1 ? "" : "s") of \(found.id); --run takes 1 to \(runs.count)")
                }
                let path = RoleplayReview.path(found, chosen)
                try output.emit(
                    json: { try ReportOutput.json(path) }, csv: { "" },
                    html: { ReportPages.roleplayPath(path, found, name: person.name, runs: runs.count) },
                    text: { RoleplayReportText.path(path, found, name: person.name, runs: runs.count) }
                )
            } else {
                let runs = try cohortTrainees(store, cohort).flatMap { person in
                    Self.runs(found, person, try store.record(trainee: person.id, course: loaded.course.id))
                }
                let summary = RoleplayReview.cohort(found, runs: runs, basis: attempts)
                try output.emit(
                    json: { try ReportOutput.json(summary) }, csv: { RoleplayReportText.table(summary).text },
                    html: { ReportPages.roleplayCohort(summary, found) },
                    text: { RoleplayReportText.cohort(summary, found) }
                )
            }
        }

        /// A trainee's runs of the role-play, numbered from 1 in the order they were started.
        static func runs(_ roleplay: Roleplay, _ person: Trainee, _ record: CourseRecord) -> [RoleplayReview.Run] {
            record.runs[roleplay.id, default: []].enumerated().map { index, run in
                RoleplayReview.Run(trainee: person.id, number: index + 1, finished: run.finishedAt != nil, ending: run.endingId, steps: run.steps)
            }
        }
    }
}
