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
            let heading = words.quizzes.heading(quiz.title, session.currentNumber, session.questionIds.count)
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
        let quizzes = words.quizzes
        var body = wrap(quizzes.score(percent(score), percent(quiz.passMark)))
        body.append("")
        if passed {
            body += wrap(theme.good(quizzes.passed) + " " + quizzes.wellDone)
        } else {
            body += wrap(theme.warn(quizzes.notPassed) + " " + quizzes.pressReview)
            if let left = quiz.attemptsLeft(afterFinishing: finishedCount) {
                body += wrap(left == 0 ? quizzes.noAttemptsLeft : quizzes.attemptsLeft(left))
            }
            if let cooldown = quiz.cooldown, quiz.attemptsLeft(afterFinishing: finishedCount) != 0 {
                body += wrap(quizzes.tryAgainAfter(describe(cooldown)))
            }
        }
        // Reviewing comes before any next attempt: the answers, the right ones and why.
        let review = try ask({ _ in Screen(heading: quizzes.finishedHeading(quiz.title), body: body, keys: quizzes.finishedKeys) },
                             kind: .command(entries: 0)) { line -> Result<Bool, Problem> in
            switch line.lowercased() {
            case "", "n": .success(false)
            case "r": .success(true)
            default: .failure(Problem(quizzes.finishedProblem))
            }
        }
        if review { try reviewAttempt(quiz, session: session) }
    }

    /// Each question of the attempt in turn: what was asked, the trainee's answer, the right
    /// answer and the rationale. Nothing is answered again here.
    private func reviewAttempt(_ quiz: Quiz, session: QuizSession) throws {
        let ids = session.questionIds
        let quizzes = words.quizzes
        var index = 0
        while index < ids.count {
            guard let question = quiz.allQuestions.first(where: { $0.id == ids[index] }), let answer = session.answers[ids[index]] else {
                index += 1
                continue
            }
            var body = wrap(theme.inline(question.prompt)) + [""]
            body += wrap(describe(answer.response, question), first: quizzes.yourAnswer, rest: "  ")
            let verdict = answer.scored.isCorrect ? theme.good(quizzes.correct) : answer.scored.credit > 0 ? theme.warn(quizzes.partlyRight(percent(answer.scored.credit))) : theme.warn(quizzes.notRight)
            body += wrap(verdict)
            if !answer.scored.isCorrect, let right = rightAnswer(question) { body += wrap(right, first: quizzes.theAnswer, rest: "  ") }
            if let rationale = question.rationale { body += [""] + wrap(theme.title(quizzes.why) + theme.inline(rationale)) }
            let last = index == ids.count - 1
            let step = try ask({ _ in
                Screen(heading: quizzes.reviewHeading(quiz.title, index + 1, ids.count), body: body,
                       keys: (last ? quizzes.finishReviewKeys : quizzes.nextQuestionKeys) + (index > 0 ? " · " + self.words.chrome.previousKey : ""))
            }, kind: .command(entries: 0)) { line -> Result<Int, Problem> in
                switch line {
                case "", "n": .success(1)
                case "p": .success(-1)
                default: .failure(Problem(quizzes.reviewProblem))
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
            return texts.isEmpty ? words.quizzes.noneChosen : texts.joined(separator: "; ")
        case (.truth(let value), _):
            return value ? words.quizzes.trueWord : words.quizzes.falseWord
        case (.text(let text), _):
            return text
        case (.order(let order), .ordering(let items, _)):
            return order.compactMap { items.indices.contains($0) ? items[$0] : nil }.joined(separator: " → ")
        case (.matches(let rights), .matching(let pairs, _, _)):
            return zip(pairs, rights).map { "\($0.left) → \($1)" }.joined(separator: "; ")
        default:
            return words.quizzes.notShown
        }
    }

    /// Whether another attempt may start; says why not when it may not. The last attempt can
    /// still be reviewed from that screen: waiting out a cooldown is when it helps most.
    /// `counted` is what the quiz's own limit sees: finished attempts less those a trainer granted.
    private func mayStart(_ quiz: Quiz, finished: [QuizAttemptRecord], counted: Int, previous: QuizSession?) throws -> Bool {
        var reason: String?
        let quizzes = words.quizzes
        // A program's exam rule comes first: when it asks for retraining, that is the way on.
        let ruled = options.recordsProgress && course.certifications.contains { $0.exam?.quiz.id == quiz.id }
        let gate = ruled ? try store.examGate(trainee: trainee.id, course: course, quiz: quiz.id, now: options.now()) : nil
        if let gate, case .retrain = gate.standing, let module = gate.module {
            try offerRetraining(quiz, module: module, tries: finished.count)
            return false
        }
        if quiz.attemptsLeft(afterFinishing: counted) == 0 {
            reason = quizzes.usedAll(quiz.attempts ?? 0, percent(finished.compactMap(\.score).max() ?? 0))
        } else if let cooldown = quiz.cooldown, let last = finished.compactMap(\.finishedAt).max(),
            let ready = Calendar(identifier: .gregorian).date(byAdding: cooldown.dateComponents, to: last), ready > options.now()
        {
            reason = quizzes.nextAttemptAfter(dateAndTime(ready))
        } else if let gate {
            reason = examReason(gate)
        }
        guard let reason else { return true }
        try offerReview(Screen(heading: quizzes.titled(quiz.title), body: wrap(reason), keys: words.chrome.enterBack), of: quiz, previous: previous, quit: words.chrome.quitMenu)
        return false
    }

    /// Why a program's exam rule holds the next attempt back, in the trainee's words.
    private func examReason(_ gate: ExamGate) -> String {
        let quizzes = words.quizzes
        switch gate.standing {
        case .waiting(let until): return quizzes.programWaiting(dateAndTime(until))
        case .windowFull(let until): return quizzes.programWindowFull(dateAndTime(until))
        case .retraining: return quizzes.programRetraining(gate.module?.title ?? quizzes.theModule)
        default: return quizzes.programNotNow
        }
    }

    /// The rule asks for retraining: say what it means, and start the module over when the
    /// trainee chooses to. The exam's attempts stay on the record.
    private func offerRetraining(_ quiz: Quiz, module: Module, tries: Int) throws {
        let quizzes = words.quizzes
        let body = wrap(quizzes.retrain(quiz.title, tries, module.title)) + [""] + wrap(quizzes.retrainPrompt(module.title))
        let start = try ask({ _ in Screen(heading: quizzes.titled(quiz.title), body: body, keys: quizzes.startOverKeys) }, kind: .command(entries: 0), quit: words.chrome.quitBack) { line -> Result<Bool, Problem> in
            line.isEmpty ? .success(true) : .failure(Problem(quizzes.retrainProblem))
        }
        guard start else { return }
        let (store, trainee, course, now) = (store, trainee, course, options.now())
        try saving { _ = try store.retrain(trainee: trainee.id, course: course, quiz: quiz.id, at: now) }
        try pause(Screen(heading: module.title, body: wrap(quizzes.startsOver(module.title)), keys: words.chrome.enterContinue))
    }

    /// Shows `screen`; with a previous attempt, r reviews it first (and comes back here).
    private func offerReview(_ screen: Screen, of quiz: Quiz, previous: QuizSession?, quit: String) throws {
        guard let previous else { return try pause(screen, quit: quit) }
        var shown = screen
        shown.keys += " · " + words.quizzes.reviewLastKeys
        while try ask({ _ in shown }, kind: .command(entries: 0), quit: quit, parse: { line -> Result<Bool, Problem> in
            switch line.lowercased() {
            case "": .success(false)
            case "r": .success(true)
            default: .failure(Problem(self.words.quizzes.reviewLastProblem))
            }
        }) {
            try reviewAttempt(quiz, session: previous)
        }
    }

    private func introduce(_ quiz: Quiz, session: QuizSession, attempt: Int, previous: QuizSession?) throws {
        let quizzes = words.quizzes
        var body = wrap(quizzes.intro(session.questionIds.count, percent(quiz.passMark), attempt, quiz.attempts))
        if !quiz.instructions.isEmpty { body += [""] + wrap(theme.inline(quiz.instructions)) }
        body += [""] + wrap(options.recordsProgress ? quizzes.introSaved : quizzes.introPreview)
        try offerReview(Screen(heading: quizzes.titled(quiz.title), body: body, keys: words.chrome.enterStart), of: quiz, previous: previous, quit: words.chrome.quitBack)
    }

    /// Shows a question and reads an answer of the right kind.
    private func askQuestion(_ question: Question, heading: String, order: [Int]) throws -> Response {
        let prompt = wrap(theme.inline(question.prompt))
        let quizzes = words.quizzes
        switch question.kind {
        case .singleChoice(let options, _):
            let shown = order.map { options[$0] }
            return try ask({ draft in
                Screen(heading: heading, body: prompt + [""] + self.numbered(shown.map(\.text), selected: Set([Int(draft)].compactMap { $0 })),
                       keys: quizzes.chooseKeys(numberKeys(shown.count)))
            }, kind: .single(count: shown.count)) { line in
                guard let number = Int(line), (1...shown.count).contains(number) else {
                    return .failure(Problem(quizzes.oneNumberProblem(shown.count)))
                }
                return .success(.choice(shown[number - 1].id))
            }
        case .multipleResponse(let options, _, _):
            let shown = order.map { options[$0] }
            return try ask({ draft in
                let chosen = Set(draft.split(separator: " ").compactMap { Int($0) })
                // Authors often end the prompt with the same words; say them once.
                let said = quizzes.allThatApply.contains { question.prompt.plainText.localizedCaseInsensitiveContains($0) }
                let hint = said ? [] : self.wrap(quizzes.chooseAll)
                let keys = self.terminal.isInteractive ? quizzes.toggleKeys(numberKeys(shown.count)) : quizzes.toggleLinearKeys
                return Screen(heading: heading, body: prompt + hint + [""] + self.numbered(shown.map(\.text), selected: chosen, boxes: true), keys: keys)
            }, kind: .toggles(count: shown.count)) { line in
                let numbers = line.split(whereSeparator: { $0 == " " || $0 == "," }).map { Int($0) }
                guard !numbers.isEmpty, numbers.allSatisfy({ $0.map { (1...shown.count).contains($0) } ?? false }) else {
                    return .failure(Problem(quizzes.togglesProblem))
                }
                return .success(.choices(Array(Set(numbers.compactMap { $0 })).sorted().map { shown[$0 - 1].id }))
            }
        case .trueFalse:
            return try ask({ draft in
                Screen(heading: heading, body: prompt + [""] + self.numbered([quizzes.trueWord, quizzes.falseWord], selected: Set([Int(draft)].compactMap { $0 })),
                       keys: quizzes.trueFalseKeys)
            }, kind: .single(count: 2)) { line in
                let answer = line.lowercased()
                if answer == "1" || quizzes.trueAnswers.contains(answer) { return .success(.truth(true)) }
                if answer == "2" || quizzes.falseAnswers.contains(answer) { return .success(.truth(false)) }
                return .failure(Problem(quizzes.trueFalseProblem))
            }
        case .shortAnswer:
            return try ask({ draft in
                Screen(heading: heading, body: prompt + [.blank] + self.wrap(draft, first: quizzes.yourAnswer, rest: "  "), keys: quizzes.answerKeys)
            }, kind: .text) { line in
                line.trimmingCharacters(in: .whitespaces).isEmpty ? .failure(Problem(quizzes.emptyAnswerProblem)) : .success(.text(line))
            }
        case .ordering(let items, _):
            return try ask({ draft in
                let picked = draft.split(separator: " ").compactMap { Int($0) }
                var body = prompt + [""] + self.numbered(order.map { items[$0] })
                if !picked.isEmpty {
                    body += [""] + self.wrap(picked.map { order.indices.contains($0 - 1) ? items[order[$0 - 1]] : "?" }.joined(separator: " → "), first: quizzes.orderSoFar, rest: "  ")
                }
                return Screen(heading: heading, body: body, keys: quizzes.orderKeys(exampleOrder(order.count)))
            }, kind: .sequence(count: order.count)) { line in
                let numbers = line.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }
                guard numbers.count == items.count, Set(numbers) == Set(1...items.count) else {
                    return .failure(Problem(quizzes.orderProblem(items.count)))
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
                body += ["", Para(quizzes.choices)]
                for (index, text) in shown.enumerated() { body += self.wrap(text, first: "  \(optionLetter(index))) ", rest: "     ") }
                return Screen(heading: heading, body: body, keys: quizzes.lettersKeys)
            }, kind: .letters(rows: pairs.count, count: shown.count)) { line in
                let letters = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).compactMap(\.first)
                let indices = letters.compactMap { letter in (0..<shown.count).first { optionLetter($0) == letter } }
                guard indices.count == pairs.count, letters.count == pairs.count else {
                    return .failure(Problem(quizzes.lettersProblem(pairs.count, (0..<pairs.count).map { String(optionLetter($0)) }.joined(separator: " "))))
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
                mark = selected.contains(index + 1) ? words.quizzes.chosenMark : ""
            }
            return wrap(mark + text, first: "  \(index + 1). ", rest: "     ")
        }
    }

    private func showFeedback(_ question: Question, scored: ScoredResponse, heading: String) throws {
        var body: [Para] = []
        let quizzes = words.quizzes
        if scored.isCorrect {
            body += wrap(theme.good(quizzes.correct))
        } else if scored.credit > 0 {
            body += wrap(theme.warn(quizzes.partlyRightMarks(percent(scored.credit))))
        } else {
            body += wrap(theme.warn(quizzes.notQuite))
        }
        for line in scored.feedback { body += wrap(line) }
        if let message = question.outcomeFeedback.message(forCredit: scored.credit) { body += wrap(theme.inline(message)) }
        if !scored.isCorrect, let answer = rightAnswer(question) { body += [""] + wrap(quizzes.theAnswer + answer) }
        if let rationale = question.rationale { body += [""] + wrap(theme.title(quizzes.why) + theme.inline(rationale)) }
        try pause(Screen(heading: heading, body: body, keys: words.chrome.enterNext), quit: options.recordsProgress ? quizzes.quitMenuSaved : words.chrome.quitMenu)
    }

    private func rightAnswer(_ question: Question) -> String? {
        switch question.kind {
        case .singleChoice(let options, _): options.first { $0.singleChoiceCredit >= 1 }?.text
        case .multipleResponse(let options, _, _): options.filter(\.isRightResponse).map(\.text).joined(separator: "; ")
        // The feedback for the right answer speaks to someone who chose it ("Right. …"), so the
        // answer alone is shown to someone who did not.
        case .trueFalse(let answer, _, _): (answer ? words.quizzes.trueWord : words.quizzes.falseWord) + "."
        case .shortAnswer(let answer): answer.accepts.first { $0.credit >= 1 && $0.match != .regex }?.text
        case .ordering(let items, _): items.joined(separator: " → ")
        case .matching(let pairs, _, _): pairs.map { "\($0.left) → \($0.right)" }.joined(separator: "; ")
        }
    }

    private func describe(_ duration: ISODuration) -> String {
        let counts = [duration.years, duration.months, duration.days, duration.hours, duration.minutes, Int(duration.seconds)]
        let units = words.quizzes.units
        let parts = zip(counts, units).compactMap { count, unit in count > 0 ? "\(count) \(count == 1 ? unit.one : unit.many)" : nil }
        return parts.isEmpty ? words.quizzes.aMoment : parts.joined(separator: " ")
    }

    /// A date and time as the trainee's language writes them ("Dec 4, 2026 at 6:30 PM").
    private func dateAndTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: words.language.localeIdentifier)
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        return formatter.string(from: date)
    }
}

/// An example order for `count` items that is not the order shown ("2 3 1" for three).
func exampleOrder(_ count: Int) -> String {
    guard count > 1 else { return "1" }
    return (Array(2...count) + [1]).map(String.init).joined(separator: " ")
}
