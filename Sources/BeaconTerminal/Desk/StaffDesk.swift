import BeaconCore
import BeaconStore
import Foundation

/// What a facilitator or supervisor meets over SSH with their own key: the actions their role
/// allows, on screens drawn like the course's (crisis support and help on every one). A
/// supervisor attests or rejects the pending hours of the trainees assigned to them; a
/// facilitator scores a trainee of their cohorts against a rubric and signs it. The store
/// checks each action again, so the desk offers only what would be accepted.
public struct StaffDesk {
    public enum Exit: Equatable, Sendable { case left, interrupted, endOfInput }

    let prompter: Prompter
    let store: LearningStore
    let course: Course
    let staff: StaffMember
    let today: () -> Date

    public init(terminal: any Terminal, resources: CrisisResources, store: LearningStore, course: Course, staff: StaffMember, today: @escaping () -> Date = Date.init) {
        // The desk speaks English for now: its staff read English reports (docs/translation-es.md).
        prompter = Prompter(terminal: terminal, resources: resources, words: .english)
        self.store = store
        self.course = course
        self.staff = staff
        self.today = today
    }

    /// How one screen ended: a line typed, back (q), or the session is ending.
    enum Step { case line(String), back, stop(Exit) }

    func ask(_ heading: String, _ body: [Para], keys: String, kind: DraftKind, problem: String? = nil, quit: String = "back") -> Step {
        let interactive = prompter.terminal.isInteractive
        let screen = { (draft: String) in
            Screen(heading: heading, body: body + (interactive && kind.isTyped ? [.blank] + self.prompter.wrap(draft, first: "> ", rest: "  ") : []), keys: keys)
        }
        switch prompter.ask(screen, kind: kind, problem: problem, quit: quit) {
        case .line(let line): return .line(line.trimmingCharacters(in: .whitespaces))
        case .quit: return .back
        case .interrupt: return .stop(.interrupted)
        case .endOfInput: return .stop(.endOfInput)
        }
    }

    /// Picks one of `entries` by number; nil when the person goes back.
    func choose(_ heading: String, intro: [Para], entries: [String], keys: String, quit: String = "back") -> Result<Int?, StopSession> {
        var problem: String?
        while true {
            var body = intro
            for (number, entry) in entries.enumerated() { body += prompter.wrap(entry, first: "  \(number + 1). ", rest: "     ") }
            let keys = entries.isEmpty ? "" : entries.count == 1 ? "1 choose" : "1-\(entries.count) choose"
            switch ask(heading, body, keys: keys, kind: .command(entries: entries.count), problem: problem, quit: quit) {
            case .back: return .success(nil)
            case .stop(let exit): return .failure(StopSession(exit: exit))
            case .line(let line):
                if let number = Int(line), (1...max(1, entries.count)).contains(number), !entries.isEmpty { return .success(number - 1) }
                problem = entries.isEmpty ? "Nothing to choose here; press q to go back." : "Type a number from 1 to \(entries.count), or q to go back."
            }
        }
    }

    struct StopSession: Error { var exit: Exit }

    public func run() -> Exit {
        do {
            while true {
                var entries: [(String, () throws -> Void)] = []
                if staff.roles.contains(.supervisor) {
                    let waiting = try store.hoursWaiting(supervisor: staff.id).count
                    entries.append(("Supervised hours waiting for you: \(waiting)", { try hoursWaiting() }))
                }
                if staff.roles.contains(.facilitator) {
                    entries.append(("Score a trainee's live role-play or skills demonstration", { try observe() }))
                }
                var intro = prompter.wrap("\(staff.name) · \(staff.roles.map(\.rawValue).joined(separator: " and ")) · \(course.title)")
                intro.append("")
                if entries.isEmpty {
                    intro += prompter.wrap("Nothing here is for your role. Admins act on the programme's host with commands: beacon issue, beacon people, beacon audit.")
                }
                switch choose("Beacon staff desk", intro: intro, entries: entries.map(\.0), keys: "", quit: "leave") {
                case .success(nil): return .left
                case .success(let index?): try entries[index].1()
                case .failure(let stop): return stop.exit
                }
            }
        } catch let stop as StopSession {
            return stop.exit
        } catch {
            prompter.terminal.write("\nSomething went wrong on the server; nothing half-done was recorded. Please tell the programme's admin.\n")
            return .left
        }
    }

    // MARK: Supervisors

    func hoursWaiting() throws {
        var notice: String?
        while true {
            let waiting = try store.hoursWaiting(supervisor: staff.id)
            var intro = notice.map { prompter.wrap($0) + [""] } ?? []
            intro += prompter.wrap(waiting.isEmpty
                ? "No hours are waiting for you."
                : "Each entry counts toward its trainee's program only once you attest it. Choose one to attest or reject it.")
            intro.append("")
            let entries = waiting.map { "\($0.trainee.name) · \($0.entry.day) · \(ProgramEvaluation.hours($0.entry.hours)) h · \($0.entry.supervision.rawValue) supervision" + ($0.entry.domain.map { " · \($0)" } ?? "") }
            guard let picked = try choose("Supervised hours", intro: intro, entries: entries, keys: "").get() else { return }
            let (trainee, entry) = waiting[picked]
            notice = try decide(trainee, entry)
        }
    }

