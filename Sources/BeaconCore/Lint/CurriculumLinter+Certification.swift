extension CurriculumLinter {
    func checkCertifications(_ context: inout LintContext) {
        let course = context.course
        checkProgramVersions(&context)
        for program in course.certifications {
            checkProgramParts(program, &context)
            for requirement in program.allRequirements + program.endorsements.flatMap(\.requirements) {
                switch requirement {
                case .module(let reference):
                    if course.module(reference.id) == nil {
                        context.error(
                            "B021",
                            "certification '\(program.id)' requires module '\(reference.id)', which does not exist",
                            help: "modules are: \(course.modules.map(\.id).joined(separator: ", "))",
                            at: reference.location
                        )
                    }
                case .quiz(let reference, let score):
                    guard let quiz = course.quizzes.first(where: { $0.id == reference.id }) else {
                        context.error(
                            "B023",
                            "certification '\(program.id)' requires quiz '\(reference.id)', which does not exist",
                            help: "quizzes are: \(course.quizzes.map(\.id).joined(separator: ", "))",
                            at: reference.location
                        )
                        continue
                    }
                    let needed = score ?? quiz.passMark
                    let best = quiz.bestPossibleScore
                    if best + 1e-9 < needed {
                        context.error(
                            "B052",
                            "certification '\(program.id)' needs \(percent(needed)) on quiz '\(quiz.id)', but a perfect attempt scores at most \(percent(best))",
                            help: "lower score to \(decimal(best)) or less, or fix the quiz's questions",
                            at: reference.location
                        )
                    }
                case .competency(let reference, let score):
                    guard course.competency(reference.id) != nil else {
                        checkCompetencyReference(reference, &context, what: "certification '\(program.id)'")
                        continue
                    }
                    checkCompetencyMinimum(program, reference, score, &context)
                case .attestation(let reference):
                    if program.document(reference.id) == nil {
                        context.error(
                            "B063", "certification '\(program.id)' requires attesting '\(reference.id)', which is not one of its documents",
                            help: program.documents.isEmpty ? "add <document id=\"\(reference.id)\" version=\"1\" kind=\"ethics\"> to the program" : "documents are: \(program.documents.map(\.id).joined(separator: ", "))",
                            at: reference.location
                        )
                    }
                case .observation(let reference):
                    if program.rubric(reference.id) == nil {
                        context.error(
                            "B063", "certification '\(program.id)' requires observation '\(reference.id)', which is not one of its rubrics",
                            help: program.rubrics.isEmpty ? "add <rubric id=\"\(reference.id)\" pass=\"0.7\"> to the program" : "rubrics are: \(program.rubrics.map(\.id).joined(separator: ", "))",
                            at: reference.location
                        )
                    }
                case .trainingHours(let rule):
                    if rule.domain != nil, rule.modes.contains(.selfPaced) {
                        context.warning(
                            "B064", "certification '\(program.id)' counts self-paced time toward a domain, but self-paced time is kept per course, not per domain",
                            help: "give this requirement mode=\"live-remote in-person\", and count self-paced time in a requirement without a domain",
                            at: program.location
                        )
                    }
                case .supervisedHours, .references:
                    break
                }
            }
        }
    }

    /// The competency score is the best run's points of each role-play that assesses it,
    /// summed, over the sum of their outOf; compare the requirement with the best possible.
    private func checkCompetencyMinimum(
        _ program: CertificationProgram,
        _ reference: Reference,
        _ score: Double,
        _ context: inout LintContext
    ) {
        var earned = 0, total = 0
        var known = true
        for roleplay in context.course.roleplays {
            guard let assessment = roleplay.assesses.first(where: { $0.competency.id == reference.id }) else { continue }
            total += assessment.outOf
            if let best = context.roleplayFacts[roleplay.id]?.bestScores?[reference.id] {
                earned += best
            } else {
                known = false
            }
        }
        if total == 0 {
            context.error(
                "B044",
                "certification '\(program.id)' needs a '\(reference.id)' score, but no role-play assesses that competency",
                help: "add <assesses competency=\"\(reference.id)\" …/> to a role-play that practises it, or drop this requirement",
                at: reference.location
            )
            return
        }
        // When a role-play could not be fully explored its best is unknown; say nothing rather than guess.
        guard known else { return }
        let best = Double(earned) / Double(total)
        if best + 1e-9 < score {
            context.error(
                "B044",
                "certification '\(program.id)' needs \(percent(score)) in '\(reference.id)', but the best paths through every role-play earn \(earned) of \(total) points (\(percent(best)))",
                help: "lower score to \(decimal(best)) or less, or make more '\(reference.id)' points reachable",
                at: reference.location
            )
        }
    }
}

