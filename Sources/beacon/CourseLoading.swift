import BeaconCore
import BeaconStore
import BeaconTerminal
import BeaconXML
import Foundation

/// Finds, loads and checks the course a command works on, and the data files beside it.
struct LoadedCourse {
    var course: Course
    var stamp: CourseStamp
    var path: String
    /// How the course was chosen, for messages that must say why this course and not another.
    var chosenBy = CourseDefault.Source.named

    /// Loads the course named with --course; else $BEACON_COURSE; else the one set with
    /// `beacon course use`; else the bundled course. Prints the problems and exits 1 if the course
    /// has errors: a trainee must never meet a broken course.
    /// With `language`, the bundled course is the edition in that language when there is one.
    static func load(_ path: String?, language: Language? = nil) throws -> LoadedCourse {
        let (chosen, source) = path.map { ($0, CourseDefault.Source.named) } ?? CourseDefault.current() ?? (bundledCourse(language: language), .bundled)
        guard let file = chosen.map({ CurriculumFinder.courseFiles(at: $0).first ?? $0 }) else {
            fail("no course named and no bundled course found; name one, e.g. beacon learn --course curricula/sample")
        }
        var result = try loadFile(file)
        result.chosenBy = source
        return result
    }

    /// "peer-core (the bundled course; name yours with --course PATH or beacon course use PATH)".
    var described: String {
        switch chosenBy {
        case .named: course.id
        case .environment: "\(course.id) (from $BEACON_COURSE)"
        case .saved: "\(course.id) (set with beacon course use)"
        case .bundled: "\(course.id) (the bundled course; name yours with --course PATH, or once for every command with beacon course use PATH)"
        }
    }

    private static func loadFile(_ file: String) throws -> LoadedCourse {
        guard let schema = CurriculumFinder.schemaPath(near: file, environment: ProcessInfo.processInfo.environment, executable: Bundle.main.executablePath) else {
            fail("cannot find curriculum.xsd; set BEACON_SCHEMA to curricula/schema/curriculum.xsd")
        }
        let loaded = CurriculumLoader(schemaPath: schema).load(path: file)
        var diagnostics = loaded.diagnostics
        guard case .course(let course)? = loaded.content, let hash = loaded.contentHash else {
            report(diagnostics, file)
        }
        var options = CurriculumLinter.Options()
        options.playthroughs = 20
        diagnostics += CurriculumLinter(options: options).lint(course).diagnostics
        if diagnostics.hasErrors { report(diagnostics, file) }
        return LoadedCourse(course: course, stamp: CourseStamp(id: course.id, version: course.version, contentHash: hash), path: file)
    }

    private static func report(_ diagnostics: [Diagnostic], _ file: String) -> Never {
        let errors = diagnostics.filter { $0.severity == .error }
        FileHandle.standardError.write(Data((errors.map(\.description).joined(separator: "\n") + "\n").utf8))
        fail("\(file) has \(errors.count) problem\(errors.count == 1 ? "" : "s"); fix them (see beacon lint \(file)) before playing it")
    }

    /// This course and its other language editions: the courses in folders beside this one's
    /// with the same id and version (curricula/peer-core and curricula/peer-core-es). An edition
    /// that does not load cleanly is left out: the certificate is then worded in this one's words.
    var editions: [CourseEdition] {
        var found = [CourseEdition(course: course, contentHash: stamp.contentHash)]
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
        let parent = folder.deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment
        guard let schema = CurriculumFinder.schemaPath(near: path, environment: environment, executable: Bundle.main.executablePath),
            let siblings = try? FileManager.default.contentsOfDirectory(at: parent, includingPropertiesForKeys: nil)
        else { return found }
        for sibling in siblings.sorted(by: { $0.path < $1.path }) where sibling.standardizedFileURL.path != folder.path {
            let file = sibling.appendingPathComponent("course.xml")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let loaded = CurriculumLoader(schemaPath: schema).load(path: file.path)
            guard case .course(let other)? = loaded.content, let hash = loaded.contentHash, !loaded.diagnostics.hasErrors,
                other.id == course.id, other.version == course.version
            else { continue }
            found.append(CourseEdition(course: other, contentHash: hash))
        }
        return found
    }

    /// The course that ships with Beacon: the core curriculum when present (its Spanish edition
    /// for a Spanish speaker), else the sample.
    static func bundledCourse(language: Language? = nil) -> String? {
        let editions = language == .spanish ? ["peer-core-es/course.xml"] : []
        for name in editions + ["peer-core/course.xml", "sample/course.xml"] {
            if let path = findCurriculaFile(name) { return path }
        }
        return nil
    }

    /// A file under `curricula/`, looked for above the working directory, then above the
    /// executable (a checkout), then in `share/beacon` beside its `bin` (Scripts/install).
    static func findCurriculaFile(_ name: String) -> String? {
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let executable = Bundle.main.executablePath.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath() }) {
            starts.append(executable)
            starts.append(executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/beacon"))
        }
        for start in starts {
            var folder = start
            for _ in 0..<12 {
                let candidate = folder.appendingPathComponent("curricula").appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) {
                    // Keep paths relative to the working directory when they are below it.
                    let cwd = FileManager.default.currentDirectoryPath + "/"
                    return candidate.path.hasPrefix(cwd) ? String(candidate.path.dropFirst(cwd.count)) : candidate.path
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }

    /// The dated crisis-resources data in `language` (`crisis-resources.es.json`; English is
    /// `crisis-resources.json`), or a minimal built-in list with a note if it is missing.
    /// BEACON_CRISIS_RESOURCES names one file for every language (a programme's own list).
    static func crisisResources(_ language: Language = .english) -> CrisisResources {
        let environment = ProcessInfo.processInfo.environment
        let file = language == .english ? "crisis-resources.json" : "crisis-resources.\(language.rawValue).json"
        let path = environment["BEACON_CRISIS_RESOURCES"] ?? findCurriculaFile(file)
        guard let path, let resources = try? CrisisResources.load(from: URL(fileURLWithPath: path)) else { return .fallback(language) }
        return resources
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("beacon: \(message)\n".utf8))
    exit(1)
}
