/// Role-plays and certification programs, compared edition to edition. A reply's patterns,
/// keywords and samples are left to each language; its criteria and their scores are not.
extension Comparison {
    mutating func roleplay(_ a: Roleplay, _ b: Roleplay) {
        func facts(_ r: Roleplay) -> [Fact] {
            [
                Fact("start", r.start.id), Fact("minutes", r.minutes), Fact("content note", r.contentNote.topicList),
                Fact("persona's age", r.persona.age), Fact("assesses", r.assesses.map { "\($0.competency.id):\($0.outOf)" }.joined(separator: " ")),
            ]
        }
        self.facts("role-play '\(b.id)'", facts(a), facts(b), originalAt: a.location, at: b.location)
        pair("scene", a.scenes, b.scenes, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.scene(x, y)
        }
        pair("ending", a.endings, b.endings, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.facts("ending '\(y.id)'", [Fact("outcome", x.outcome.rawValue)], [Fact("outcome", y.outcome.rawValue)], originalAt: x.location, at: y.location)
        }
    }

    mutating func scene(_ a: Scene, _ b: Scene) {
        let what = "scene '\(b.id)'"
        facts(what, [Fact("speakers", a.lines.map(\.speaker.rawValue).joined(separator: " "))],
              [Fact("speakers", b.lines.map(\.speaker.rawValue).joined(separator: " "))], originalAt: a.location, at: b.location)
        switch (a.step, b.step) {
        case (.choices(let x), .choices(let y)):
            pairByPosition("choice", x, y, within: b.location, originalAt: a.location) { check, c, d in
                check.facts("a choice in \(what)", c.translationFacts, d.translationFacts, originalAt: c.location, at: d.location)
            }
        case (.routes(let x), .routes(let y)):
            pairByPosition("route", x, y, within: b.location, originalAt: a.location) { check, r, s in
                check.facts("a route in \(what)", r.translationFacts, s.translationFacts, originalAt: r.location, at: s.location)
            }
        case (.reply(let x), .reply(let y)):
            reply(x, y, in: what)
        default:
            facts(what, [Fact("step", a.step.kindName)], [Fact("step", b.step.kindName)], originalAt: a.location, at: b.location)
        }
    }

    mutating func reply(_ a: Reply, _ b: Reply, in what: String) {
        facts("the reply in \(what)", [Fact("next", a.next.id), Fact("example", a.example == nil ? "none" : "given")],
              [Fact("next", b.next.id), Fact("example", b.example == nil ? "none" : "given")], originalAt: a.location, at: b.location)
        pair("criterion", a.criteria, b.criteria, id: \.id, at: \.location, within: b.location) { check, x, y in
            func facts(_ c: Criterion) -> [Fact] {
                [
                    Fact("scores", c.scores.translationText),
                    Fact("feedback", [c.ifMet == nil ? "-" : "if met", c.ifMissed == nil ? "-" : "if missed"].joined(separator: " ")),
                ]
            }
            check.facts("criterion '\(y.id)' in \(what)", facts(x), facts(y), originalAt: x.location, at: y.location)
        }
        if b.samples.count < a.samples.count {
            diagnostics.append(Diagnostic(
                .warning, "B069", "the reply in \(what) has \(b.samples.count) samples, the original \(a.samples.count) (\(a.location))",
                help: "write at least as many sample replies in this language, so its patterns are tested as well", at: b.location
            ))
        }
    }

    mutating func program(_ a: CertificationProgram, _ b: CertificationProgram) {
        facts("certification program '\(b.label)'", a.translationFacts, b.translationFacts, originalAt: a.location, at: b.location)
        pair("document of program '\(b.label)'", a.documents, b.documents, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.document(x, y)
        }
        pair("rubric of program '\(b.label)'", a.rubrics, b.rubrics, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.rubric(x, y)
        }
    }
}

extension Scene.Step {
    var kindName: String {
        switch self {
        case .choices: "choices"
        case .reply: "reply"
        case .routes: "routes"
        }
    }
}

extension [ScoreChange] {
    var translationText: String { isEmpty ? "none" : map { "\($0.competency.id) \($0.points > 0 ? "+" : "")\($0.points)" }.joined(separator: ", ") }
}

extension [Condition] {
    var translationText: String {
        isEmpty ? "none" : map { condition in
            [condition.competency.id, condition.atLeast.map { "at least \($0)" }, condition.below.map { "below \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        }.joined(separator: ", ")
    }
}

extension Choice {
    var translationFacts: [Fact] {
        [Fact("next", next.id), Fact("scores", scores.translationText), Fact("conditions", conditions.translationText),
         Fact("feedback", feedback.isEmpty ? "none" : "given")]
    }
}

extension Route {
    var translationFacts: [Fact] { [Fact("next", next.id), Fact("conditions", conditions.translationText)] }
}

extension CertificationProgram.Requirement {
    var translationText: String {
        switch self {
        case .module(let module): "module \(module.id)"
        case .quiz(let quiz, let score): "quiz \(quiz.id) \(score.map { String($0) } ?? "passed")"
        case .competency(let competency, let score): "competency \(competency.id) \(score)"
        case .trainingHours(let hours):
            "training hours \(hours.hours) \(hours.domain ?? "any") \(hours.modes.map(\.rawValue).sorted().joined(separator: "+"))"
        case .supervisedHours(let hours): "supervised hours \(hours.hours) \(hours.domain ?? "any") \(hours.supervision?.rawValue ?? "any")"
        case .attestation(let document): "attestation \(document.id)"
        case .observation(let rubric): "observation \(rubric.id)"
        case .references(let count, let kind): "references \(count) \(kind?.rawValue ?? "any")"
        }
    }
}

extension CertificationProgram {
    /// Everything a program decides, words aside.
    var translationFacts: [Fact] {
        func list(_ requirements: [Requirement]) -> String { requirements.isEmpty ? "none" : requirements.map(\.translationText).joined(separator: "; ") }
        var facts = [
            Fact("effective", effective), Fact("validity", validity.description), Fact("requirements", list(requirements)),
            Fact("requirements for full certification", list(fullOnly)), Fact("provisional validity", provisionalValidity),
            Fact("grace", grace), Fact("modelled on", modelledOn?.href), Fact("sources", sources.map(\.href).joined(separator: " ")),
            Fact("endorsements", endorsements.map { "\($0.id): \(list($0.requirements))" }.joined(separator: " | ")),
        ]
        facts.append(Fact("exam rule", exam.map { rule in
            ["quiz \(rule.quiz.id)", rule.attempts.map { "attempts \($0)" }, rule.window.map { "window \($0)" }, rule.wait.map { "wait \($0)" },
             rule.retrainAfter.map { "retrain after \($0)" }, rule.retrainModule.map { "in \($0.id)" }].compactMap { $0 }.joined(separator: ", ")
        } ?? "none"))
        facts.append(Fact("renewal", renewal.map { rule in
            "\(rule.hours) h; " + rule.categories.map { "\($0.id) \($0.minimum.map { String($0) } ?? "-")–\($0.maximum.map { String($0) } ?? "-")" }.joined(separator: ", ")
                + "; excluded \(rule.excludedKinds.sorted().joined(separator: " ")); "
                + rule.modules.map { "\($0.module.id) \($0.category) \($0.hours)" }.joined(separator: ", ")
        } ?? "none"))
        return facts
    }
}
