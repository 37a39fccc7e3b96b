import BeaconCore
import BeaconStore
import Foundation

/// Finds who is learning on a computer that several people may share. Nobody is shown other
/// trainees' names: the person types their own, and a name already on record is confirmed
/// before anything is saved under it. Several records with that name are told apart by the id
/// each person was shown when they last left.
public struct SignIn {
    let store: LearningStore
    let prompter: Prompter

    public init(store: LearningStore, terminal: any Terminal, resources: CrisisResources) {
        self.store = store
        prompter = Prompter(terminal: terminal, resources: resources)
    }

    /// The trainee named by `--trainee` (id or name, created if new), else asked for.
    /// Nil when the person leaves without choosing (q, Ctrl-C, end of input).
    public func trainee(requested: String?) throws -> Trainee? {
        if let requested {
            if let existing = try store.trainee(id: requested), !existing.name.isEmpty { return existing }
            if let byName = try store.trainees().first(where: { TraineeName.same($0.name, requested) }) { return byName }
            if let problem = TraineeName.problem(with: requested) { throw SignInError(message: "--trainee: " + problem) }
            return try store.addTrainee(name: TraineeName.normalized(requested))
        }
        var problem: String?
        while true {
            guard let name = askName(problem: problem) else { return nil }
            problem = nil
            let matches = try store.trainees().filter { TraineeName.same($0.name, name) || $0.id == name }
            switch matches.count {
            case 0:
                return try store.addTrainee(name: name)
            case 1:
                switch confirm(matches[0]) {
                case .some(true): return matches[0]
                case .some(false): problem = "Beacon already has someone called \(matches[0].name). Type your name with something that tells you apart, such as a last initial or a nickname."
                case .none: return nil
                }
            default:
                switch askId(among: matches) {
                case .some(.some(let trainee)): return trainee
                case .some(.none): problem = "That id is not one of them. Type your name again, or a different name to start a new record."
                case .none: return nil
                }
            }
        }
    }

    private func askName(problem: String?) -> String? {
        let body = prompter.wrap("What name should Beacon use for you? A first name or a nickname is enough. If you have been here before, type the name you used then.")
        let interactive = prompter.terminal.isInteractive
        var problem = problem
        while true {
            let screen = { (draft: String) in
                Screen(heading: "Welcome to Beacon", body: body + (interactive ? [.blank] + prompterWrap(draft, "Your name: ") : []), keys: "type your name, then Enter")
            }
            guard case .line(let line) = prompter.ask(screen, kind: .name, problem: problem, quit: "leave") else { return nil }
            if let reason = TraineeName.problem(with: line) {
                problem = reason
                continue
            }
            return TraineeName.normalized(line)
        }
    }

    /// Yes, no, or nil when the person leaves.
    private func confirm(_ trainee: Trainee) -> Bool? {
        let screen = Screen(
            heading: "Welcome back",
            body: prompter.wrap("Beacon has a record for \(trainee.name). Is that you?") + ["", "  1. Yes, carry on where I left off", "  2. No, I am someone else"],
            keys: "1 yes or 2 no"
        )
        var problem: String?
        while true {
            guard case .line(let line) = prompter.ask({ _ in screen }, kind: .command(entries: 2), problem: problem, quit: "leave") else { return nil }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "1", "y", "yes": return true
            case "2", "n", "no": return false
            default: problem = "Type 1 if this is your record, or 2 if it is not."
            }
        }
    }

    /// The record whose id the person types; .some(nil) for an id that is none of them.
    private func askId(among matches: [Trainee]) -> Trainee?? {
        let screen = Screen(
            heading: "More than one record",
            body: prompter.wrap("More than one person has used that name here. Type the id Beacon showed you when you last left (in \"Resume with: beacon learn --trainee …\").")
                + [""] + prompter.wrap("If you have not been here before, press Enter and choose a different name."),
            keys: "type your id, then Enter"
        )
        let interactive = prompter.terminal.isInteractive
        guard case .line(let line) = prompter.ask({ draft in
            var shown = screen
            if interactive { shown.body += [.blank] + prompterWrap(draft, "Your id: ") }
            return shown
        }, kind: .name, problem: nil, quit: "leave") else { return nil }
        let id = line.trimmingCharacters(in: .whitespaces)
        return .some(matches.first { $0.id == id })
    }
}

/// A `--trainee` value that cannot be a name.
public struct SignInError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension SignIn {
    /// What is being typed, after its label, wrapped with the screen.
    func prompterWrap(_ draft: String, _ label: String) -> [Para] {
        prompter.wrap(draft, first: label, rest: "  ")
    }
}
