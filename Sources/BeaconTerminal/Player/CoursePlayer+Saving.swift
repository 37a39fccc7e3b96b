import BeaconStore
import Dispatch
import Foundation
import Synchronization

extension CoursePlayer {

    /// Runs one write to the record; the screen that acknowledges it is drawn only after it
    /// returns, so nothing is shown as saved that was not committed. On an embedded SQLite file
    /// it takes a millisecond. A PostgreSQL server that is restarting is retried by the store
    /// for a while: after a moment the trainee reads "Saving…", and then either carries on or
    /// the session ends with a clear message (`Exit.notSaved`).
    func saving<T: Sendable>(_ work: @escaping @Sendable () throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            done.signal()
        }
        if done.wait(timeout: .now() + options.savingNotice) == .timedOut {
            terminal.write(terminal.isInteractive ? "\r\n  " + words.chrome.saving : words.chrome.saving + "\n")
            done.wait()
        }
        do {
            return try result.withLock { $0! }.get()
        } catch {
            throw NotSaved(reason: Self.reason(error, words: words))
        }
    }

    /// What the trainee is told, in their terms; the database's own words stay in its log.
    static func reason(_ error: any Error, words: PlayerWords) -> String {
        if let error = error as? RecordDatabaseError, error.lostConnection {
            return words.chrome.lostConnection
        }
        return words.chrome.notWritten("\(error)")
    }

    /// A write that did not happen, carried out of the player to end the session plainly.
    struct NotSaved: Error {
        var reason: String
    }
}
