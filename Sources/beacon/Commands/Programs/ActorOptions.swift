import ArgumentParser
import BeaconCore
import BeaconStore
import Foundation

/// Who is acting, for commands that record something about a trainee. Host commands trust the
/// name given, as the audit log always has; over SSH the key decides.
struct ActorOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Who is acting: your staff id (beacon people list), or a trainee's own id for their entries. Default: $BEACON_ACTOR, else your login name.", valueName: "id")
    )
    var actor: String?

    var id: String { actor ?? LearningStore.actor }
}

/// A calendar day from the command line; today when not given.
func parseDay(_ text: String?, option: String = "--date") throws -> DayDate {
    guard let text else { return DayDate(Date()) }
    guard let day = DayDate(text) else { throw ValidationError("\(option) \(text) is not a day; write it as YYYY-MM-DD") }
    return day
}

/// Store refusals are the user's input being refused, not a crash: exit 1 with the reason.
@discardableResult
func refusing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let refusal as ProgramRefusal { throw CommandFailure(refusal.description) } catch let error as StoreError {
        throw CommandFailure(error.description)
    }
}
