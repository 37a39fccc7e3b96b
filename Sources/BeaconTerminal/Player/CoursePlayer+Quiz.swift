import BeaconCore
import BeaconStore
import Foundation

extension CoursePlayer {
    /// A quiz: resume an open attempt, or start one if attempts and cooldown allow.
    func playQuiz(_ quiz: Quiz) throws {
        // Since the last retraining, if an exam rule sent the trainee back: limits count from it.
        let record = try store.record(trainee: trainee.id, course: course.id)
        let attempts = record.currentAttempts(quiz.id)
        var session: QuizSession
        let attemptId: Int64
        if let open = attempts.last(where: { $0.finishedAt == nil }) {
            // Rebuild the attempt from its seed and replay the answers already given.
            session = QuizSession(quiz: quiz, seed: open.seed)
            for answer in open.answers { _ = try? session.answer(answer.response, to: answer.questionId, in: quiz) }
            attemptId = open.id
        } else {
            let finished = attempts.filter { $0.finishedAt != nil }
            // The last attempt, rebuilt from its seed and answers, so it can be reviewed first.
            let previous = finished.last.map { last in
                var replayed = QuizSession(quiz: quiz, seed: last.seed)
                for answer in last.answers { _ = try? replayed.answer(answer.response, to: answer.questionId, in: quiz) }
                return replayed
            }
            guard try mayStart(quiz, finished: finished, counted: record.attemptsCounted(quiz.id), previous: previous) else { return }
            _ = try contentNote(quiz.contentNote, before: quiz.title)
            let seed = random.next()
            session = QuizSession(quiz: quiz, seed: seed)
            try introduce(quiz, session: session, attempt: record.attemptsCounted(quiz.id) + 1, previous: previous)
            attemptId = try store.startAttempt(
                trainee: trainee.id, course: stamp, quiz: quiz.id, seed: seed, questionIds: session.questionIds, at: options.now()
            )
        }
        while let id = session.currentQuestionId, let question = quiz.allQuestions.first(where: { $0.id == id }) {
            let heading = "Quiz: \(quiz.title) · Question \(session.currentNumber) of \(session.questionIds.count)"
            let order = session.displayOrders[id] ?? []
            let response = try askQuestion(question, heading: heading, order: order)
            let scored = try session.answer(response, to: id, in: quiz)
            let (store, attempt, position, credit, now) = (store, attemptId, session.currentNumber - 2, scored.credit, options.now())
            try saving { try store.saveAnswer(attempt: attempt, question: id, position: position, response: response, credit: credit, at: now) }
            try active()
            try showFeedback(question, scored: scored, heading: heading)
        }
        let score = session.score(in: quiz)
        let passed = session.passed(in: quiz)
        let (store, attempt, now) = (store, attemptId, options.now())
        try saving { try store.finishAttempt(attempt, score: score, passed: passed, at: now) }
        let finishedCount = try store.record(trainee: trainee.id, course: course.id).attemptsCounted(quiz.id)
        var body = wrap("Your score: \(percent(score)). The pass mark is \(percent(quiz.passMark)).")
        body.append("")
        if passed {
            body += wrap(theme.good("Passed.") + " Well done.")
        } else {
            body += wrap(theme.warn("Not passed this time.") + " Press r to review your answers: each shows the right one and why.")
            if let left = quiz.attemptsLeft(afterFinishing: finishedCount) {
                body += wrap(left == 0 ? "You have no attempts left; your trainer can talk it through with you." : "Attempts left: \(left).")
            }
            if let cooldown = quiz.cooldown, quiz.attemptsLeft(afterFinishing: finishedCount) != 0 {
                body += wrap("You can try again after \(describe(cooldown)).")
            }
        }
        // Reviewing comes before any next attempt: the answers, the right ones and why.
        let review = try ask({ _ in Screen(heading: "Quiz finished: \(quiz.title)", body: body, keys: "Enter continue · r review your answers") },
                             kind: .command(entries: 0)) { line -> Result<Bool, Problem> in
            switch line.lowercased() {
            case "", "n": .success(false)
            case "r": .success(true)
            default: .failure(Problem("Press Enter to continue, or r to review your answers."))
            }
        }
        if review { try reviewAttempt(quiz, session: session) }
    }

