import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Observe: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "observe",
            abstract: "A facilitator scores a trainee's live role-play or skills demonstration against a rubric, and signs it.",
            discussion: """
                Without --score, each rubric item is asked in turn (0 to its maximum), then notes, then the sign-off; nothing is recorded until it is signed, so stopping part-way (Ctrl-C) leaves the record as it was. The signature is a SHA-256 over the rubric, scores, notes, facilitator and day, sealed into the audit log. Notes stay on this record: they never enter a certificate or the audit log, and exports leave them out.

                Examples:
                  beacon observe --trainee sam-lee --rubric crisis-skills --program tx-peer --as ana-ruiz
                  beacon observe --trainee sam-lee --rubric crisis-skills --program tx-peer --score asks-directly=2 --score safety-plan=2 --sign --as ana-ruiz
                  beacon observe --trainee sam-lee --list       # what was observed, with notes
                """
        )
        @Option(help: ArgumentHelp("The trainee observed.", valueName: "id")) var trainee: String
        @Option(help: ArgumentHelp("The rubric's id.", valueName: "id")) var rubric: String?
        @Option(help: ArgumentHelp("An item's score as item=points; repeat for each item.", valueName: "item=points")) var score: [String] = []
        @Option(help: "Notes for the record (kept here only).") var notes: String?
        @Option(help: ArgumentHelp("The day observed (YYYY-MM-DD; default today).", valueName: "day")) var date: String?
        @Flag(help: "Sign without being asked (with --score, for scripts).") var sign = false
        @Flag(help: "List the trainee's observations instead, with notes.") var list = false
        @Option(help: "Program id (default: the course's only program).") var program: String?
        @Option(help: courseHelp) var course: String?
        @OptionGroup var acting: ActorOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let context = try CertificationContext(course: course)
            let person = try pickTrainee(context.store, trainee)
            if list {
                let records = try context.store.observations(trainee: person.id)
                if json { return try printJSON(records) }
                if records.isEmpty { print("\(person.name) has not been observed.") }
                for record in records {
                    print("\(record.day)  \(record.rubric) v\(record.rubricVersion)  \(record.points)/\(record.outOf)  \(record.passed ? "passed" : "not passed")  by \(record.facilitator)")
                    if let notes = record.notes { print("  notes: \(notes)") }
                }
                return
            }
            guard let rubricId = rubric else { throw ValidationError("name the rubric with --rubric (or --list to see observations)") }
            let chosen = try context.program(program)
            let held = try context.store.programVersion(trainee: person.id, course: context.course.course, program: chosen.id) ?? chosen
            guard let found = held.rubric(rubricId) else {
                throw CommandFailure("program \(held.label) has no rubric '\(rubricId)'; rubrics: \(held.rubrics.map(\.id).joined(separator: ", "))")
            }
            let day = try parseDay(date)
            try refusing { try context.store.authorize(.observe, actor: acting.id, trainee: person.id) }
            var scores: [String: Int] = [:]
            var notesText = notes
            if score.isEmpty {
                print("\(found.title) · \(person.name) · \(day)")
                for item in found.items {
                    scores[item.id] = try ask("\(item.text) (0-\(item.max))") { Int($0).flatMap { (0...item.max).contains($0) ? $0 : nil } }
                }
                if notesText == nil {
                    print("Notes (one line, Enter for none): ", terminator: "")
                    notesText = readLine()
                }
            } else {
                for pair in score {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2, let value = Int(parts[1]) else { throw ValidationError("--score \(pair) is not item=points") }
                    scores[String(parts[0])] = value
                }
            }
            if let problem = EvidenceRules.observationProblem(scores, rubric: found) { throw CommandFailure(problem) }
            let result = EvidenceRules.observationResult(scores, rubric: found)
            if !sign {
                print("\(result.points) of \(found.outOf) points: \(result.passed ? "passed" : "not passed"). Sign as \(acting.id)? Type yes: ", terminator: "")
                guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else { throw CommandFailure("not signed; nothing recorded") }
            }
            let record = try refusing {
                try context.store.observe(trainee: person.id, program: held, rubric: found.id, scores: scores, notes: notesText, day: day, actor: acting.id)
            }
            if json { return try printJSON(record) }
            print("Signed \(record.id): \(record.points) of \(record.outOf) points, \(record.passed ? "passed" : "not passed") (signature \(record.digest.prefix(16))…).")
        }

        private func ask<T>(_ question: String, _ parse: (String) -> T?) throws -> T {
            while true {
                print("\(question): ", terminator: "")
                guard let line = readLine() else { throw CommandFailure("stopped before signing; nothing recorded") }
                if let value = parse(line.trimmingCharacters(in: .whitespaces)) { return value }
                print("  that is not one of the allowed scores")
            }
        }
    }
}
