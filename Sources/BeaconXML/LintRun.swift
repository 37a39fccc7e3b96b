import BeaconCore
import Foundation

/// Lints the courses named on a command line: finds the files and the schema, loads each,
/// runs the semantic checks, and gathers everything for one report.
public struct LintRun: Sendable {
    public struct FileResult: Sendable {
        public var path: String
        /// Counts, when the file got as far as being mapped.
        public var summary: CurriculumSummary?
        public var diagnostics: [Diagnostic]
    }

    public var options: CurriculumLinter.Options
    public var limits: LoadLimits
    public var environment: [String: String]
    public var executablePath: String?

    public init(
        options: CurriculumLinter.Options = .init(),
        limits: LoadLimits = .init(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = Bundle.main.executablePath
    ) {
        self.options = options
        self.limits = limits
        self.environment = environment
        self.executablePath = executablePath
    }

    /// Lints every course at `paths`; with `original`, each is also checked as a translation of
    /// the course there (same structure and scoring, other words).
    public func lint(paths: [String], original: String? = nil) -> LintResults {
        var results = LintResults()
        var originalCourse: Course?
        if let original {
            switch loadOriginal(original) {
            case .success(let course): originalCourse = course
            case .failure(let problem):
                results.files.append(FileResult(path: original, summary: nil, diagnostics: [problem.diagnostic]))
                return results
            }
        }
        for path in paths {
            let files = CurriculumFinder.courseFiles(at: path)
            if files.isEmpty {
                results.files.append(FileResult(path: path, summary: nil, diagnostics: [
                    Diagnostic(
                        .error, "B002", "no course found in \(path)",
                        help: "a course is an .xml file whose root element is <course>; name the file directly, or check the folder",
                        at: SourceLocation(file: path, line: 1)
                    )
                ]))
            }
            for file in files { results.files.append(lint(file: file, original: originalCourse)) }
        }
        return results
    }

    public func lint(file: String, original: Course? = nil) -> FileResult {
        guard let schema = CurriculumFinder.schemaPath(near: file, environment: environment, executable: executablePath) else {
            return FileResult(path: file, summary: nil, diagnostics: [
                Diagnostic(
                    .error, "B013", "cannot find curriculum.xsd to validate \(file) against",
                    help: "set BEACON_SCHEMA to the path of curricula/schema/curriculum.xsd",
                    at: nil
                )
            ])
        }
        let loaded = CurriculumLoader(schemaPath: schema, limits: limits).load(path: file)
        var diagnostics = loaded.diagnostics
        var summary: CurriculumSummary?
        let linter = CurriculumLinter(options: options)
        switch loaded.content {
        case .course(let course):
            let report = linter.lint(course)
            diagnostics += report.diagnostics
            summary = report.summary
            if let original { diagnostics += TranslationCheck(original: original, translation: course).diagnostics() }
        case .module(let module):
            let report = linter.lint(module: module)
            diagnostics += report.diagnostics
            diagnostics.append(Diagnostic(
                .note, "B000", "module '\(module.id)' was checked on its own",
                help: "references to competencies and other modules are checked when its course is linted",
                at: SourceLocation(file: file, line: module.location.line, column: module.location.column)
            ))
            summary = report.summary
        case nil:
            break
        }
        return FileResult(path: file, summary: summary, diagnostics: diagnostics.sortedForDisplay())
    }
}

extension LintRun {
    struct OriginalProblem: Error {
        var diagnostic: Diagnostic
    }

    /// The course a translation is checked against. It must load without errors, or the
    /// comparison would blame the translation for the original's mistakes; its own lint is
    /// left to a run of its own.
    func loadOriginal(_ path: String) -> Result<Course, OriginalProblem> {
        let files = CurriculumFinder.courseFiles(at: path)
        guard files.count == 1, let file = files.first else {
            return .failure(OriginalProblem(diagnostic: Diagnostic(
                .error, "B067", files.isEmpty ? "no course found in \(path) to compare the translation with" : "\(path) holds \(files.count) courses; --original needs one",
                help: "name the original edition's course.xml, e.g. --original curricula/peer-core", at: SourceLocation(file: path, line: 1)
            )))
        }
        let loaded = schemaPath(for: file).map { CurriculumLoader(schemaPath: $0, limits: limits).load(path: file) }
        guard let loaded, case .course(let course)? = loaded.content, !loaded.diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(OriginalProblem(diagnostic: Diagnostic(
                .error, "B067", "the original edition \(file) does not load without errors",
                help: "run beacon lint \(path) and fix it first", at: SourceLocation(file: file, line: 1)
            )))
        }
        return .success(course)
    }

    private func schemaPath(for file: String) -> String? {
        CurriculumFinder.schemaPath(near: file, environment: environment, executable: executablePath)
    }
}

/// Everything one `beacon lint` found.
public struct LintResults: Sendable {
    public var files: [LintRun.FileResult] = []

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