    /// Each question of the attempt in turn: what was asked, the trainee's answer, the right
    /// answer and the rationale. Nothing is answered again here.
    private func reviewAttempt(_ quiz: Quiz, session: QuizSession) throws {
        let ids = session.questionIds
        var index = 0
        while index < ids.count {
            guard let question = quiz.allQuestions.first(where: { $0.id == ids[index] }), let answer = session.answers[ids[index]] else {
                index += 1
                continue
            }
            var body = wrap(theme.inline(question.prompt)) + [""]
            body += wrap(describe(answer.response, question), first: "Your answer: ", rest: "  ")
            let verdict = answer.scored.isCorrect ? theme.good("Correct.") : answer.scored.credit > 0 ? theme.warn("Partly right: \(percent(answer.scored.credit)).") : theme.warn("Not right.")
            body += wrap(verdict)
            if !answer.scored.isCorrect, let right = rightAnswer(question) { body += wrap(right, first: "The answer: ", rest: "  ") }
            if let rationale = question.rationale { body += [""] + wrap(theme.title("Why: ") + theme.inline(rationale)) }
            let last = index == ids.count - 1
            let step = try ask({ _ in
                Screen(heading: "Review: \(quiz.title) · question \(index + 1) of \(ids.count)", body: body,
                       keys: (last ? "Enter finish the review" : "Enter or n next") + (index > 0 ? " · p previous" : ""))
            }, kind: .command(entries: 0)) { line -> Result<Int, Problem> in
                switch line {
                case "", "n": .success(1)
                case "p": .success(-1)
                default: .failure(Problem("Press Enter for the next question, p for the previous one, or q for the menu."))
                }
            }
            index = max(0, index + step)
        }
    }

    /// A stored answer in words, as the trainee gave it.
    private func describe(_ response: Response, _ question: Question) -> String {
        switch (response, question.kind) {
        case (.choice(let id), .singleChoice(let options, _)):
            return options.first { $0.id == id }?.text ?? id
        case (.choices(let ids), .multipleResponse(let options, _, _)):
            let texts = options.filter { ids.contains($0.id) }.map(\.text)
            return texts.isEmpty ? "(none chosen)" : texts.joined(separator: "; ")
        case (.truth(let value), _):
            return value ? "True" : "False"
        case (.text(let text), _):
            return text
        case (.order(let order), .ordering(let items, _)):
            return order.compactMap { items.indices.contains($0) ? items[$0] : nil }.joined(separator: " → ")
        case (.matches(let rights), .matching(let pairs, _, _)):
            return zip(pairs, rights).map { "\($0.left) → \($1)" }.joined(separator: "; ")
        default:
            return "(not shown)"
        }
    }

    /// Whether another attempt may start; says why not when it may not. The last attempt can
    /// still be reviewed from that screen: waiting out a cooldown is when it helps most.
    /// `counted` is what the quiz's own limit sees: finished attempts less those a trainer granted.
    private func mayStart(_ quiz: Quiz, finished: [QuizAttemptRecord], counted: Int, previous: QuizSession?) throws -> Bool {
        var reason: String?
        // A program's exam rule comes first: when it asks for retraining, that is the way on.
        let ruled = options.recordsProgress && course.certifications.contains { $0.exam?.quiz.id == quiz.id }
        let gate = ruled ? try store.examGate(trainee: trainee.id, course: course, quiz: quiz.id, now: options.now()) : nil
        if let gate, case .retrain = gate.standing, let module = gate.module {
            try offerRetraining(quiz, module: module, tries: finished.count)
            return false
        }
        if quiz.attemptsLeft(afterFinishing: counted) == 0 {
            reason = "You have used all \(quiz.attempts ?? 0) attempts. Your best score was \(percent(finished.compactMap(\.score).max() ?? 0)). Talk to your trainer about what comes next."
        } else if let cooldown = quiz.cooldown, let last = finished.compactMap(\.finishedAt).max(),
            let ready = Calendar(identifier: .gregorian).date(byAdding: cooldown.dateComponents, to: last), ready > options.now()
        {
            let formatter = DateFormatter()
            formatter.dateStyle = .medium
            formatter.timeStyle = .short
            reason = "You can start your next attempt after \(formatter.string(from: ready)). A break between attempts helps the learning settle."
        } else if let gate {
            reason = examReason(gate)
        }
        guard let reason else { return true }
        try offerReview(Screen(heading: "Quiz: \(quiz.title)", body: wrap(reason), keys: "Enter back"), of: quiz, previous: previous, quit: "menu")
        return false
    }

