import CLibXML2

/// The one place that configures libxml2 for the whole process.
enum LibXML {
    /// Runs once, on first use: libxml2 asks multi-threaded programs to initialise it before any
    /// other call, and the entity loader below must be in place before the first parse.
    static let ready: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refuseExternalResources)
    }()

    /// Options for every curriculum parse. Deliberately absent: NOENT (entity substitution),
    /// DTDLOAD/DTDATTR (external DTDs), XINCLUDE (we resolve includes ourselves, confined to the
    /// course folder) and HUGE (keeps libxml2's depth and size limits on).
    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
    )
}

/// libxml2 may want to fetch external entities, DTDs or schema imports. Curricula need none of
/// that, so only local XML Schema files (ours, and the xml.xsd they import) are let through.
private let refuseExternalResources: xmlExternalEntityLoader = { url, id, context in
    guard let url else { return nil }
    let path = String(cString: url)
    let isLocal = !path.contains("://") || path.hasPrefix("file://")
    guard isLocal, path.hasSuffix(".xsd") else {
        return nil
    }
    return xmlNoNetExternalEntityLoader(url, id, context)
}

/// The last error libxml2 recorded on a parser context, copied out into Swift values.
struct LibXMLError {
    var code: Int32
    var message: String
    var line: Int
    var column: Int

    init(_ error: UnsafePointer<xmlError>) {
        code = error.pointee.code
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        message = raw.trimmingWhitespace()
        line = Int(error.pointee.line)
        column = Int(error.pointee.int2)
    }
}

extension String {
    /// XML's white space is exactly these four bytes; working on UTF-8 bytes instead of
    /// Characters keeps mapping a 10,000-question course fast (this ran hot in profiles).
    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !Self.isXMLSpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !Self.isXMLSpace($0) })!
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }

    /// Runs of white space folded into one space, as XML text is read (ends are kept as one space).
    func collapsingWhitespace() -> String {
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if Self.isXMLSpace(byte) {
                pendingSpace = true
            } else {
                if pendingSpace, !result.isEmpty { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        if pendingSpace, !result.isEmpty { result.append(0x20) }
        return String(decoding: result, as: UTF8.self)
    }
}
