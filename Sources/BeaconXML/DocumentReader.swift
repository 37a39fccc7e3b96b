import BeaconCore
import CLibXML2
import Foundation

/// Limits that keep a hostile or broken file from exhausting time or memory.
public struct LoadLimits: Sendable {
    /// Largest single file read, in bytes.
    public var maxFileBytes = 32 << 20
    /// Largest total across a course and its includes.
    public var maxTotalBytes = 256 << 20
    /// Deepest chain of includes (a course including a module including …).
    public var maxIncludeDepth = 8
    /// Most includes in one course.
    public var maxIncludes = 2_000

    public init() {}
}

/// Reads a curriculum file and the files it includes, refusing anything unsafe, and reports
/// every problem as a diagnostic instead of throwing.
struct DocumentReader {
    let limits: LoadLimits
    private(set) var diagnostics: [Diagnostic] = []
    private var totalBytes = 0
    private var includeCount = 0

    init(limits: LoadLimits) {
        self.limits = limits
        _ = LibXML.ready
    }

    /// Parses `path` and resolves its includes; nil when the file cannot be used at all.
    mutating func load(path: String) -> CurriculumDocument? {
        guard let file = read(path: path, includedFrom: nil), let pointer = parse(file) else { return nil }
        let document = CurriculumDocument(pointer: pointer, mainFile: file)
        guard let realRoot = realPath(directory(of: path)) else { return nil }
        if let root = document.root {
            resolveIncludes(under: root, in: document, file: file, courseRoot: realRoot, chain: [realPath(path) ?? path])
        }
        return document
    }

    // MARK: Reading

