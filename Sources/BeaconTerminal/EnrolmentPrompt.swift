import BeaconCore
import BeaconStore
import Foundation

/// The first screen a trainee meets over SSH with a key Beacon does not know yet: type the
/// one-time code the trainer gave you. Crisis support and help work here as everywhere.
public struct EnrolmentPrompt {
    let prompter: Prompter

    public init(terminal: any Terminal, resources: CrisisResources, language: Language = .english) {
        prompter = Prompter(terminal: terminal, resources: resources, words: .in(language))
    }

    /// Asks for a code until `redeem` accepts one (the trainee), the tries run out, or the person
    /// leaves (nil). `redeem` returns the trainee, or what to tell the person about a refusal.
    public func run<Enrolled>(tries: Int, redeem: (String) -> Result<Enrolled, EnrolmentProblem>) -> Enrolled? {
        let interactive = prompter.terminal.isInteractive
        let words = prompter.words.signIn
        let body = prompter.wrap(words.notEnrolled)
        var problem: String?
        var left = tries
        while left > 0 {
            let screen = { (draft: String) in
                Screen(heading: words.welcome, body: body + (interactive ? [.blank] + self.prompter.wrap(draft, first: words.code, rest: "  ") : []),
                       keys: words.codeKeys)
            }
            guard case .line(let line) = prompter.ask(screen, kind: .name, problem: problem, quit: prompter.words.chrome.quitLeave) else { return nil }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                problem = words.emptyCodeProblem
                continue
            }
            left -= 1
            switch redeem(line) {
            case .success(let enrolled): return enrolled
            case .failure(let refusal):
                problem = refusal.message + (left > 0 ? " " + words.triesLeft(left) : "")
            }
        }
        prompter.terminal.write("\n" + prompter.lines(words.tooManyCodes).joined(separator: "\n") + "\n")
        return nil
    }
}

/// What a trainee is told when a code does not enrol them.
public struct EnrolmentProblem: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
