import ArgumentParser
import BeaconCore
import BeaconXML
import Foundation

extension BeaconCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring question banks from Moodle XML or QTI files into a Beacon module.",
            discussion: """
                Each import writes one module file (root <module>) that a course includes with <xi:include href="modules/NAME.xml"/>. Questions that cannot be converted are listed with the reason; nothing is dropped silently. The output is checked with the linter before it is written.

                Exit status: 0 written, 1 nothing could be converted or a file could not be read, 2 the command was used wrongly.

                Examples:
                  beacon import moodle bank.xml -o curricula/my-course/modules/bank.xml
                  beacon import qti items/ -o curricula/my-course/modules/qti-items.xml --title "Week 2 check"
                """,
            subcommands: [Moodle.self, QTI.self]
        )
    }

    struct ImportOptionsGroup: ParsableArguments {
        @Option(name: .shortAndLong, help: ArgumentHelp("The module file to write.", valueName: "OUT.xml"))
        var output: String

        @Option(help: ArgumentHelp("Id of the new module (default: from the output file name).", valueName: "id"))
        var id: String?

        @Option(help: ArgumentHelp("Title of the module and of a quiz without a category.", valueName: "text"))
        var title = "Imported questions"

        @Option(help: ArgumentHelp("Pass mark of the imported quizzes, 0 to 1.", valueName: "share"))
        var passMark = 0.8

        @Flag(help: "Replace OUT.xml if it exists.")
        var force = false

        @Flag(help: "Print the import report as JSON.")
        var json = false

        func validate() throws {
            guard (0...1).contains(passMark) else { throw ValidationError("--pass-mark is a share from 0 to 1, e.g. 0.8") }
            guard output.hasSuffix(".xml") else { throw ValidationError("-o names the module file to write and must end in .xml, e.g. -o modules/bank.xml") }
            if let id, IdAllocator.slugIsValid(id) == false {
                throw ValidationError("--id '\(id)' is not a valid id: use lower-case letters, digits and single hyphens")
            }
            if !force, FileManager.default.fileExists(atPath: output) {
                throw CommandFailure("\(output) already exists; add --force to replace it")
            }
        }

        var importOptions: ImportOptions {
            let stem = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
            return ImportOptions(moduleID: id ?? IdAllocator.slug(stem, fallback: "imported"), title: title, passMark: passMark)
        }
    }

    struct Moodle: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "moodle",
            abstract: "Import Moodle XML question exports.",
            discussion: """
                Converts categories (one quiz each), multichoice (one or several answers, with Moodle's grades, including negative ones), truefalse, shortanswer (with * wildcards and case sensitivity), matching and description (lesson pages). General feedback becomes the rationale; per-answer and combined feedback are kept. Essay, cloze, numerical and calculated questions are listed as not converted, with the reason. Embedded images are shown as [image: …] placeholders and listed.
                """
        )

        @Argument(help: ArgumentHelp("Moodle XML files.", valueName: "FILE"))
        var files: [String]

        @OptionGroup var options: ImportOptionsGroup

        func run() throws {
            let inputs = try ImportFiles.read(files, allowFolders: false)
            let result: ImportResult
            do { result = try MoodleImporter.convert(inputs, options: options.importOptions) } catch { throw CommandFailure(error.description) }
            try ImportFiles.finish(result, options, inputs: inputs.map(\.path))
        }
    }

    struct QTI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qti",
            abstract: "Import QTI 2.1, 2.2 or 3.0 assessment items.",
            discussion: """
                Converts choice (single and multiple), text entry and match interactions scored by the standard match_correct and map_response templates (recognised by the last part of their URL). QTI scores are not fractions: each item's score is divided by its best achievable score, and that maximum becomes the question's weight. A folder is searched for .xml item files; test and manifest files are noted and skipped.
                """
        )

        @Argument(help: ArgumentHelp("QTI item files or folders.", valueName: "FILE|DIR"))
        var paths: [String]

        @OptionGroup var options: ImportOptionsGroup

        func run() throws {
            let inputs = try ImportFiles.read(paths, allowFolders: true)
            let result: ImportResult
            do { result = try QTIImporter.convert(inputs, options: options.importOptions) } catch { throw CommandFailure(error.description) }
            try ImportFiles.finish(result, options, inputs: inputs.map(\.path))
        }
    }
}

/// Reading inputs and writing the module, shared by both importers.
enum ImportFiles {
    static let maxBytes = 32 << 20

    static func read(_ paths: [String], allowFolders: Bool) throws -> [ImportInput] {
        guard !paths.isEmpty else { throw ValidationError("name at least one file to import") }
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw CommandFailure("\(path) does not exist")
            }
            if isFolder.boolValue {
                guard allowFolders else { throw ValidationError("\(path) is a folder; name the exported .xml files") }
                let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                    .filter { $0.lowercased().hasSuffix(".xml") && !$0.hasSuffix("imsmanifest.xml") }.sorted()
                files += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw CommandFailure("no .xml files found in \(paths.joined(separator: ", "))") }
        return try files.map { file in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes?[.size] as? Int, size > maxBytes {
                throw CommandFailure("\(file): the file is over 32 MiB; split the export")
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot be read") }
            return ImportInput(path: file, bytes: [UInt8](data))
        }
    }