    /// Attest or reject one entry; what happened, for the list.
    func decide(_ trainee: Trainee, _ entry: WorkHoursEntry) throws -> String? {
        let body = prompter.wrap("\(trainee.name) logged \(ProgramEvaluation.hours(entry.hours)) h of \(entry.supervision.rawValue) supervision on \(entry.day)" + (entry.domain.map { " in \($0)" } ?? "") + ".")
            + [""] + prompter.wrap("Attest only hours you supervised. A rejected entry can be corrected and logged again by the trainee; both stay on the record.")
        var problem: String?
        while true {
            switch ask("Attest these hours?", body, keys: "a attest · r reject", kind: .command(entries: 0), problem: problem) {
            case .back: return nil
            case .stop(let exit): throw StopSession(exit: exit)
            case .line(let line):
                guard line == "a" || line == "r" else {
                    problem = "Press a to attest or r to reject, or q to go back."
                    continue
                }
                do {
                    let decided = try store.decideHours(entry: entry.id, attest: line == "a", actor: staff.id, at: today())
                    return "\(trainee.name): \(ProgramEvaluation.hours(decided.hours)) h on \(decided.day) \(decided.state.rawValue)."
                } catch let refusal as ProgramRefusal {
                    return "Not recorded: \(refusal.description)."
                }
            }
        }
    }

    // MARK: Facilitators

    func observe() throws {
        var trainees: [Trainee] = []
        for cohort in staff.facilitates { trainees += try store.trainees(cohort: cohort) }
        let intro = prompter.wrap(trainees.isEmpty
            ? "No cohort is assigned to you yet; the programme's admin assigns one (beacon people assign --facilitator)."
            : "Whom did you observe? Trainees of your cohorts: \(staff.facilitates.joined(separator: ", ")).") + [""]
        guard let picked = try choose("Score an observed assessment", intro: intro, entries: trainees.map(\.name), keys: "").get() else { return }
        let trainee = trainees[picked]
        // Each rubric once, with a program that requires it (an observation counts in every program that asks for it).
        var rubrics: [(CertificationProgram.Rubric, CertificationProgram)] = []
        for program in course.certifications {
            for rubric in program.rubrics where !rubrics.contains(where: { $0.0.id == rubric.id }) { rubrics.append((rubric, program)) }
        }
        var chosen = rubrics.first
        if rubrics.count > 1 {
            guard let index = try choose("Which rubric?", intro: [], entries: rubrics.map(\.0.title), keys: "").get() else { return }
            chosen = rubrics[index]
        }
        guard let (rubric, program) = chosen else {
            _ = ask("No rubric", prompter.wrap("This course's programs have no rubric to score against."), keys: "Enter back", kind: .command(entries: 0))
            return
        }
        try score(trainee, rubric, program)
    }

    /// Item by item, then notes, then the sign-off; nothing is written before it.
    func score(_ trainee: Trainee, _ rubric: CertificationProgram.Rubric, _ program: CertificationProgram) throws {
        var scores: [String: Int] = [:]
        for (number, item) in rubric.items.enumerated() {
            var problem: String?
            while scores[item.id] == nil {
                let body = prompter.wrap("\(trainee.name) · \(rubric.title) · item \(number + 1) of \(rubric.items.count)") + [""] + prompter.wrap(item.text)
                switch ask("Score 0 to \(item.max)", body, keys: "type the score, then Enter", kind: .name, problem: problem, quit: "stop without recording") {
                case .back: return
                case .stop(let exit): throw StopSession(exit: exit)
                case .line(let line):
                    if let value = Int(line), (0...item.max).contains(value) { scores[item.id] = value } else { problem = "Type a whole number from 0 to \(item.max)." }
                }
            }
        }
        let notes: String
        switch ask("Notes", prompter.wrap("Anything the record should say (one line; Enter for none). Notes stay on this record: never on a certificate or in the audit log."),
                   keys: "type, then Enter", kind: .text, quit: "stop without recording") {
        case .back: return
        case .stop(let exit): throw StopSession(exit: exit)
        case .line(let line): notes = line
        }
        let result = EvidenceRules.observationResult(scores, rubric: rubric)
        let summary = prompter.wrap("\(trainee.name): \(result.points) of \(rubric.outOf) points, \(result.passed ? "passed" : "not passed") (\(Int((rubric.pass * 100).rounded()))% passes).")
            + [""] + prompter.wrap("Signing records it under your name, \(staff.id), sealed into the audit log. It cannot be changed afterwards.")
        var problem: String?
        while true {
            switch ask("Sign this assessment?", summary, keys: "y sign · n discard", kind: .command(entries: 0), problem: problem, quit: "discard") {
            case .back: return
            case .stop(let exit): throw StopSession(exit: exit)
            case .line("n"): return
            case .line("y"):
                let message: String
                do {
                    let record = try store.observe(trainee: trainee.id, program: program, rubric: rubric.id, scores: scores, notes: notes, day: DayDate(today()), actor: staff.id, at: today())
                    message = "Signed: \(record.points) of \(record.outOf) points, \(record.passed ? "passed" : "not passed")."
                } catch let refusal as ProgramRefusal {
                    message = "Not recorded: \(refusal.description)."
                }
                _ = ask("Assessment", prompter.wrap(message), keys: "Enter back", kind: .command(entries: 0))
                return
            case .line:
                problem = "Press y to sign or n to discard."
            }
        }
    }
}