    /// Why a program's exam rule holds the next attempt back, in the trainee's words.
    private func examReason(_ gate: ExamGate) -> String {
        let formatter = DateFormatter()
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        switch gate.standing {
        case .waiting(let until): return "Your program allows the next attempt from \(formatter.string(from: until))."
        case .windowFull(let until): return "You have used every attempt your program allows in this period. The next one opens on \(formatter.string(from: until))."
        case .retraining: return "Your program asks you to go through \(gate.module?.title ?? "the module") again first. Once you have finished it, the exam opens."
        default: return "Your program does not allow another attempt now. Talk to your trainer about what comes next."
        }
    }

    /// The rule asks for retraining: say what it means, and start the module over when the
    /// trainee chooses to. The exam's attempts stay on the record.
    private func offerRetraining(_ quiz: Quiz, module: Module, tries: Int) throws {
        let body = wrap("You have not passed \(quiz.title) yet, after \(tries) \(tries == 1 ? "attempt" : "attempts"). That is hard, and it happens. Your program asks you to go through \(module.title) again before the next attempt: its lessons and role-plays start over, and your earlier attempts stay on your record.")
            + [""] + wrap("Press Enter to start \(module.title) over now, or q to go back and do it later.")
        let start = try ask({ _ in Screen(heading: "Quiz: \(quiz.title)", body: body, keys: "Enter start it over") }, kind: .command(entries: 0), quit: "back") { line -> Result<Bool, Problem> in
            line.isEmpty ? .success(true) : .failure(Problem("Press Enter to start the module over, or q to go back."))
        }
        guard start else { return }
        let (store, trainee, course, now) = (store, trainee, course, options.now())
        try saving { _ = try store.retrain(trainee: trainee.id, course: course, quiz: quiz.id, at: now) }
        try pause(Screen(heading: module.title, body: wrap("\(module.title) starts over. Work through it again; the exam opens once you have finished it."), keys: "Enter continue"))
    }

    /// Shows `screen`; with a previous attempt, r reviews it first (and comes back here).
    private func offerReview(_ screen: Screen, of quiz: Quiz, previous: QuizSession?, quit: String) throws {
        guard let previous else { return try pause(screen, quit: quit) }
        var shown = screen
        shown.keys += " · r review your last attempt"
        while try ask({ _ in shown }, kind: .command(entries: 0), quit: quit, parse: { line -> Result<Bool, Problem> in
            switch line.lowercased() {
            case "": .success(false)
            case "r": .success(true)
            default: .failure(Problem("Press Enter to go on, or r to review your last attempt."))
            }
        }) {
            try reviewAttempt(quiz, session: previous)
        }
    }

    private func introduce(_ quiz: Quiz, session: QuizSession, attempt: Int, previous: QuizSession?) throws {
        var body = wrap("\(session.questionIds.count) questions · pass mark \(percent(quiz.passMark)) · attempt \(attempt)" + (quiz.attempts.map { " of \($0)" } ?? ""))
        if !quiz.instructions.isEmpty { body += [""] + wrap(theme.inline(quiz.instructions)) }
        body += [""] + wrap(options.recordsProgress
            ? "Each answer is saved as you give it; you can leave and come back to the same question."
            : "This is a preview: answers are scored as a trainee's would be, and nothing is recorded.")
        try offerReview(Screen(heading: "Quiz: \(quiz.title)", body: body, keys: "Enter start"), of: quiz, previous: previous, quit: "back")
    }