extension CurriculumLinter {
    /// Versions of one program: each says which it is and when it takes effect, and no two agree.
    func checkProgramVersions(_ context: inout LintContext) {
        let grouped = Dictionary(grouping: context.course.certifications, by: \.id)
        for (id, versions) in grouped.sorted(by: { $0.key < $1.key }) where versions.count > 1 {
            var seenVersions: [String: SourceLocation] = [:]
            var seenDays: [DayDate: SourceLocation] = [:]
            for program in versions {
                guard let version = program.version, let effective = program.effective else {
                    context.error(
                        "B065", "certification '\(id)' appears \(versions.count) times, so each needs version=\"…\" and effective=\"YYYY-MM-DD\"",
                        help: "give every version of the program its own version and the day it takes effect", at: program.location
                    )
                    continue
                }
                if let first = seenVersions[version] {
                    context.error("B065", "certification '\(id)' version \(version) appears twice (first at \(first))", help: "number the new edition differently", at: program.location)
                }
                if let first = seenDays[effective] {
                    context.error("B065", "two versions of certification '\(id)' take effect on \(effective) (first at \(first))", help: "a day has one version in force; change one effective date", at: program.location)
                }
                seenVersions[version] = program.location
                seenDays[effective] = program.location
            }
        }
    }

    /// Documents, rubrics and the exam rule name things that exist, once each.
    func checkProgramParts(_ program: CertificationProgram, _ context: inout LintContext) {
        let course = context.course
        for (kind, ids, locations) in [
            ("document", program.documents.map(\.id), program.documents.map(\.location)), ("rubric", program.rubrics.map(\.id), program.rubrics.map(\.location)),
        ] {
            for index in ids.indices where ids[..<index].contains(ids[index]) {
                context.error("B063", "certification '\(program.id)' has two \(kind)s with id '\(ids[index])'", help: "give each \(kind) its own id", at: locations[index])
            }
        }
        let endorsementIds = program.endorsements.map(\.id)
        for index in endorsementIds.indices where endorsementIds[..<index].contains(endorsementIds[index]) {
            context.error("B063", "certification '\(program.id)' has two endorsements with id '\(endorsementIds[index])'", help: "give each endorsement its own id", at: program.location)
        }
        for document in program.documents where document.text.isEmpty {
            context.error("B063", "document '\(document.id)' has no text to attest", help: "put the text the trainee reads and attests in <text>", at: document.location)
        }
        for rubric in program.rubrics {
            for item in rubric.items {
                if let competency = item.competency, course.competency(competency.id) == nil {
                    checkCompetencyReference(competency, &context, what: "rubric '\(rubric.id)'")
                }
            }
        }
        if let renewal = program.renewal {
            let categories = Set(renewal.categories.map(\.id))
            for credit in renewal.modules {
                if course.module(credit.module.id) == nil {
                    context.error("B021", "certification '\(program.id)' counts module '\(credit.module.id)' toward renewal, but it does not exist", help: "modules are: \(course.modules.map(\.id).joined(separator: ", "))", at: credit.module.location)
                }
                if !categories.contains(credit.category) {
                    context.error("B066", "module '\(credit.module.id)' counts toward category '\(credit.category)', which the renewal rule does not have", help: "categories are: \(renewal.categories.map(\.id).joined(separator: ", "))", at: credit.module.location)
                }
            }
            let ids = renewal.categories.map(\.id)
            for index in ids.indices where ids[..<index].contains(ids[index]) {
                context.error("B066", "renewal category '\(ids[index])' appears twice in certification '\(program.id)'", help: "list each category once", at: program.location)
            }
            for category in renewal.categories {
                if let minimum = category.minimum, let maximum = category.maximum, minimum > maximum {
                    context.error("B066", "renewal category '\(category.id)' needs at least \(minimum) h but counts at most \(maximum) h", help: "make min no more than max", at: program.location)
                }
            }
            let minimums = renewal.categories.compactMap(\.minimum).reduce(0, +)
            if minimums > renewal.hours + 1e-9 {
                context.warning("B066", "renewal categories need \(minimums) h between them, more than the \(renewal.hours) h total", help: "raise hours=\"…\" on <renewal> to at least the sum of the minimums", at: program.location)
            }
        }
        if let exam = program.exam {
            if !course.quizzes.contains(where: { $0.id == exam.quiz.id }) {
                context.error("B023", "certification '\(program.id)' sets exam rules for quiz '\(exam.quiz.id)', which does not exist", help: "quizzes are: \(course.quizzes.map(\.id).joined(separator: ", "))", at: exam.quiz.location)
            }
            if let module = exam.retrainModule, course.module(module.id) == nil {
                context.error("B021", "certification '\(program.id)' retrains with module '\(module.id)', which does not exist", help: "modules are: \(course.modules.map(\.id).joined(separator: ", "))", at: module.location)
            }
            if exam.retrainAfter != nil, exam.retrainModule == nil {
                context.error("B063", "certification '\(program.id)' retrains after failures but names no module to start over", help: "add retrain-module=\"…\" to <exam>", at: exam.quiz.location)
            }
        }
    }
}
