extension CurriculumLinter {
    func checkCertifications(_ context: inout LintContext) {
        let course = context.course
        for program in course.certifications {
            for requirement in program.requirements {
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
