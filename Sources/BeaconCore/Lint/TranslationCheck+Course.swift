/// The course, its modules and their lessons and quizzes, compared edition to edition.
extension Comparison {
    mutating func course(_ a: Course, _ b: Course) {
        if a.id != b.id {
            diagnostics.append(Diagnostic(
                .error, "B068", "the translation's course id is '\(b.id)', the original's '\(a.id)' (\(a.location))",
                help: "an edition keeps the original's id, so programs and records treat both as one course", at: b.location
            ))
        }
        facts("course '\(b.id)'", [Fact("version", a.version)], [Fact("version", b.version)], originalAt: a.location, at: b.location)
        if a.language == b.language {
            diagnostics.append(Diagnostic(
                .warning, "B069", "the translation and the original are both in '\(b.language)'",
                help: "set xml:lang on the translation's <course> to its language, e.g. xml:lang=\"es\"", at: b.location
            ))
        }
        pair("competency", a.competencies, b.competencies, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.facts("competency '\(y.id)'", [Fact("category", x.category.rawValue)], [Fact("category", y.category.rawValue)], originalAt: x.location, at: y.location)
        }
        pair("document", a.documents, b.documents, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.document(x, y)
        }
        pair("rubric", a.rubrics, b.rubrics, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.rubric(x, y)
        }
        pair("module", a.modules, b.modules, id: \.id, at: \.location, within: b.location) { check, x, y in
            check.module(x, y)
        }
        pair("certification program", a.certifications, b.certifications, id: \.label, at: \.location, within: b.location) { check, x, y in
            check.program(x, y)
        }
    }

    mutating func module(_ a: Module, _ b: Module) {
        func facts(_ m: Module) -> [Fact] {
            [Fact("minutes", String(m.minutes)), Fact("requires", ids: m.prerequisites), Fact("teaches", ids: m.teaches)]
        }
        self.facts("module '\(b.id)'", facts(a), facts(b), originalAt: a.location, at: b.location)
        pair("item", a.items, b.items, id: \.id, at: \.location, within: b.location) { check, x, y in
            switch (x, y) {
            case (.lesson(let l), .lesson(let m)): check.lesson(l, m)
            case (.quiz(let q), .quiz(let r)): check.quiz(q, r)
            case (.roleplay(let p), .roleplay(let r)): check.roleplay(p, r)
            default:
                check.facts("'\(y.id)'", [Fact("kind", x.kindName)], [Fact("kind", y.kindName)], originalAt: x.location, at: y.location)
            }
        }
    }

    mutating func lesson(_ a: Lesson, _ b: Lesson) {
        func facts(_ l: Lesson) -> [Fact] {
            [Fact("minutes", l.minutes), Fact("content note", l.contentNote.topicList), Fact("number of pages", String(l.pages.count))]
        }
        self.facts("lesson '\(b.id)'", facts(a), facts(b), originalAt: a.location, at: b.location)
    }

    mutating func quiz(_ a: Quiz, _ b: Quiz) {
        func facts(_ q: Quiz) -> [Fact] {
            [
                Fact("pass mark", String(q.passMark)), Fact("attempts", q.attempts), Fact("cooldown", q.cooldown),
                Fact("shuffle", String(q.shuffle)), Fact("minutes", q.minutes), Fact("content note", q.contentNote.topicList),
            ]
        }
        self.facts("quiz '\(b.id)'", facts(a), facts(b), originalAt: a.location, at: b.location)
        pair("question or pool", a.sections, b.sections, id: \.id, at: \.location, within: b.location) { check, x, y in
            switch (x, y) {
            case (.question(let q), .question(let r)): check.question(q, r)
            case (.pool(let p), .pool(let r)):
                check.facts("pool '\(r.id)'", [Fact("draw", String(p.draw))], [Fact("draw", String(r.draw))], originalAt: p.location, at: r.location)
                check.pair("question", p.questions, r.questions, id: \.id, at: \.location, within: r.location) { check, q, r in
                    check.question(q, r)
                }
            default:
                check.facts("'\(y.id)'", [Fact("kind", x.kindName)], [Fact("kind", y.kindName)], originalAt: x.location, at: y.location)
            }
        }
    }

