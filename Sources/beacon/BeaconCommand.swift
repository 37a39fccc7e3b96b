import ArgumentParser
import Foundation

/// The `beacon` command: trains and certifies peer support specialists.
@main
struct BeaconCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beacon",
        abstract: "Train and certify mental-health peer support specialists.",
        discussion: """
            Start learning with `beacon learn`. Trainers write curricula as XML (see docs/curriculum-format.md) and check them with `beacon lint curricula/sample`.
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(name: "Trainee", subcommands: [Learn.self, Progress.self]),
            CommandGroup(name: "Trainer", subcommands: [CourseCommand.self, Lint.self, Preview.self, Import.self, Report.self, Export.self, Reset.self, GrantAttempt.self, RegradeCommand.self, TraineeCommand.self, Enrol.self]),
            CommandGroup(
                name: "Programs",
                subcommands: [ProgramCommand.self, People.self, Hours.self, Session.self, AttestCommand.self, Observe.self, ReferenceCommand.self, CE.self]
            ),
            CommandGroup(
                name: "Certification admin",
                subcommands: [
                    EligibilityCommand.self, Issue.self, Renew.self, Revoke.self, Suspend.self, Inactivate.self, Relinquish.self, Reinstate.self,
                    Certificate.self, Share.self, Unshare.self, StatusList.self, IssuerCommand.self, Keys.self, Audit.self, Serve.self, HostKeyCommand.self, DatabaseCommand.self,
                ]
            ),
            CommandGroup(name: "Verification", subcommands: [Verify.self, Trust.self, Sign.self]),
        ]
    )

    /// Exit codes follow the linters people know: 0 clean, 1 problems found, 2 the command
    /// itself was used wrongly (ArgumentParser's own default for that is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || (code != .success && code != .failure && !(error is ExitCode)) {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
