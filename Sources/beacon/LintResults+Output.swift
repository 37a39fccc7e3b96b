import BeaconCore
import BeaconXML
import Foundation

extension LintResults {
    /// Diagnostics as `path:line:col: error[B0xx]: message` with a help line, then a tally.
    func humanReadable(colour: Bool) -> String {
        var lines: [String] = []
        for diagnostic in diagnostics {
            // Messages quote ids and text from the file: control characters are neutralised.
            var head = diagnostic.location.map { terminalSafe("\($0): ") } ?? ""
            let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code)]"
            head += colour ? paint(label, diagnostic.severity) : label
            lines.append("\(head): \(terminalSafe(diagnostic.message))")
            if let help = diagnostic.help { lines.append("  help: \(terminalSafe(help))") }
        }
        for file in files {
            guard let summary = file.summary else {
                if file.diagnostics.contains(where: { $0.severity == .error }) {
                    lines.append("\(terminalSafe(file.path)): the meaning checks (ids, references, scores, role-play paths) were skipped; fix the errors above and lint again")
                }
                continue
            }
            let kinds = summary.questionsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            lines.append(
                "\(file.path): " + [
                    counted(summary.modules, "module"), counted(summary.lessons, "lesson"),
                    counted(summary.quizzes, "quiz", "quizzes"),
                    counted(summary.questions, "question") + (kinds.isEmpty ? "" : " (\(kinds))"),
                    counted(summary.roleplays, "role-play")
                        + " (\(counted(summary.scenes, "scene")), \(counted(summary.endings, "ending")))",
                    counted(summary.programs, "certification program")
                        + (summary.programVersions > summary.programs ? " (\(counted(summary.programVersions, "version")))" : ""),
                ].joined(separator: ", ")
            )
        }
        let errors = errorCount, warnings = warningCount
        lines.append("\(counted(errors, "error")), \(counted(warnings, "warning")) in \(counted(files.count, "file"))")
        return lines.joined(separator: "\n")
    }

    private func counted(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count == 1 ? one : many ?? one + "s")"
    }

    private func paint(_ text: String, _ severity: Diagnostic.Severity) -> String {
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// One JSON object: `diagnostics`, `summary` (counts over all files), per-file results and tallies.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = JSONLintReport(self)
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The shape of `beacon lint --json`; documented in docs/diagnostics.md.
private struct JSONLintReport: Encodable {
    struct JSONDiagnostic: Encodable {
        var severity: String
        var code: String
        var message: String
        var help: String?
        var file: String?
        var line: Int?
        var column: Int?
    }

    struct FileEntry: Encodable {
        var path: String
        var summary: CurriculumSummary?
        var errors: Int
        var warnings: Int
    }

    struct Totals: Encodable {
        var files = 0
        var modules = 0, lessons = 0, pages = 0, quizzes = 0, pools = 0, questions = 0
        var questionsByKind: [String: Int] = [:]
        var roleplays = 0, scenes = 0, endings = 0, programs = 0, competencies = 0
    }

    var diagnostics: [JSONDiagnostic]
    var files: [FileEntry]
    var summary: Totals
    var errors: Int
    var warnings: Int

    init(_ results: LintResults) {
        diagnostics = results.diagnostics.map {
            JSONDiagnostic(
                severity: $0.severity.rawValue, code: $0.code, message: $0.message, help: $0.help,
                file: $0.location?.file, line: $0.location?.line, column: $0.location?.column
            )
        }
        files = results.files.map { file in
            FileEntry(
                path: file.path,
                summary: file.summary,
                errors: file.diagnostics.filter { $0.severity == .error }.count,
                warnings: file.diagnostics.filter { $0.severity == .warning }.count
            )
        }
        var totals = Totals()
        totals.files = results.files.count
        for summary in results.files.compactMap(\.summary) {
            totals.modules += summary.modules
            totals.lessons += summary.lessons
            totals.pages += summary.pages
            totals.quizzes += summary.quizzes
            totals.pools += summary.pools
            totals.questions += summary.questions
            totals.questionsByKind.merge(summary.questionsByKind, uniquingKeysWith: +)
            totals.roleplays += summary.roleplays
            totals.scenes += summary.scenes
            totals.endings += summary.endings
            totals.programs += summary.programs
            totals.competencies += summary.competencies
        }
        summary = totals
        errors = results.errorCount
        warnings = results.warningCount
    }
}
