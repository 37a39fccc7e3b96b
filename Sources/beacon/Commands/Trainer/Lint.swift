import ArgumentParser
import BeaconCore
import BeaconXML
import Foundation

extension BeaconCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check curricula for mistakes before trainees meet them.",
            discussion: """
                Each PATH is a course file or a folder; a folder is searched for .xml files whose root element is <course>. A module file (root <module>) can be checked on its own.

                Checks: well-formed XML, the schema (curricula/schema/curriculum.xsd), unique ids, references, questions that cannot earn full marks, unreachable pass marks, pools smaller than their draw, and every role-play's paths: unreachable scenes, places where a trainee gets stuck, loops with no way to an ending, and competency minimums no path can earn. Codes are explained in docs/diagnostics.md.

                A translation is checked against its original with --original: the same modules, lessons, quizzes, questions, options, scenes, choices, criteria and endings, with the same ids, order, scores, pass marks, rules and references, so that one program can accept work done in either edition. Only the words differ, and each language has its own rubric patterns, keywords and samples. The translation keeps the original's course id and version and sets its own xml:lang.

                Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 the command was used wrongly.

                Examples:
                  beacon lint curricula/sample
                  beacon lint --strict --json curricula/sample/course.xml
                  beacon lint --strict --original curricula/peer-core curricula/peer-core-es
                """
        )

        @Argument(help: "Course files or folders to check.")
        var paths: [String]

        @Flag(help: "Print one JSON object (diagnostics and a summary of counts) for scripts.")
        var json = false

        @Option(help: ArgumentHelp("The edition the courses at PATH translate; report anything missing, extra or changed.", valueName: "course"))
        var original: String?

        @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
        var strict = false

        @Option(help: ArgumentHelp("Seeded random playthroughs per role-play.", valueName: "count"))
        var playthroughs = 200

        @Option(help: ArgumentHelp("Seed for the random playthroughs.", valueName: "number"))
        var seed: UInt64 = 0xBEAC0

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("name at least one course file or folder, e.g. curricula/sample") }
            guard playthroughs >= 0 else { throw ValidationError("--playthroughs cannot be negative") }
        }

        func run() throws {
            var options = CurriculumLinter.Options()
            options.playthroughs = playthroughs
            options.seed = seed
            let results = LintRun(options: options).lint(paths: paths, original: original)
            let output = json ? results.json() : results.humanReadable(colour: OutputStyle.wantsColour)
            FileHandle.standardOutput.write(Data((output + "\n").utf8))
            let failing = results.errorCount > 0 || (strict && results.warningCount > 0)
            if failing { throw ExitCode.failure }
        }
    }
}