    /// Shows a question and reads an answer of the right kind.
    private func askQuestion(_ question: Question, heading: String, order: [Int]) throws -> Response {
        let prompt = wrap(theme.inline(question.prompt))
        switch question.kind {
        case .singleChoice(let options, _):
            let shown = order.map { options[$0] }
            return try ask({ draft in
                Screen(heading: heading, body: prompt + [""] + self.numbered(shown.map(\.text), selected: Set([Int(draft)].compactMap { $0 })),
                       keys: "\(numberKeys(shown.count)) choose, then Enter")
            }, kind: .single(count: shown.count)) { line in
                guard let number = Int(line), (1...shown.count).contains(number) else {
                    return .failure(Problem("Type one number from 1 to \(shown.count)."))
                }
                return .success(.choice(shown[number - 1].id))
            }
        case .multipleResponse(let options, _, _):
            let shown = order.map { options[$0] }
            return try ask({ draft in
                let chosen = Set(draft.split(separator: " ").compactMap { Int($0) })
                // Authors often end the prompt with the same words; say them once.
                let hint = question.prompt.plainText.localizedCaseInsensitiveContains("all that apply") ? [] : self.wrap("Choose all that apply.")
                let keys = self.terminal.isInteractive ? "\(numberKeys(shown.count)) tick or untick, then Enter" : "type the numbers of all you choose, e.g. 1 3"
                return Screen(heading: heading, body: prompt + hint + [""] + self.numbered(shown.map(\.text), selected: chosen, boxes: true), keys: keys)
            }, kind: .toggles(count: shown.count)) { line in
                let numbers = line.split(whereSeparator: { $0 == " " || $0 == "," }).map { Int($0) }
                guard !numbers.isEmpty, numbers.allSatisfy({ $0.map { (1...shown.count).contains($0) } ?? false }) else {
                    return .failure(Problem("Type the numbers of every option you choose, separated by spaces, e.g. 1 3."))
                }
                return .success(.choices(Array(Set(numbers.compactMap { $0 })).sorted().map { shown[$0 - 1].id }))
            }
        case .trueFalse:
            return try ask({ draft in
                Screen(heading: heading, body: prompt + [""] + self.numbered(["True", "False"], selected: Set([Int(draft)].compactMap { $0 })),
                       keys: "1 true or 2 false (t/f work too), then Enter")
            }, kind: .single(count: 2)) { line in
                switch line.lowercased() {
                case "1", "t", "true": .success(.truth(true))
                case "2", "f", "false": .success(.truth(false))
                default: .failure(Problem("Type 1 for true or 2 for false."))
                }
            }
        case .shortAnswer:
            return try ask({ draft in
                Screen(heading: heading, body: prompt + [.blank] + self.wrap(draft, first: "Your answer: ", rest: "  "), keys: "type your answer, then Enter")
            }, kind: .text) { line in
                line.trimmingCharacters(in: .whitespaces).isEmpty ? .failure(Problem("Type an answer, then press Enter.")) : .success(.text(line))
            }
        case .ordering(let items, _):
            return try ask({ draft in
                let picked = draft.split(separator: " ").compactMap { Int($0) }
                var body = prompt + [""] + self.numbered(order.map { items[$0] })
                if !picked.isEmpty {
                    body += [""] + self.wrap(picked.map { order.indices.contains($0 - 1) ? items[order[$0 - 1]] : "?" }.joined(separator: " → "), first: "Your order so far: ", rest: "  ")
                }
                return Screen(heading: heading, body: body, keys: "type the numbers in the right order (e.g. \(exampleOrder(order.count))), then Enter · Backspace takes one back")
            }, kind: .sequence(count: order.count)) { line in
                let numbers = line.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }
                guard numbers.count == items.count, Set(numbers) == Set(1...items.count) else {
                    return .failure(Problem("Type each number from 1 to \(items.count) once, in the order you choose."))
                }
                return .success(.order(numbers.map { order[$0 - 1] }))
            }
        case .matching(let pairs, let distractors, _):
            let rights = Question.Kind.matchingChoices(pairs, distractors)
            let shown = order.map { rights[$0] }
            return try ask({ draft in
                let picked = draft.split(separator: " ").map(String.init)
                var body = prompt + [""]
                for (index, pair) in pairs.enumerated() {
                    let choice = index < picked.count ? " → " + picked[index] : ""
                    body += self.wrap(pair.left + choice, first: "  \(index + 1). ", rest: "     ")
                }
                body += ["", "Choices:"]
                for (index, text) in shown.enumerated() { body += self.wrap(text, first: "  \(optionLetter(index))) ", rest: "     ") }
                return Screen(heading: heading, body: body, keys: "type a letter for each numbered line in turn, then Enter · Backspace takes one back")
            }, kind: .letters(rows: pairs.count, count: shown.count)) { line in
                let letters = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).compactMap(\.first)
                let indices = letters.compactMap { letter in (0..<shown.count).first { optionLetter($0) == letter } }
                guard indices.count == pairs.count, letters.count == pairs.count else {
                    return .failure(Problem("Type one letter for each of the \(pairs.count) lines, e.g. " + (0..<pairs.count).map { String(optionLetter($0)) }.joined(separator: " ") + "."))
                }
                return .success(.matches(indices.map { shown[$0] }))
            }
        }
    }

    /// Numbered options; in the interactive mode the current selection is marked in words.
    func numbered(_ texts: [String], selected: Set<Int> = [], boxes: Bool = false) -> [Para] {
        texts.enumerated().flatMap { index, text -> [Para] in
            let mark: String
            if boxes {
                mark = selected.contains(index + 1) ? "[x] " : "[ ] "
            } else {
                mark = selected.contains(index + 1) ? "(chosen) " : ""
            }
            return wrap(mark + text, first: "  \(index + 1). ", rest: "     ")
        }
    }

    private func showFeedback(_ question: Question, scored: ScoredResponse, heading: String) throws {
        var body: [Para] = []
        if scored.isCorrect {
            body += wrap(theme.good("Correct."))
        } else if scored.credit > 0 {
            body += wrap(theme.warn("Partly right: \(percent(scored.credit)) of the marks."))
        } else {
            body += wrap(theme.warn("Not quite."))
        }
        for line in scored.feedback { body += wrap(line) }
        if let message = question.outcomeFeedback.message(forCredit: scored.credit) { body += wrap(theme.inline(message)) }
        if !scored.isCorrect, let answer = rightAnswer(question) { body += [""] + wrap("The answer: " + answer) }
        if let rationale = question.rationale { body += [""] + wrap(theme.title("Why: ") + theme.inline(rationale)) }
        try pause(Screen(heading: heading, body: body, keys: "Enter next"), quit: options.recordsProgress ? "menu (your answer is saved)" : "menu")
    }

    private func rightAnswer(_ question: Question) -> String? {
        switch question.kind {
        case .singleChoice(let options, _): options.first { $0.singleChoiceCredit >= 1 }?.text
        case .multipleResponse(let options, _, _): options.filter(\.isRightResponse).map(\.text).joined(separator: "; ")
        // The feedback for the right answer speaks to someone who chose it ("Right. …"), so the
        // answer alone is shown to someone who did not.
        case .trueFalse(let answer, _, _): answer ? "True." : "False."
        case .shortAnswer(let answer): answer.accepts.first { $0.credit >= 1 && $0.match != .regex }?.text
        case .ordering(let items, _): items.joined(separator: " → ")
        case .matching(let pairs, _, _): pairs.map { "\($0.left) → \($0.right)" }.joined(separator: "; ")
        }
    }

    private func describe(_ duration: ISODuration) -> String {
        var parts: [String] = []
        func add(_ count: Int, _ unit: String) { if count > 0 { parts.append("\(count) \(unit)\(count == 1 ? "" : "s")") } }
        add(duration.years, "year"); add(duration.months, "month"); add(duration.days, "day")
        add(duration.hours, "hour"); add(duration.minutes, "minute"); add(Int(duration.seconds), "second")
        return parts.isEmpty ? "a moment" : parts.joined(separator: " ")
    }
}

/// An example order for `count` items that is not the order shown ("2 3 1" for three).
func exampleOrder(_ count: Int) -> String {
    guard count > 1 else { return "1" }
    return (Array(2...count) + [1]).map(String.init).joined(separator: " ")
}
