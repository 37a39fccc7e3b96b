import BeaconCore
import CLibXML2
import Foundation

/// `curriculum.xsd`, parsed once per load and shared by the threads that validate files.
///
/// `@unchecked Sendable` is safe here: libxml2 only reads a parsed schema while validating
/// (each thread has its own validation context), and the schema is freed once, in deinit,
/// after every validation that used it has returned.
final class CompiledSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr
    let path: String

    /// Parses the schema, or returns the diagnostic that explains why it could not be.
    static func load(_ path: String) -> Result<CompiledSchema, SchemaProblem> {
        _ = LibXML.ready
        let collector = ErrorCollector()
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            return .failure(SchemaProblem(message: "cannot open \(path)"))
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, collectError, Unmanaged.passUnretained(collector).toOpaque())
        let schema = withExtendedLifetime(collector) { xmlSchemaParse(parser) }
        guard let schema else {
            let reason = collector.errors.first?.message ?? "unknown error"
            return .failure(SchemaProblem(message: "the schema \(path) could not be read: \(reason)"))
        }
        return .success(CompiledSchema(pointer: schema, path: path))
    }

    private init(pointer: xmlSchemaPtr, path: String) {
        self.pointer = pointer
        self.path = path
    }

    deinit { xmlSchemaFree(pointer) }

    /// Every schema error in the document, each at the element it is about.
    func validate(_ document: CurriculumDocument) -> [Diagnostic] {
        let collector = ErrorCollector()
        guard let validator = xmlSchemaNewValidCtxt(pointer) else {
            return [SchemaProblem(message: "out of memory").diagnostic]
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, collectError, Unmanaged.passUnretained(collector).toOpaque())
        withExtendedLifetime(collector) { _ = xmlSchemaValidateDoc(validator, document.pointer) }
        return collector.errors.map { error in
            let location: SourceLocation
            if let node = error.node {
                location = document.location(of: XMLNode(pointer: node), attribute: SchemaMessage.attributeName(in: error.message))
            } else {
                location = SourceLocation(file: document.file.path, line: max(error.line, 1))
            }
            return SchemaMessage.diagnostic(for: error.message, at: location)
        }
    }
}

/// Why the schema itself could not be used.
struct SchemaProblem: Error {
    var message: String

    var diagnostic: Diagnostic {
        Diagnostic(
            .error, "B013", message,
            help: "reinstall Beacon, or set BEACON_SCHEMA to the path of curricula/schema/curriculum.xsd",
            at: nil
        )
    }
}

/// Errors libxml2 hands to the structured-error callback, copied out of its buffers at once.
private final class ErrorCollector {
    struct Entry {
        var message: String
        var line: Int
        var node: xmlNodePtr?
    }

    var errors: [Entry] = []
}

private let collectError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "schema error"
    var node: xmlNodePtr?
    if let raw = error.pointee.node {
        let candidate = raw.assumingMemoryBound(to: xmlNode.self)
        // Only elements and attributes carry usable positions; others are reported by line.
        if candidate.pointee.type == XML_ELEMENT_NODE {
            node = candidate
        } else if candidate.pointee.type == XML_ATTRIBUTE_NODE {
            node = candidate.pointee.parent
        }
    }
    collector.errors.append(.init(message: message.trimmingWhitespace(), line: Int(error.pointee.line), node: node))
}
