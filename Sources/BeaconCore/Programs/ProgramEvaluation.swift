import Foundation

/// A program's rules judged against one trainee's evidence: each requirement met or missing,
/// how much was found against how much is needed, and why. Pure: the store gathers the evidence.
public struct ProgramEvaluation: Sendable, Equatable, Encodable {
    public struct Check: Sendable, Equatable, Encodable {
        /// module, quiz, competency, training-hours, supervised-hours, attestation, observation, references.
        public var kind: String
        public var requirement: String
        public var met: Bool
        /// What was found: "best attempt 85%", "2 of 3 items done", "180 of 250 h attested".
        public var detail: String
        /// Needed for the full certificate only (the program has a provisional stage).
        public var fullOnly: Bool
        /// For counted requirements (hours, references): found and needed.
        public var have: Double?
        public var need: Double?
    }

    public enum Stage: String, Sendable, Encodable { case provisional, full }

    /// An endorsement's own requirements, judged like the program's.
    public struct EndorsementResult: Sendable, Equatable, Encodable {
        public var id: String
        public var title: String
        public var met: Bool
        public var checks: [Check]
    }

    public var checks: [Check]
    /// Which certificate the evidence supports now; nil when not yet eligible for any.
    public var stage: Stage?
    /// The exam rule's verdict, when the program has one.
    public var exam: String?
    public var endorsements: [EndorsementResult]

    public init(program: CertificationProgram, course: Course, evidence: ProgramEvidence, now: Date) {
        var checks = program.requirements.map { Self.check($0, fullOnly: false, program, course, evidence) }
        checks += program.fullOnly.map { Self.check($0, fullOnly: true, program, course, evidence) }
        self.checks = checks
        if checks.allSatisfy(\.met) {
            stage = .full
        } else if program.provisionalValidity != nil, checks.filter({ !$0.fullOnly }).allSatisfy(\.met) {
            stage = .provisional
        } else {
            stage = nil
        }
        endorsements = program.endorsements.map { endorsement in
            let checks = endorsement.requirements.map { Self.check($0, fullOnly: false, program, course, evidence) }
            return EndorsementResult(id: endorsement.id, title: endorsement.title, met: checks.allSatisfy(\.met), checks: checks)
        }
        exam = program.exam.map { rule in
            ExamStanding(
                rule: rule, attempts: evidence.attempts[rule.quiz.id] ?? [], retrainedAt: evidence.retrainedAt, retrainingDone: evidence.retrainingDone, now: now
            ).explanation
        }
    }

