import BeaconCore
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
    /// Every problem found while reading, including, validating and mapping, in reading order.
    public var diagnostics: [Diagnostic]
    /// The files read: the one named and those it included.
    public var files: [String]
}

/// Reads curriculum files safely: no network, no DTDs or entities, includes confined to the
/// course folder, size and depth limits, XSD validation, and mapping into BeaconCore values.
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
        let document = reader.load(path: path)
        var result = LoadedCurriculum(path: path, content: nil, diagnostics: reader.diagnostics, files: [path])
        guard let document, let root = document.root else { return result }
        result.files = document.files.map(\.path)
        // A broken include was already reported; validating would only add "missing module" noise.
        guard !result.diagnostics.hasErrors else { return result }

        let schemaErrors = SchemaValidator(schemaPath: schemaPath).validate(document)
        result.diagnostics += schemaErrors
        guard !schemaErrors.hasErrors else { return result }

        let mapper = CurriculumMapper(document: document)
        switch root.name {
        case "course": result.content = .course(mapper.course(root))
        case "module": result.content = .module(mapper.module(root))
        default: break  // the schema accepts no other root
        }
        result.diagnostics += mapper.problems.diagnostics
        return result
    }
}
