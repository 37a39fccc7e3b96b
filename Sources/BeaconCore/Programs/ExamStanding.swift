import Foundation

/// Whether a trainee may sit a program's exam now, under its rule: attempts per window, a wait
/// between attempts, and retraining after repeated failures.
public enum ExamStanding: Sendable, Equatable {
    case passed
    /// Another attempt is allowed; `remaining` is nil when the rule sets no limit.
    case open(remaining: Int?)
    /// The wait after the last attempt runs until then.
    case waiting(until: Date)
    /// Every attempt in the window is used; the oldest leaves the window then.
    case windowFull(until: Date)
    /// Failed too often: the module must be started over and finished again.
    case retrain(module: String?)
    /// Started over: the module must be finished again before the next attempt.
    case retraining(module: String?)

    /// - Parameter retrainingDone: whether the retraining module has been finished again since
    ///   `retrainedAt` (ignored when there was no retraining).
    public init(rule: CertificationProgram.ExamRule, attempts all: [ProgramEvidence.Attempt], retrainedAt: Date?, retrainingDone: Bool = true, now: Date) {
        // Attempts before a retraining belong to the cycle it closed.
        let attempts = all.filter { retrainedAt == nil || $0.finishedAt > retrainedAt! }.sorted { $0.finishedAt < $1.finishedAt }
        if attempts.contains(where: \.passed) {
            self = .passed
            return
        }
        if retrainedAt != nil, !retrainingDone, attempts.isEmpty {
            self = .retraining(module: rule.retrainModule?.id)
            return
        }
        if let limit = rule.retrainAfter, attempts.count >= limit {
            self = .retrain(module: rule.retrainModule?.id)
            return
        }
        let calendar = DayDate.calendar
        if let wait = rule.wait, let last = attempts.last,
            let until = calendar.date(byAdding: wait.dateComponents, to: last.finishedAt), until > now
        {
            self = .waiting(until: until)
            return
        }
        guard let limit = rule.attempts else {
            self = .open(remaining: nil)
            return
        }
        let inWindow: [ProgramEvidence.Attempt]
        if let window = rule.window {
            inWindow = attempts.filter { (calendar.date(byAdding: window.dateComponents, to: $0.finishedAt) ?? .distantFuture) > now }
        } else {
            inWindow = attempts
        }
        if inWindow.count >= limit {
            if rule.window != nil, let oldest = inWindow.first, let until = calendar.date(byAdding: rule.window!.dateComponents, to: oldest.finishedAt) {
                self = .windowFull(until: until)
            } else {
                // No window: the limit is for good, and only retraining (if the rule has it) reopens it.
                self = .retrain(module: rule.retrainModule?.id)
            }
            return
        }
        self = .open(remaining: limit - inWindow.count)
    }

    /// Whether an attempt may start now.
    public var allowsAttempt: Bool {
        if case .open = self { return true }
        return false
    }

    public var explanation: String {
        switch self {
        case .passed: "passed"
        case .open(let remaining): remaining.map { "\($0) attempt\($0 == 1 ? "" : "s") left" } ?? "attempts open"
        case .waiting(let until): "next attempt from \(Self.moment(until))"
        case .windowFull(let until): "every attempt in the window used; next from \(Self.moment(until))"
        case .retrain(let module): module.map { "failed too often: retrain (module \($0) is started over) before another attempt" } ?? "no attempts left"
        case .retraining(let module): "retraining: finish module \(module ?? "the retraining module") again, then the exam opens"
        }
    }

    static func moment(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
