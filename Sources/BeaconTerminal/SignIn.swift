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

    public init(store: LearningStore, terminal: any Terminal, resources: CrisisResources, language: Language = .english) {
        self.store = store
        prompter = Prompter(terminal: terminal, resources: resources, words: .in(language))
    }

    var words: PlayerWords.SignInWords { prompter.words.signIn }

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
                case .some(false): problem = words.nameTaken(matches[0].name)
                case .none: return nil
                }
            default:
                switch askId(among: matches) {
                case .some(.some(let trainee)): return trainee
                case .some(.none): problem = words.idNotOne
                case .none: return nil
                }
            }
        }
    }

    private func askName(problem: String?) -> String? {
        let words = words
        let body = prompter.wrap(words.askName)
        let interactive = prompter.terminal.isInteractive
        var problem = problem
        while true {
            let screen = { (draft: String) in
                Screen(heading: words.welcome, body: body + (interactive ? [.blank] + prompterWrap(draft, words.yourName) : []), keys: words.nameKeys)
            }
            guard case .line(let line) = prompter.ask(screen, kind: .name, problem: problem, quit: prompter.words.chrome.quitLeave) else { return nil }
            if let reason = TraineeName.problemKind(with: line) {
                problem = prompter.words.nameProblem(reason)
                continue
            }
            return TraineeName.normalized(line)
        }
    }

    /// Yes, no, or nil when the person leaves.
    private func confirm(_ trainee: Trainee) -> Bool? {
        let screen = Screen(
            heading: words.welcomeBack,
            body: prompter.wrap(words.isThatYou(trainee.name)) + [""] + prompter.wrap(words.yesCarryOn, first: "  1. ", rest: "     ")
                + prompter.wrap(words.noSomeoneElse, first: "  2. ", rest: "     "),
            keys: words.yesNoKeys
        )
        var problem: String?
        while true {
            guard case .line(let line) = prompter.ask({ _ in screen }, kind: .command(entries: 2), problem: problem, quit: prompter.words.chrome.quitLeave) else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
            if answer == "1" || words.yesAnswers.contains(answer) { return true }
            if answer == "2" || words.noAnswers.contains(answer) { return false }
            problem = words.confirmProblem
        }
    }

    /// The record whose id the person types; .some(nil) for an id that is none of them.
    private func askId(among matches: [Trainee]) -> Trainee?? {
        let words = words
        let screen = Screen(
            heading: words.moreThanOne,
            body: prompter.wrap(words.typeYourId) + [""] + prompter.wrap(words.newHere),
            keys: words.idKeys
        )
        let interactive = prompter.terminal.isInteractive
        guard case .line(let line) = prompter.ask({ draft in
            var shown = screen
            if interactive { shown.body += [.blank] + prompterWrap(draft, words.yourId) }
            return shown
        }, kind: .name, problem: nil, quit: prompter.words.chrome.quitLeave) else { return nil }
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