    static func finish(_ result: ImportResult, _ options: BeaconCommand.ImportOptionsGroup, inputs: [String]) throws {
        let report = result.report
        let converted = report.questions + report.lessons
        let source = converted == 0 ? "" : ModuleWriter.xml(result.module, comment: "Imported by `beacon import` on \(Self.today()). Check the import report, then add level, competencies and rationales.")
        var lintErrors: [String] = []
        if converted > 0 { lintErrors = check(source, moduleID: result.module.id) }
        if converted > 0, lintErrors.isEmpty {
            let url = URL(fileURLWithPath: options.output)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(source.utf8).write(to: url, options: .atomic)
        }
        if options.json {
            struct Output: Encodable {
                var output: String?
                var module: String
                var report: ImportReport
                var lintErrors: [String]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let written = converted > 0 && lintErrors.isEmpty ? options.output : nil
            let data = try encoder.encode(Output(output: written, module: result.module.id, report: report, lintErrors: lintErrors))
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            print(terminalSafe(human(result, options, inputs: inputs, lintErrors: lintErrors)), terminator: "")
        }
        if converted == 0 || !lintErrors.isEmpty { throw ExitCode.failure }
    }

    static func human(_ result: ImportResult, _ options: BeaconCommand.ImportOptionsGroup, inputs: [String], lintErrors: [String]) -> String {
        let report = result.report
        var out = ""
        if report.questions + report.lessons == 0 {
            out += "Nothing could be converted, so \(options.output) was not written"
            out += report.skipped.isEmpty ? ": \(inputs.joined(separator: ", ")) holds no questions.\n" : ".\n"
        } else if !lintErrors.isEmpty {
            out += "The converted module did not pass the linter, so \(options.output) was not written (please report this):\n"
            for error in lintErrors { out += "  \(error)\n" }
        } else {
            let quizzes = result.module.quizzes.map { "'\($0.id)' (\($0.allQuestions.count))" }.joined(separator: ", ")
            out += "Wrote \(options.output): module '\(result.module.id)' with \(report.questions) question\(report.questions == 1 ? "" : "s")"
            out += report.lessons > 0 ? " and \(report.lessons) description page\(report.lessons == 1 ? "" : "s")" : ""
            out += quizzes.isEmpty ? ".\n" : " in quiz \(quizzes).\n"
        }
        if !report.skipped.isEmpty {
            out += "\nNot converted (\(report.skipped.count)):\n"
            for item in report.skipped { out += "  \(item.source): \(item.name) [\(item.type)]: \(item.reason)\n" }
        }
        if !report.notes.isEmpty {
            out += "\nConverted with changes (\(report.notes.count)):\n"
            for item in report.notes { out += "  \(item.source): \(item.id.isEmpty ? "" : item.id + ": ")\(item.message)\n" }
        }
        if !report.files.isEmpty {
            out += "\nFiles not brought over (\(report.files.count)):\n"
            for item in report.files { out += "  \(item.source): \(item.id): \(item.message)\n" }
        }
        if report.questions + report.lessons > 0, lintErrors.isEmpty {
            out += "\n" + nextStep(output: options.output) + "\n"
        }
        return out
    }

    /// How to include the written module: the href is relative to the course file that
    /// includes it, so look for a course.xml above the output; otherwise say what it is relative to.
    static func nextStep(output: String) -> String {
        let file = URL(fileURLWithPath: output).standardizedFileURL
        var folder = file.deletingLastPathComponent()
        for _ in 0..<4 {
            let course = folder.appendingPathComponent("course.xml")
            if FileManager.default.fileExists(atPath: course.path) {
                let href = String(file.path.dropFirst(folder.path.count + 1))
                let shown = output.hasPrefix("/") ? course.path : relativeToWorkingDirectory(course.path)
                return "Next: include it from \(shown) with <xi:include href=\"\(href)\"/>, then run beacon lint."
            }
            folder = folder.deletingLastPathComponent()
        }
        return "Next: include it from your course file with <xi:include href=\"…\"/>, where href is the path of \(output) relative to the folder of that course file (for a course beside a modules/ folder: modules/\(file.lastPathComponent)); then run beacon lint."
    }

    private static func relativeToWorkingDirectory(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    /// Lints the module inside a throwaway course, so what is written is known to load.
    static func check(_ source: String, moduleID: String) -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("modules"), withIntermediateDirectories: true)
            try Data(source.utf8).write(to: folder.appendingPathComponent("modules/imported.xml"))
            let course = """
                <?xml version="1.0" encoding="UTF-8"?>
                <course xmlns="urn:beacon:curriculum:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="\(moduleID == "import-check" ? "import-check-course" : "import-check")" version="1.0.0" xml:lang="en">
                  <title>Import check</title>
                  <competency id="\(moduleID == "import-competency" ? "import-competency-2" : "import-competency")" samhsa="engagement"><title>Import check</title></competency>
                  <xi:include href="modules/imported.xml"/>
                </course>
                """
            try Data(course.utf8).write(to: folder.appendingPathComponent("course.xml"))
        } catch {
            return ["could not write a temporary check course: \(error.localizedDescription)"]
        }
        var options = CurriculumLinter.Options()
        options.playthroughs = 0
        let results = LintRun(options: options).lint(paths: [folder.appendingPathComponent("course.xml").path])
        return results.diagnostics.filter { $0.severity == .error }.map { "\($0.code): \($0.message)" }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
