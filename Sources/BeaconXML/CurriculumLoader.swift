import BeaconCore
import CLibXML2
import Foundation

/// What loading one curriculum file produced.
public struct LoadedCurriculum: Sendable {
    /// What the file holds once read; nil when it could not be used.
    public enum Content: Sendable {
        /// A whole course.
        case course(Course)
        /// A module file on its own (normally joined to a course by xi:include).
        case module(Module)
    }

    public var path: String
    public var content: Content?
    /// Every problem found while reading, validating and mapping.
    public var diagnostics: [Diagnostic]
    /// The files read: the one named, then the modules it includes.
    public var files: [String]
    /// SHA-256 (hex) over every file's path, relative to the course folder, and bytes, so that
    /// each recorded result names the exact content it was taken on.
    public var contentHash: String?
}

/// Reads curriculum files safely: no network, no DTDs or entities, includes confined to the
/// course folder, size and depth limits, XSD validation, and mapping into BeaconCore values.
///
/// Each file of a course is parsed, validated and mapped on its own, so the included modules
/// are handled in parallel on every core, and no file's content is ever copied into another's.
public struct CurriculumLoader: Sendable {
    public var limits: LoadLimits
    /// The `curriculum.xsd` to validate against.
    public var schemaPath: String

    public init(schemaPath: String, limits: LoadLimits = .init()) {
        self.schemaPath = schemaPath
        self.limits = limits
    }

    /// Loads one file. Never throws: every problem becomes a diagnostic.
    public func load(path: String) -> LoadedCurriculum {
        var reader = DocumentReader(limits: limits)
        let document = reader.open(path: path)
        var result = LoadedCurriculum(path: path, content: nil, diagnostics: reader.diagnostics, files: [path], contentHash: nil)
        guard let document, let root = document.root else { return result }
        let schema: CompiledSchema
        switch CompiledSchema.load(schemaPath) {
        case .success(let compiled): schema = compiled
        case .failure(let problem):
            result.diagnostics.append(problem.diagnostic)
            return result
        }

        guard root.hasName("course") else {
            // A module file (or a wrong root, which the schema reports).
            for include in DocumentReader.nestedIncludes(below: root) + root.elements.filter(\.isInclude) {
                result.diagnostics.append(Diagnostic(
                    .error, "B006", "xi:include is only allowed in the course file, in place of a <module>",
                    help: "include whole module files from course.xml",
                    at: document.location(of: include, elementName: "xi:include")
                ))
            }
            let file = FileJob.run(document: document, schema: schema)
            result.diagnostics += file.diagnostics
            if result.diagnostics.hasErrors { return result }
            result.content = file.module.map(LoadedCurriculum.Content.module)
            result.contentHash = ContentHash.of([(lastPathComponent(path), file.digest)])
            return result
        }

        let includes = reader.includes(of: document)
        result.diagnostics = reader.diagnostics
        result.files += includes.map(\.path)
        // Each module is read by its own reader in parallel, so the limit on the whole course
        // is checked here, before any module is read (an included file counts each time).
        let total = ([path] + includes.map(\.path)).reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        if total > limits.maxTotalBytes {
            result.diagnostics.append(Diagnostic(
                .error, "B003", "the course and its includes add up to \(total >> 20) MiB, over the \(limits.maxTotalBytes >> 20) MiB limit",
                help: "a curriculum this large is almost certainly a mistake; check the includes",
                at: SourceLocation(file: path, line: 1)
            ))
            return result
        }

        // Job 0 validates the course file; job n reads, validates and maps the n-th module.
        let slots = Slots<FileJob.Outcome>(count: includes.count + 1)
        let courseDocument = UncheckedBox(document)
        let inputs = includes.map { FileJob.Input(path: $0.path, location: $0.location) }
        DispatchQueue.concurrentPerform(iterations: includes.count + 1) { index in
            if index == 0 {
                let course = courseDocument.value
                slots[0] = FileJob.Outcome(module: nil, diagnostics: schema.validate(course), digest: ContentHash.digest(course.file.bytes))
            } else {
                slots[index] = FileJob.run(inputs[index - 1], limits: limits, schema: schema)
            }
        }
        let outcomes = slots.values
        for outcome in outcomes { result.diagnostics += outcome.diagnostics }
        // Mapping a course with schema errors would only add noise; fix those first.
        guard !result.diagnostics.hasErrors else { return result }

        var modules: [xmlNodePtr: Module] = [:]
        for (include, outcome) in zip(includes, outcomes.dropFirst()) {
            if let module = outcome.module { modules[include.element] = module }
        }
        let mapper = CurriculumMapper(document: document)
        result.content = .course(mapper.course(root, includedModules: modules))
        let names = [lastPathComponent(path)] + includes.map(\.href)
        result.contentHash = ContentHash.of(zip(names, outcomes.map(\.digest)).map { ($0, $1) })
        result.diagnostics += mapper.problems.diagnostics
        return result
    }
}

/// Reading, validating and mapping one module file: the unit of parallel work.
enum FileJob {
    /// What a job needs to know of the include it handles.
    struct Input: Sendable {
        var path: String
        var location: SourceLocation
    }

    struct Outcome: Sendable {
        var module: Module?
        var diagnostics: [Diagnostic]
        /// SHA-256 of the file's bytes.
        var digest: [UInt8] = []
    }

    static func run(_ include: Input, limits: LoadLimits, schema: CompiledSchema) -> Outcome {
        var reader = DocumentReader(limits: limits)
        guard let document = reader.open(path: include.path, includedFrom: include.location) else {
            return Outcome(module: nil, diagnostics: reader.diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        if let root = document.root, !root.hasName("module") {
            diagnostics.append(Diagnostic(
                .error, "B006", "\(include.path) is not a module file (its root is <\(root.name)>)",
                help: "include only files whose root element is <module>",
                at: include.location
            ))
            return Outcome(module: nil, diagnostics: diagnostics)
        }
        if let root = document.root {
            for nested in DocumentReader.nestedIncludes(below: root) + root.elements.filter(\.isInclude) {
                diagnostics.append(Diagnostic(
                    .error, "B006", "xi:include is only allowed in the course file, in place of a <module>",
                    help: "include every module from course.xml; a module cannot include other files",
                    at: document.location(of: nested, elementName: "xi:include")
                ))
            }
        }
        let outcome = run(document: document, schema: schema)
        return Outcome(
            module: diagnostics.isEmpty ? outcome.module : nil,
            diagnostics: diagnostics + outcome.diagnostics,
            digest: outcome.digest
        )
    }

    static func run(document: CurriculumDocument, schema: CompiledSchema) -> Outcome {
        let errors = schema.validate(document)
        let digest = ContentHash.digest(document.file.bytes)
        guard !errors.hasErrors, let root = document.root, root.hasName("module") else {
            return Outcome(module: nil, diagnostics: errors, digest: digest)
        }
        let mapper = CurriculumMapper(document: document)
        let module = mapper.module(root)
        return Outcome(module: module, diagnostics: errors + mapper.problems.diagnostics, digest: digest)
    }
}

/// A result per parallel job, each written once by its own job.
final class Slots<Value: Sendable>: @unchecked Sendable {
    // Safe: every access goes through the lock.
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}

/// Hands a non-Sendable value to a parallel job that only reads it.
struct UncheckedBox<Value>: @unchecked Sendable {
    // Safe: the course document is only read (validated) by one job while the others touch
    // other documents; the loader uses it again only after every job has finished.
    let value: Value
    init(_ value: Value) { self.value = value }
}