    static func check(
        _ requirement: CertificationProgram.Requirement, fullOnly: Bool, _ program: CertificationProgram, _ course: Course, _ evidence: ProgramEvidence
    ) -> Check {
        func made(_ kind: String, _ text: String, _ met: Bool, _ detail: String, have: Double? = nil, need: Double? = nil) -> Check {
            Check(kind: kind, requirement: text, met: met, detail: detail, fullOnly: fullOnly, have: have, need: need)
        }
        switch requirement {
        case .module(let reference):
            let title = course.module(reference.id)?.title ?? reference.id
            guard let fact = evidence.modules[reference.id] else { return made("module", "Finish module \(title)", false, "no such module") }
            return made("module", "Finish module \(title)", fact.total > 0 && fact.done == fact.total, "\(fact.done) of \(fact.total) items done")
        case .quiz(let reference, let score):
            let quiz = course.quizzes.first { $0.id == reference.id }
            let needed = score ?? quiz?.passMark ?? 1
            let best = evidence.attempts[reference.id, default: []].map(\.score).max()
            return made(
                "quiz", "Score at least \(percent(needed)) on \(quiz?.title ?? reference.id)", (best ?? -1) + 1e-9 >= needed,
                best.map { "best attempt \(percent($0))" } ?? "not attempted"
            )
        case .competency(let reference, let score):
            let title = course.competency(reference.id)?.title ?? reference.id
            guard let fact = evidence.competencies[reference.id], fact.outOf > 0 else {
                return made("competency", "Reach \(percent(score)) in \(title)", false, "no role-play finished")
            }
            return made("competency", "Reach \(percent(score)) in \(title)", fact.share + 1e-9 >= score, "\(fact.points) of \(fact.outOf) points (\(percent(fact.share)))")
        case .trainingHours(let rule):
            return trainingHours(rule, evidence, made)
        case .supervisedHours(let rule):
            let counted = evidence.workHours.filter { entry in
                entry.state == .attested && (rule.domain == nil || entry.domain == rule.domain) && (rule.supervision == nil || entry.supervision == rule.supervision)
            }
            let have = counted.reduce(0) { $0 + $1.hours }
            let pending = evidence.workHours.filter { $0.state == .pending && (rule.domain == nil || $0.domain == rule.domain) }.reduce(0) { $0 + $1.hours }
            var what = "\(hours(rule.hours)) supervised work hours"
            if let kind = rule.supervision { what += " (\(kind.rawValue) supervision)" }
            if let domain = rule.domain { what += " in \(domain)" }
            var detail = "\(hours(have)) of \(hours(rule.hours)) h attested by a supervisor"
            if pending > 0 { detail += "; \(hours(pending)) h logged and waiting for a supervisor" }
            return made("supervised-hours", "Log \(what)", have + 1e-9 >= rule.hours, detail, have: have, need: rule.hours)
        case .attestation(let reference):
            guard let document = program.document(reference.id) else { return made("attestation", "Attest \(reference.id)", false, "no such document") }
            let text = document.kind == .livedExperience ? "State lived experience (\(document.title), version \(document.version))" : "Sign \(document.title), version \(document.version)"
            let mine = evidence.attestations.filter { $0.document == document.id }.sorted { $0.at < $1.at }
            if let current = mine.last(where: { $0.version == document.version && $0.sha256 == document.sha256 }) {
                return made("attestation", text, true, "attested \(DayDate(current.at))")
            }
            if let older = mine.last {
                return made("attestation", text, false, "attested version \(older.version); version \(document.version) is current and asks again")
            }
            return made("attestation", text, false, "not attested")
        case .observation(let reference):
            guard let rubric = program.rubric(reference.id) else { return made("observation", "Pass observed \(reference.id)", false, "no such rubric") }
            let text = "Pass \(rubric.title), observed by a facilitator (\(percent(rubric.pass)) of \(rubric.outOf) points)"
            let mine = evidence.observations.filter { $0.rubric == rubric.id && $0.rubricVersion == rubric.version }.sorted { $0.day < $1.day }
            if let passed = mine.last(where: \.passed) {
                return made("observation", text, true, "passed \(passed.day): \(passed.points) of \(passed.outOf) points")
            }
            if let last = mine.last {
                return made("observation", text, false, "\(mine.count) observed, not passed yet (last \(last.day): \(last.points) of \(last.outOf) points)")
            }
            return made("observation", text, false, "not observed yet")
        case .references(let count, let kind):
            let have = evidence.references.filter { kind == nil || $0.kind == kind }.count
            let what = "\(count) \(kind.map { "\($0.rawValue) " } ?? "")reference\(count == 1 ? "" : "s")"
            return made("references", "Receive \(what)", have >= count, "\(have) of \(count) received", have: Double(have), need: Double(count))
        }
    }

    private static func trainingHours(
        _ rule: CertificationProgram.TrainingHours, _ evidence: ProgramEvidence,
        _ made: (String, String, Bool, String, Double?, Double?) -> Check
    ) -> Check {
        let modes = DeliveryMode.allCases.filter(rule.modes.contains)
        var what = "\(hours(rule.hours)) training hours"
        if let domain = rule.domain { what += " in \(domain)" }
        if modes.count < DeliveryMode.allCases.count { what += " (" + modes.map(\.rawValue).joined(separator: " or ") + ")" }
        var parts: [String] = []
        var have = 0.0
        for mode in modes {
            var found: Double
            if mode == .selfPaced {
                // Self-paced time is kept per course, not per domain, so it counts only where any domain does.
                guard rule.domain == nil else { continue }
                found = evidence.selfPacedSeconds / 3600
            } else {
                found = evidence.sessions.filter { $0.mode == mode && (rule.domain == nil || $0.domain == rule.domain) }.reduce(0) { $0 + $1.hours }
            }
            have += found
            parts.append("\(hours(found)) h \(mode.rawValue)")
        }
        let detail = "\(hours(have)) of \(hours(rule.hours)) h" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
        return made("training-hours", "Complete \(what)", have + 1e-9 >= rule.hours, detail, have, rule.hours)
    }

    /// A share as a whole percentage: "85%".
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// Hours to a tenth, without a trailing ".0": "250", "12.5".
    public static func hours(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
    }

}
