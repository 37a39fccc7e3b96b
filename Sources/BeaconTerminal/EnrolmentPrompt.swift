import BeaconStore
import Foundation

/// The first screen a trainee meets over SSH with a key Beacon does not know yet: type the
/// one-time code the trainer gave you. Crisis support and help work here as everywhere.
public struct EnrolmentPrompt {
    let prompter: Prompter

    public init(terminal: any Terminal, resources: CrisisResources) {
        prompter = Prompter(terminal: terminal, resources: resources)
    }

    /// Asks for a code until `redeem` accepts one (the trainee), the tries run out, or the person
    /// leaves (nil). `redeem` returns the trainee, or what to tell the person about a refusal.
    public func run<Enrolled>(tries: Int, redeem: (String) -> Result<Enrolled, EnrolmentProblem>) -> Enrolled? {
        let interactive = prompter.terminal.isInteractive
        let body = prompter.wrap("This computer's key is not enrolled yet. Type the enrolment code your trainer gave you (like K7QM-4XTP-9WHC); it links this key to you, so next time you come straight in.")
        var problem: String?
        var left = tries
        while left > 0 {
            let screen = { (draft: String) in
                Screen(heading: "Welcome to Beacon", body: body + (interactive ? [.blank] + self.prompter.wrap(draft, first: "Code: ", rest: "  ") : []),
                       keys: "type the code, then Enter")
            }
            guard case .line(let line) = prompter.ask(screen, kind: .name, problem: problem, quit: "leave") else { return nil }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                problem = "Type the code, then press Enter."
                continue
            }
            left -= 1
            switch redeem(line) {
            case .success(let enrolled): return enrolled
            case .failure(let refusal):
                problem = refusal.message + (left > 0 ? " \(left) \(left == 1 ? "try" : "tries") left." : "")
            }
        }
        prompter.terminal.write("\n" + prompter.lines("Too many codes that did not work. Ask your trainer for a new code, then connect again.").joined(separator: "\n") + "\n")
        return nil
    }
}

/// What a trainee is told when a code does not enrol them.
public struct EnrolmentProblem: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
