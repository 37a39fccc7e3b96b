extension CurriculumLinter {
    func checkQuestions(_ context: inout LintContext) {
        for quiz in context.course.quizzes {
            for pool in quiz.pools where pool.questions.count < pool.draw {
                context.error(
                    "B032",
                    "pool '\(pool.id)' draws \(pool.draw) questions but holds only \(pool.questions.count)",
                    help: "add \(pool.draw - pool.questions.count) more questions to the pool, or lower draw to \(pool.questions.count)",
                    at: pool.location
                )
            }
            for question in quiz.allQuestions { checkQuestion(question, &context) }
            let best = quiz.bestPossibleScore
            if best + 1e-9 < quiz.passMark {
                context.error(
                    "B033",
                    "quiz '\(quiz.id)' needs \(percent(quiz.passMark)) to pass, but a perfect attempt scores at most \(percent(best))",
                    help: "lower passMark to \(decimal(best)) or less, or fix the questions that cannot earn full credit",
                    at: quiz.location
                )
            }
        }
    }

    private func checkQuestion(_ question: Question, _ context: inout LintContext) {
        for competency in question.competencies {
            checkCompetencyReference(competency, &context, what: "question '\(question.id)'")
        }
        if question.rationale == nil {
            context.warning(
                "B036",
                "question '\(question.id)' has no rationale",
                help: "add <rationale> after the answers: trainees learn most from why an answer is right",
                at: question.location
            )
        }
        switch question.kind {
        case .singleChoice(let options, _):
            checkOptionIds(options, question, &context)
            if question.maximumCredit < 1 {
                context.error(
                    "B030",
                    "single-choice question '\(question.id)' has no option worth full credit (best is \(decimal(question.maximumCredit)))",
                    help: "mark the right option with correct=\"true\" (or give it credit=\"1\")",
                    at: question.location
                )
            }
        case .multipleResponse(let options, _, let scoring):
            checkOptionIds(options, question, &context)
            if !options.contains(where: \.isRightResponse) {
                context.error(
                    "B030",
                    "multiple-response question '\(question.id)' has no right option",
                    help: "mark each right option with correct=\"true\"",
                    at: question.location
                )
            } else if scoring == .partial {
                let positive = Question.Kind.partialCredits(options).filter { $0 > 0 }.reduce(0, +)
                if positive < 1 - 1e-9 {
                    context.error(
                        "B030",
                        "the right options of '\(question.id)' add up to \(decimal(positive)) credit, so no one can get full marks",
                        help: "make the positive credits add up to 1 (or leave credit out to share it evenly)",
                        at: question.location
                    )
                } else if positive > 1 + 1e-9 {
                    context.warning(
                        "B031",
                        "the right options of '\(question.id)' add up to \(decimal(positive)) credit; full marks come before every right option is chosen",
                        help: "make the positive credits add up to exactly 1",
                        at: question.location
                    )
                }
            }
        case .trueFalse:
            break
        case .shortAnswer(let answer):
            for accept in answer.accepts where accept.match == .regex {
                if let problem = context.patternProblem(accept.text) {
                    context.error(
                        "B034",
                        "accepted answer pattern '\(accept.text)' cannot be used: \(problem)",
                        help: "fix the pattern, or use match=\"wildcard\" with * for simple cases",
                        at: accept.location
                    )
                }
            }
            if question.maximumCredit < 1 {
                context.error(
                    "B030",
                    "short-answer question '\(question.id)' has no accepted answer worth full credit",
                    help: "give one <accept> credit=\"1\" (the default)",
                    at: question.location
                )
            }
        case .ordering:
            break
        case .matching(let pairs, let distractors, _):
            // Pairs may share a right-hand text (one choice fitting several left-hand texts,
            // as Moodle allows); a distractor must not be one of them or repeat another.
            let rights = Set(pairs.map(\.right))
            var seen = Set<String>()
            for distractor in distractors {
                if rights.contains(distractor) {
                    context.error(
                        "B035",
                        "distractor '\(distractor)' of '\(question.id)' is also a right answer",
                        help: "remove the distractor or change its text",
                        at: question.location
                    )
                } else if !seen.insert(distractor).inserted {
                    context.error(
                        "B035",
                        "distractor '\(distractor)' of '\(question.id)' is written twice",
                        help: "remove one of them",
                        at: question.location
                    )
                }
            }
        }
    }

    private func checkOptionIds(_ options: [AnswerOption], _ question: Question, _ context: inout LintContext) {
        for (option, first) in Self.duplicates(options, id: \.id) {
            context.error(
                "B020",
                "option id '\(option.id)' is used twice in question '\(question.id)' (first at line \(first.location.line))",
                help: "give each option its own id, or leave ids out to get a, b, c…",
                at: option.location
            )
        }
        for (option, first) in Self.duplicates(options, id: \.text) {
            context.warning(
                "B037",
                "two options of '\(question.id)' read the same: '\(option.text)' (first at line \(first.location.line))",
                help: "trainees cannot tell them apart; reword or remove one",
                at: option.location
            )
        }
    }
}

func percent(_ share: Double) -> String {
    let value = (share * 1000).rounded() / 10
    return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
}

func decimal(_ value: Double) -> String {
    let rounded = (value * 1000).rounded(.down) / 1000
    return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
}
