import BeaconCore
import CLibXML2
import Foundation

/// Limits that keep a hostile or broken file from exhausting time or memory.
public struct LoadLimits: Sendable {
    /// Largest single file read, in bytes.
    public var maxFileBytes = 32 << 20
    /// Largest total across a course and its includes.
    public var maxTotalBytes = 256 << 20
    /// Most includes in one course.
    public var maxIncludes = 2_000

    public init() {}
}

/// Reads curriculum files and checks the includes of a course, refusing anything unsafe, and
/// reports every problem as a diagnostic instead of throwing.
struct DocumentReader {
    let limits: LoadLimits
    private(set) var diagnostics: [Diagnostic] = []
    private var totalBytes = 0

    init(limits: LoadLimits) {
        self.limits = limits
        _ = LibXML.ready
    }

    /// Reads and parses one file; nil (with diagnostics) when it cannot be used at all.
    mutating func open(path: String, includedFrom: SourceLocation? = nil) -> CurriculumDocument? {
        guard let file = read(path: path, includedFrom: includedFrom), let pointer = parse(file) else { return nil }
        return CurriculumDocument(pointer: pointer, file: file)
    }

    // MARK: Reading

    mutating func read(path: String, includedFrom: SourceLocation?) -> SourceFile? {
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

    /// libxml2 checks each attribute against the element's others, so a tag with tens of
    /// thousands of attributes takes minutes to parse. No curriculum element has more than a
    /// dozen; a tag with more than this many `=` outside quotes is refused before parsing.
    static let maxAttributesPerTag = 1_000

    /// The line of the first tag with too many attributes, found in one pass over the bytes.
    static func lineOfOverfullTag(_ bytes: [UInt8]) -> Int? {
        var line = 1, tagLine = 1, inTag = false, quote: UInt8 = 0, equals = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if inTag {
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x3D {
                    equals += 1
                    if equals > maxAttributesPerTag { return tagLine }
                } else if byte == 0x3E {
                    inTag = false
                }
            } else if byte == 0x3C, index + 1 < bytes.count, bytes[index + 1] != 0x21, bytes[index + 1] != 0x3F {
                // `<` opening an element (not a comment, CDATA, DOCTYPE or processing instruction).
                inTag = true
                equals = 0
                tagLine = line
            }
            index += 1
        }
        return nil
    }

    private mutating func parse(_ file: SourceFile) -> xmlDocPtr? {
        if let line = Self.lineOfOverfullTag(file.bytes) {
            fail(
                "B010", "an element has more than \(Self.maxAttributesPerTag) attributes",
                help: "no curriculum element has more than a dozen; check that this is a curriculum file",
                at: SourceLocation(file: file.path, line: line)
            )
            return nil
        }
        guard let context = xmlNewParserCtxt() else {
            fail("B004", "out of memory starting the XML parser", help: "try again", at: SourceLocation(file: file.path, line: 1))
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
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
        if lowered.contains("xmlparseentityref: no name") || lowered.contains("entityref: expecting ';'") {
            let column = file.ampersand(line: location.line, before: location.column) ?? location.column
            let at = SourceLocation(file: file.path, line: location.line, column: column)
            fail("B004", "a stray & in the text", help: "write &amp; for an ampersand in text (or &lt; for <)", at: at)
        } else if lowered.contains("excessive depth") || lowered.contains("depth") && lowered.contains("exceeds") {
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

    /// A module file a course includes, checked and ready to be read.
    struct Include {
        var href: String
        /// The path to read, as shown to the user.
        var path: String
        /// Where the xi:include stands in the course file.
        var location: SourceLocation
        /// The xi:include element, which the course mapper replaces with the module.
        var element: xmlNodePtr
    }

    /// The course's includes, each checked: only in place of a module, a relative path that stays
    /// inside the course folder (links included), an existing file, within the limits.
    /// Refused ones are reported and left out.
    mutating func includes(of course: CurriculumDocument) -> [Include] {
        guard let root = course.root, let courseRoot = realPath(directory(of: course.file.path)) else { return [] }
        var accepted: [Include] = []
        for child in root.elements where child.isInclude {
            let here = course.location(of: child, elementName: "xi:include")
            if let include = check(child, in: course.file, here: here, courseRoot: courseRoot, count: accepted.count) {
                accepted.append(include)
            }
        }
        // Includes anywhere else would splice arbitrary content into the course: refuse them.
        for misplaced in Self.nestedIncludes(below: root) {
            fail(
                "B006",
                "xi:include is only allowed in the course file, in place of a <module>",
                help: "include whole module files from course.xml; put other content in the module itself",
                at: course.location(of: misplaced, elementName: "xi:include")
            )
        }
        return accepted
    }

    /// xi:include elements that are not direct children of `root`.
    static func nestedIncludes(below root: XMLNode) -> [XMLNode] {
        var found: [XMLNode] = []
        func walk(_ element: XMLNode, depth: Int) {
            var child = element.pointer.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE {
                    let element = XMLNode(pointer: node)
                    if element.isInclude {
                        if depth > 0 { found.append(element) }
                    } else {
                        walk(element, depth: depth + 1)
                    }
                }
                child = node.pointee.next
            }
        }
        walk(root, depth: 0)
        return found
    }

    private mutating func check(_ include: XMLNode, in file: SourceFile, here: SourceLocation, courseRoot: String, count: Int) -> Include? {
        guard let href = include.attribute("href"), !href.isEmpty else {
            fail("B006", "xi:include has no href", help: "write <xi:include href=\"modules/name.xml\"/>", at: here)
            return nil
        }
        if let parse = include.attribute("parse"), parse != "xml" {
            fail("B006", "xi:include parse=\"\(parse)\" is not supported", help: "include whole module files only (leave parse out)", at: here)
            return nil
        }
        if include.attribute("xpointer") != nil {
            fail("B006", "xi:include with xpointer is not supported", help: "put the module in its own file and include that", at: here)
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
        guard count < limits.maxIncludes else {
            fail("B006", "more than \(limits.maxIncludes) includes", help: "a course needs far fewer; check for runaway includes", at: here)
            return nil
        }
        let path = normalize(directory(of: file.path) + "/" + href)
        // Refuse by the path as written first, so "../../etc/passwd" is refused whether or not it exists.
        let written = normalize(courseRoot + "/" + href)
        guard written.hasPrefix(courseRoot + "/") else {
            fail(
                "B006",
                "xi:include href=\"\(href)\" is refused: it points outside the course folder",
                help: "keep every included file inside \(directory(of: file.path)) and give a relative path such as modules/name.xml",
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
                help: "keep every included file inside \(directory(of: file.path)) (links out of it are refused too)",
                at: here
            )
            return nil
        }
        guard real != realPath(file.path) else {
            fail("B006", "xi:include href=\"\(href)\" includes the course itself", help: "include module files only", at: here)
            return nil
        }
        return Include(href: href, path: path, location: here, element: include.pointer)
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
