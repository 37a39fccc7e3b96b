extension CurriculumLinter {
    /// Lints a module file on its own. Competencies and other modules live in the course file,
    /// so references to them are taken on trust here and checked when the course is linted.
    public func lint(module: Module) -> Report {
        var course = Course(id: "\u{0}standalone", version: "", location: module.location)
        var standalone = module
        standalone.prerequisites = []
        var referenced = Set(module.teaches.map(\.id))
        for quiz in module.quizzes {
            for question in quiz.allQuestions { referenced.formUnion(question.competencies.map(\.id)) }
        }
        for roleplay in module.roleplays { referenced.formUnion(roleplay.assesses.map(\.competency.id)) }
        course.competencies = referenced.sorted().map { Competency(id: $0, location: module.location) }
        course.modules = [standalone]
        var report = lint(course)
        report.summary.course = module.id
        report.summary.competencies = 0
        return report
    }
}
