import BeaconCore
import CLibXML2

/// A parsed curriculum with its includes already put in place. Owns the libxml2 document and
/// remembers which file each included subtree came from, so diagnostics name the right file.
final class CurriculumDocument {
    let pointer: xmlDocPtr
    /// The top file (course or module) the user named.
    let mainFile: SourceFile
    /// Root elements copied in from included files, with the file each came from.
    private(set) var includedRoots: [xmlNodePtr: SourceFile] = [:]
    private(set) var files: [SourceFile]

    init(pointer: xmlDocPtr, mainFile: SourceFile) {
        self.pointer = pointer
        self.mainFile = mainFile
        files = [mainFile]
    }

    deinit { xmlFreeDoc(pointer) }

    var root: XMLNode? { xmlDocGetRootElement(pointer).map(XMLNode.init) }

    func recordInclude(root: xmlNodePtr, from file: SourceFile) {
        includedRoots[root] = file
        files.append(file)
    }

    /// The file a node was written in: the nearest included root above it, else the main file.
    func file(of node: xmlNodePtr) -> SourceFile {
        var cursor: xmlNodePtr? = node
        while let current = cursor {
            if let file = includedRoots[current] { return file }
            cursor = current.pointee.parent
        }
        return mainFile
    }

    /// Where an element (or one of its attributes) is, as a person would look for it.
    func location(of node: XMLNode, attribute: String? = nil) -> SourceLocation {
        file(of: node.pointer).location(line: node.line, element: node.name, attribute: attribute)
    }
}
