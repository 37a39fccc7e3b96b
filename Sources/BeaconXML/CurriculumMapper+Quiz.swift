import BeaconCore

extension CurriculumMapper {
    func quiz(_ node: XMLNode) -> Quiz {
        var quiz = Quiz(id: node.attribute("id") ?? "", location: location(node))
        quiz.passMark = node.attribute("passMark").flatMap(Double.init) ?? 1
        quiz.attempts = node.attribute("attempts").flatMap(Int.init)
        quiz.cooldown = node.attribute("cooldown").flatMap(ISODuration.init)
        quiz.shuffle = bool(node.attribute("shuffle")) ?? false
        quiz.minutes = node.attribute("minutes").flatMap(Int.init)
        for child in node.elements {
            switch child.name {
            case "title": quiz.title = plain(child)
            case "contentNote": quiz.contentNote = contentNote(child)
            case "instructions": quiz.instructions = inline(child)
            case "pool":
                var pool = Pool(id: child.attribute("id") ?? "", location: location(child))
                pool.draw = child.attribute("draw").flatMap(Int.init) ?? 1
                pool.questions = child.elements.compactMap(question)
                quiz.sections.append(.pool(pool))
            default:
                if let question = question(child) { quiz.sections.append(.question(question)) }
            }
        }
        return quiz
    }

    func question(_ node: XMLNode) -> Question? {
        let kind: Question.Kind
        switch node.name {
        case "singleChoice":
            kind = .singleChoice(options: options(node), shuffle: bool(node.attribute("shuffle")) ?? true)
        case "multipleResponse":
            kind = .multipleResponse(options: options(node), shuffle: bool(node.attribute("shuffle")) ?? true, scoring: scoring(node))
        case "trueFalse":
            kind = .trueFalse(
                answer: bool(node.attribute("answer")) ?? true,
                feedbackTrue: node.element("feedbackTrue").map(inline) ?? [],
                feedbackFalse: node.element("feedbackFalse").map(inline) ?? []
            )
        case "shortAnswer":
            var answer = ShortAnswer()
            answer.caseSensitive = bool(node.attribute("caseSensitive")) ?? false
            answer.whitespace = node.attribute("whitespace").flatMap(ShortAnswer.Whitespace.init(rawValue:)) ?? .normalize
            answer.accepts = node.elements("accept").map { accept in
                ShortAnswer.Accept(
                    text: accept.text,
                    match: accept.attribute("match").flatMap(ShortAnswer.Accept.Match.init(rawValue:)) ?? .exact,
                    credit: accept.attribute("credit").flatMap(Double.init) ?? 1,
                    feedback: accept.attribute("feedback"),
                    location: location(accept)
                )
            }
            kind = .shortAnswer(answer)
        case "ordering":
            kind = .ordering(items: node.elements("item").map { plain($0) }, scoring: scoring(node))
        case "matching":
            kind = .matching(
                pairs: node.elements("pair").map {
                    MatchPair(
                        left: plain($0.element("left")),
                        right: plain($0.element("right")),
                        weight: $0.attribute("weight").flatMap(Double.init) ?? 1
                    )
                },
                distractors: node.elements("distractor").map { plain($0) },
                scoring: scoring(node)
            )
        default:
            return nil
        }
        var question = Question(id: node.attribute("id") ?? "", kind: kind, location: location(node))
        question.level = node.attribute("level").flatMap(Question.Level.init(rawValue:))
        question.competencies = references(node, "competencies")
        question.weight = node.attribute("weight").flatMap(Double.init) ?? 1
        question.prompt = node.element("prompt").map(inline) ?? []
        question.outcomeFeedback = OutcomeFeedback(
            correct: node.element("feedbackCorrect").map(inline),
            partial: node.element("feedbackPartial").map(inline),
            incorrect: node.element("feedbackIncorrect").map(inline)
        )
        question.rationale = node.element("rationale").map(inline)
        return question
    }

    private func options(_ node: XMLNode) -> [AnswerOption] {
        node.elements("option").enumerated().map { index, option in
            AnswerOption(
                // Default ids follow the letters a trainee sees, so results stay readable.
                id: option.attribute("id") ?? String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26))),
                text: plain(option),
                correct: bool(option.attribute("correct")) ?? false,
                credit: option.attribute("credit").flatMap(Double.init),
                feedback: option.attribute("feedback"),
                location: location(option)
            )
        }
    }

    private func scoring(_ node: XMLNode) -> Question.Scoring {
        node.attribute("scoring").flatMap(Question.Scoring.init(rawValue:)) ?? .partial
    }

    /// xs:boolean allows true, false, 1 and 0.
    func bool(_ text: String?) -> Bool? {
        switch text?.trimmingWhitespace() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}