    private mutating func read(path: String, includedFrom: SourceLocation?) -> SourceFile? {
        let here = includedFrom ?? SourceLocation(file: path, line: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            fail("B001", "\(path): no such file", help: "check the path; curricula are .xml files", at: here)
            return nil
        }
        guard !isDirectory.boolValue else {
            fail("B001", "\(path) is a folder, not a file", help: "name the course's .xml file, or lint the folder itself", at: here)
            return nil
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            fail("B001", "\(path) is not a regular file", help: "name an .xml file; devices, pipes and sockets are refused", at: here)
            return nil
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.maxFileBytes else {
            fail(
                "B003",
                "\(path) is \(size >> 20) MiB, over the \(limits.maxFileBytes >> 20) MiB limit for one curriculum file",
                help: "split the course into modules joined with xi:include",
                at: here
            )
            return nil
        }
        totalBytes += size
        guard totalBytes <= limits.maxTotalBytes else {
            fail(
                "B003",
                "the course and its includes add up to more than \(limits.maxTotalBytes >> 20) MiB",
                help: "a curriculum this large is almost certainly a mistake; check the includes",
                at: here
            )
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            fail("B001", "\(path) cannot be read (permission denied?)", help: "check the file's permissions", at: here)
            return nil
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: the file may have grown since it was measured.
        let data = (try? handle.read(upToCount: limits.maxFileBytes + 1)) ?? Data()
        guard data.count <= limits.maxFileBytes else {
            fail("B003", "\(path) grew past the size limit while being read", help: "try again", at: here)
            return nil
        }
        return SourceFile(path: path, bytes: [UInt8](data))
    }

    /// Parses one file. Included files share the course document's name dictionary, so their
    /// elements can be moved into it rather than copied (copying and freeing them was a third
    /// of the time in profiles).
    private mutating func parse(_ file: SourceFile, sharing dictionary: xmlDictPtr? = nil) -> xmlDocPtr? {
        guard let context = xmlNewParserCtxt() else {
            fail("B004", "out of memory starting the XML parser", help: "try again", at: SourceLocation(file: file.path, line: 1))
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
        if let dictionary {
            xmlDictFree(context.pointee.dict)
            context.pointee.dict = dictionary
            xmlDictReference(dictionary)
        }
        let document = file.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), file.path, nil, LibXML.parseOptions)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            let error = xmlCtxtGetLastError(context).map { LibXMLError(UnsafePointer($0)) }
            reportParseError(error, in: file)
            return nil
        }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            fail(
                "B005",
                "a <!DOCTYPE> declaration is not allowed in a curriculum",
                help: "remove the DOCTYPE and any entities it declares; write the text out instead (&amp; &lt; &gt; &quot; &apos; still work)",
                at: SourceLocation(file: file.path, line: 1)
            )
            return nil
        }
        return document
    }

    private mutating func reportParseError(_ error: LibXMLError?, in file: SourceFile) {
        guard let error else {
            fail("B004", "the file is not well-formed XML", help: "open it in an XML editor to find the problem", at: SourceLocation(file: file.path, line: 1))
            return
        }
        let location = SourceLocation(file: file.path, line: max(error.line, 1), column: max(error.column, 1))
        let message = error.message
        let lowered = message.lowercased()
        if lowered.contains("excessive depth") || lowered.contains("depth") && lowered.contains("exceeds") {
            fail("B008", "elements are nested too deeply (\(message))", help: "a curriculum never needs more than a few dozen levels; look for unclosed elements", at: location)
        } else if lowered.contains("entity") {
            fail(
                "B005",
                "entity problem: \(message)",
                help: "curricula may use only the five built-in entities (&amp; &lt; &gt; &quot; &apos;) and no DOCTYPE",
                at: location
            )
        } else if lowered.contains("utf-8") || lowered.contains("encoding") || lowered.contains("char 0x") || lowered.contains("invalid char") {
            fail("B009", "the text is not valid UTF-8 (or its declared encoding): \(message)", help: "save the file as UTF-8 in your editor", at: location)
        } else {
            fail("B004", "malformed XML: \(message)", help: "fix the XML at this spot; an XML-aware editor shows the problem as you type", at: location)
        }
    }

    // MARK: Includes

    /// Replaces each `xi:include` with the root element of the file it names, after checking
    /// that the file stays inside the course folder; nested includes are resolved the same way.
    private mutating func resolveIncludes(
        under element: XMLNode,
        in document: CurriculumDocument,
        file: SourceFile,
        courseRoot: String,
        chain: [String]
    ) {
        // Collect first: replacing nodes while walking the sibling list would lose our place.
        var includes: [XMLNode] = []
        collectIncludes(below: element, into: &includes)
        for child in includes {
            let here = file.location(line: child.line, element: "xi:include")
            guard let root = loadInclude(child, file: file, here: here, courseRoot: courseRoot, chain: chain, into: document) else {
                // Drop the include so that schema validation does not repeat what was said.
                xmlUnlinkNode(child.pointer)
                xmlFreeNode(child.pointer)
                continue
            }
            xmlReplaceNode(child.pointer, root.pointer)
            xmlFreeNode(child.pointer)
        }
    }

    /// Every xi:include below `element`, not looking inside an include (its fallback is unused).
    private func collectIncludes(below element: XMLNode, into includes: inout [XMLNode]) {
        var child = element.pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE {
                let element = XMLNode(pointer: node)
                if element.hasName("include"), element.namespaceURI == xincludeNamespace {
                    includes.append(element)
                } else {
                    collectIncludes(below: element, into: &includes)
                }
            }
            child = node.pointee.next
        }
    }

    private mutating func loadInclude(
        _ include: XMLNode,
        file: SourceFile,
        here: SourceLocation,
        courseRoot: String,
        chain: [String],
        into document: CurriculumDocument
    ) -> XMLNode? {
        guard let href = include.attribute("href"), !href.isEmpty else {
            fail("B006", "xi:include has no href", help: "write <xi:include href=\"modules/name.xml\"/>", at: here)
            return nil
        }
        if let parse = include.attribute("parse"), parse != "xml" {
            fail("B006", "xi:include parse=\"\(parse)\" is not supported", help: "include whole XML files only (leave parse out)", at: here)
            return nil
        }
        if include.attribute("xpointer") != nil {
            fail("B006", "xi:include with xpointer is not supported", help: "put the part you need in its own file and include that", at: here)
            return nil
        }
        if href.hasPrefix("/") || href.contains("://") || href.hasPrefix("file:") {
            fail(
                "B006",
                "xi:include href=\"\(href)\" is refused: includes must be relative paths inside the course folder",
                help: "move the file into the course folder and give a relative path such as modules/name.xml",
                at: here
            )
            return nil
        }
        guard includeCount < limits.maxIncludes else {
            fail("B006", "more than \(limits.maxIncludes) includes", help: "a course needs far fewer; check for runaway includes", at: here)
            return nil
        }
        includeCount += 1
        let path = normalize(directory(of: file.path) + "/" + href)
        // Refuse by the path as written first, so "../../etc/passwd" is refused whether or not it exists.
        let written = normalize((realPath(directory(of: file.path)) ?? directory(of: file.path)) + "/" + href)
        guard written.hasPrefix(courseRoot + "/") else {
            fail(
                "B006",
                "xi:include href=\"\(href)\" is refused: it points outside the course folder",
                help: "keep every included file inside \(directory(of: document.mainFile.path)) and give a relative path such as modules/name.xml",
                at: here
            )
            return nil
        }
        guard let real = realPath(path) else {
            fail("B001", "included file \(path) does not exist", help: "check href=\"\(href)\"; it is relative to \(file.path)", at: here)
            return nil
        }
        // Then by where it really is, so a link inside the folder cannot lead out of it.
        guard real.hasPrefix(courseRoot + "/") else {
            fail(
                "B006",
                "xi:include href=\"\(href)\" is refused: it resolves outside the course folder",
                help: "keep every included file inside \(directory(of: document.mainFile.path)) (links out of it are refused too)",
                at: here
            )
            return nil
        }
        guard !chain.contains(real) else {
            fail("B006", "xi:include href=\"\(href)\" includes itself (loop: \((chain + [real]).map(lastComponent).joined(separator: " → ")))", help: "remove the include that closes the loop", at: here)
            return nil
        }
        guard chain.count <= limits.maxIncludeDepth else {
            fail("B006", "includes are nested more than \(limits.maxIncludeDepth) deep", help: "include modules from the course file directly", at: here)
            return nil
        }
        guard let included = read(path: path, includedFrom: here),
            let pointer = parse(included, sharing: document.pointer.pointee.dict)
        else { return nil }
        defer { xmlFreeDoc(pointer) }
        guard let copy = xmlDocGetRootElement(pointer) else {
            fail("B004", "\(path) has no root element", help: "an included file holds one <module>", at: here)
            return nil
        }
        // Move the subtree into the course document; with one shared dictionary nothing is copied.
        xmlUnlinkNode(copy)
        xmlSetTreeDoc(copy, document.pointer)
        // xml:base records where the content came from, as XInclude processors do.
        href.withXMLChars { xmlNodeSetBase(copy, $0) }
        document.recordInclude(root: copy, from: included)
        let node = XMLNode(pointer: copy)
        resolveIncludes(under: node, in: document, file: included, courseRoot: courseRoot, chain: chain + [real])
        return node
    }
}

let xincludeNamespace = "http://www.w3.org/2001/XInclude"

extension DocumentReader {
    fileprivate mutating func fail(_ code: String, _ message: String, help: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, code, message, help: help, at: location))
    }
}

func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

func lastComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// `a/./b/../c` → `a/c`, keeping a leading `..` that cannot be folded.
func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == "..", let last = parts.last, last != ".." {
            parts.removeLast()
        } else {
            parts.append(part)
        }
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
}

/// The canonical absolute path with links resolved, or nil when it does not exist.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
