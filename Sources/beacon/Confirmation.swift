import ArgumentParser
import Foundation

/// Asks before a change that cannot be undone; anything but "yes" changes nothing. Input that
/// has ended (a script without --yes) is a no, never a hang.
func confirmOrStop(_ question: String) throws {
    print("\(question) Type yes to confirm: ", terminator: "")
    fflush(nil)  // every stream: `stdout` itself is shared mutable state to Swift 6
    guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
        print("\nNothing was changed. Give --yes to skip this question.")
        throw ExitCode.failure
    }
}
