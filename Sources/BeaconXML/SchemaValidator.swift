import BeaconCore
import CLibXML2
import Foundation

/// Validates a curriculum document against `curriculum.xsd`, collecting every error with the
/// file and line of the element it is about.
struct SchemaValidator {
    let schemaPath: String

    func validate(_ document: CurriculumDocument) -> [Diagnostic] {
        _ = LibXML.ready
        let collector = ErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        guard let parser = xmlSchemaNewParserCtxt(schemaPath) else {
            return [schemaMissing("cannot open \(schemaPath)")]
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, collectError, context)
        guard let schema = xmlSchemaParse(parser) else {
            let reason = collector.errors.first?.message ?? "unknown error"
            return [schemaMissing("the schema \(schemaPath) could not be read: \(reason)")]
        }
        defer { xmlSchemaFree(schema) }
        collector.errors.removeAll()
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return [schemaMissing("out of memory")] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, collectError, context)
        _ = xmlSchemaValidateDoc(validator, document.pointer)
        return withExtendedLifetime(collector) {
            collector.errors.map { error in
                let location: SourceLocation
                if let node = error.node {
                    let xmlNode = XMLNode(pointer: node)
                    location = document.location(of: xmlNode, attribute: SchemaMessage.attributeName(in: error.message))
                } else {
                    location = SourceLocation(file: document.mainFile.path, line: max(error.line, 1))
                }
                return SchemaMessage.diagnostic(for: error.message, at: location)
            }
        }
    }

    private func schemaMissing(_ message: String) -> Diagnostic {
        Diagnostic(
            .error,
            "B013",
            message,
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