    mutating func question(_ a: Question, _ b: Question) {
        facts("question '\(b.id)'", a.translationFacts, b.translationFacts, originalAt: a.location, at: b.location)
    }

    mutating func document(_ a: CertificationProgram.Document, _ b: CertificationProgram.Document) {
        func facts(_ d: CertificationProgram.Document) -> [Fact] { [Fact("version", d.version), Fact("kind", d.kind.rawValue)] }
        self.facts("document '\(b.id)'", facts(a), facts(b), originalAt: a.location, at: b.location)
    }

    mutating func rubric(_ a: CertificationProgram.Rubric, _ b: CertificationProgram.Rubric) {
        func facts(_ r: CertificationProgram.Rubric) -> [Fact] {
            [Fact("version", r.version), Fact("pass", String(r.pass))]
                + [Fact("items", r.items.map { "\($0.id):\($0.competency?.id ?? "-"):\($0.max)" }.joined(separator: " "))]
        }
        self.facts("rubric '\(b.id)'", facts(a), facts(b), originalAt: a.location, at: b.location)
    }
}

extension Module.Item {
    var location: SourceLocation {
        switch self {
        case .lesson(let lesson): lesson.location
        case .quiz(let quiz): quiz.location
        case .roleplay(let roleplay): roleplay.location
        }
    }

    var kindName: String {
        switch self {
        case .lesson: "lesson"
        case .quiz: "quiz"
        case .roleplay: "role-play"
        }
    }
}

extension Quiz.Section {
    var id: String {
        switch self {
        case .question(let question): question.id
        case .pool(let pool): pool.id
        }
    }

    var location: SourceLocation {
        switch self {
        case .question(let question): question.location
        case .pool(let pool): pool.location
        }
    }

    var kindName: String {
        switch self {
        case .question: "question"
        case .pool: "pool"
        }
    }
}

extension Optional where Wrapped == ContentNote {
    var topicList: String { map { $0.topics.sorted().joined(separator: " ") } ?? "none" }
}

extension Question {
    /// Everything about a question that scores or teaches, words aside.
    var translationFacts: [Fact] {
        var facts = [
            Fact("kind", kind.name), Fact("level", level?.rawValue ?? "none"), Fact("competencies", ids: competencies),
            Fact("weight", String(weight)), Fact("rationale", rationale == nil ? "none" : "given"),
            Fact("outcome feedback", [outcomeFeedback.correct, outcomeFeedback.partial, outcomeFeedback.incorrect].map { $0 == nil ? "-" : "given" }.joined(separator: " ")),
        ]
        func options(_ options: [AnswerOption]) {
            facts.append(Fact("options", options.map(\.id).joined(separator: " ")))
            facts.append(Fact("right options", options.filter(\.correct).map(\.id).joined(separator: " ")))
            facts.append(Fact("option credits", options.map { $0.credit.map { String($0) } ?? "-" }.joined(separator: " ")))
            facts.append(Fact("options with feedback", options.filter { $0.feedback != nil }.map(\.id).joined(separator: " ")))
        }
        switch kind {
        case .singleChoice(let list, let shuffle):
            options(list)
            facts.append(Fact("shuffle", String(shuffle)))
        case .multipleResponse(let list, let shuffle, let scoring):
            options(list)
            facts += [Fact("shuffle", String(shuffle)), Fact("scoring", scoring.rawValue)]
        case .trueFalse(let answer, _, _):
            facts.append(Fact("answer", String(answer)))
        case .shortAnswer(let answer):
            facts += [
                Fact("case-sensitive", String(answer.caseSensitive)), Fact("white space", answer.whitespace.rawValue),
                Fact("credits accepted", Set(answer.accepts.map(\.credit)).sorted().map { String($0) }.joined(separator: " ")),
            ]
        case .ordering(let items, let scoring):
            facts += [Fact("number of items", String(items.count)), Fact("scoring", scoring.rawValue)]
        case .matching(let pairs, let distractors, let scoring):
            facts += [
                Fact("pair weights", pairs.map { String($0.weight) }.joined(separator: " ")),
                Fact("number of distractors", String(distractors.count)), Fact("scoring", scoring.rawValue),
            ]
        }
        return facts
    }
}
