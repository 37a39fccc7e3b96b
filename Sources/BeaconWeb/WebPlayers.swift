import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation

/// The course a browser session plays and where its answers go.
public struct WebCourse: Sendable {
    public var course: Course
    public var stamp: CourseStamp
    public var resources: CrisisResources
    public var seed: UInt64?

    public init(course: Course, stamp: CourseStamp, resources: CrisisResources, seed: UInt64? = nil) {
        self.course = course
        self.stamp = stamp
        self.resources = resources
        self.seed = seed
    }

    /// Runs the course for `trainee` on `terminal`, on a thread of its own (a session's reads
    /// block there, never on an event loop); `done` is called when the player returns.
    func play(store: LearningStore, trainee: Trainee, terminal: any Terminal & Sendable, language: Language, done: @escaping @Sendable () -> Void) {
        var options = CoursePlayer.Options(seed: seed)
        options.language = language
        let (course, settings) = (self, options)
        let thread = Thread {
            let player = CoursePlayer(
                course: course.course, stamp: course.stamp, store: store, trainee: trainee,
                terminal: terminal, resources: course.resources, options: settings
            )
            _ = player.run()
            done()
        }
        thread.name = "beacon-web-player"
        thread.stackSize = 1 << 20  // small stacks: the player needs little, and sessions share the machine
        thread.start()
    }
}

/// The players of signed-in browsers, one per trainee (two tabs share it). A player lives on
/// its own thread while the trainee answers and ends when they sign out, leave with q, or stay
/// away for `idle`; every answer is already in the store, so the next one starts where the last
/// stopped, on this instance or another.
final class WebPlayers: @unchecked Sendable {
    // Safe: `players` is read and written only with `lock` held.
    private let lock = NSLock()
    private var players: [String: (terminal: WebLinearTerminal, lastUsed: Date)] = [:]
    let store: LearningStore
    let course: WebCourse
    let idle: TimeInterval
    let limit: Int

    init(store: LearningStore, course: WebCourse, idle: TimeInterval, limit: Int) {
        self.store = store
        self.course = course
        self.idle = idle
        self.limit = limit
    }

    /// Sends `line` to the trainee's player (starting one if none runs) and returns the screen.
    /// Nil when the server already runs as many players as it may.
    func exchange(_ line: String?, trainee: Trainee, language: Language) -> (text: String, ended: Bool)? {
        sweep()
        let terminal: WebLinearTerminal
        let started: Bool
        lock.lock()
        if let running = players[trainee.id], !running.terminal.hasEnded {
            terminal = running.terminal
            started = false
        } else {
            guard players.count < limit else {
                lock.unlock()
                return nil
            }
            terminal = WebLinearTerminal()
            started = true
        }
        players[trainee.id] = (terminal, Date())
        lock.unlock()
        if started { course.play(store: store, trainee: trainee, terminal: terminal, language: language) { terminal.finish() } }
        // A new player (after a restart, or a player that had ended) shows where the trainee
        // is; an answer posted from an older page was for another screen, so it is not sent.
        let result = terminal.exchange(started ? nil : line)
        if result.ended { end(trainee.id) }
        return result
    }

    /// Ends the trainee's player (signing out): its read returns, and it leaves as at Ctrl-D.
    func end(_ trainee: String) {
        let terminal = lock.withLock { players.removeValue(forKey: trainee)?.terminal }
        terminal?.close()
    }

    /// Players unused for `idle` end; their work is saved.
    func sweep(now: Date = Date()) {
        let stale = lock.withLock { () -> [WebLinearTerminal] in
            let old = players.filter { now.timeIntervalSince($0.value.lastUsed) > idle || $0.value.terminal.hasEnded }
            for key in old.keys { players.removeValue(forKey: key) }
            return old.values.map(\.terminal)
        }
        for terminal in stale { terminal.close() }
    }

    var count: Int { lock.withLock { players.count } }
}
