import BeaconCore
import CLibXML2

/// One parsed curriculum file. Owns the libxml2 document; nodes borrowed from it never
/// outlive it, and everything kept is copied out into BeaconCore values.
final class CurriculumDocument {
    let pointer: xmlDocPtr
    let file: SourceFile

    init(pointer: xmlDocPtr, file: SourceFile) {
        self.pointer = pointer
        self.file = file
    }

    deinit { xmlFreeDoc(pointer) }

    var root: XMLNode? { xmlDocGetRootElement(pointer).map(XMLNode.init) }

    /// Where an element (or one of its attributes) is, as a person would look for it.
    func location(of node: XMLNode, attribute: String? = nil, elementName: String? = nil) -> SourceLocation {
        file.location(line: node.line, element: elementName ?? node.name, attribute: attribute)
    }
}
