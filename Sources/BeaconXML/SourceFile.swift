import BeaconCore
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A curriculum file's bytes with the offsets of its lines, so that a line number from libxml2
/// can become a line and column pointing at the element or attribute itself.
final class SourceFile {
    /// The path as shown to the user.
    let path: String
    let bytes: [UInt8]
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
        return starts
    }()

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The location of `<name` (or of `attribute=` when given) at or just after `line`.
    func location(line: Int, element name: String?, attribute: String? = nil) -> SourceLocation {
        guard line >= 1, line <= lineStarts.count else { return SourceLocation(file: path, line: max(line, 1)) }
        // Elements with many attributes can spread over a few lines; look a little further down.
        for candidate in line..<min(line + 6, lineStarts.count + 1) {
            let lineBytes = self.line(candidate)
            // Searching a huge line once per message turns many messages quadratic (50,000
            // attributes on one line took minutes); such a line gets no column.
            guard lineBytes.count <= 1 << 16 else { break }
            let needle: [UInt8]
            if let attribute {
                needle = Array(" \(attribute)=".utf8)
            } else if let name {
                needle = Array("<\(name)".utf8)
            } else {
                break
            }
            if let offset = lineBytes.firstRange(of: needle)?.lowerBound {
                let skip = attribute == nil ? 0 : 1
                let column = String(decoding: lineBytes[..<(offset + skip)], as: UTF8.self).count + 1
                return SourceLocation(file: path, line: candidate, column: column)
            }
            if attribute == nil { break }
        }
        return SourceLocation(file: path, line: line, column: 1)
    }

    /// The column of the last `&` before `column` on `line`: libxml2 reports a bad entity
    /// reference where it gave up, after the name that follows the ampersand.
    func ampersand(line: Int, before column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let text = Array(String(decoding: self.line(line), as: UTF8.self))
        let end = min(max(column - 1, 0), text.count)
        return text[..<end].lastIndex(of: "&").map { $0 + 1 }
    }

    private func line(_ number: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<max(start, end)]
    }
}

extension ArraySlice where Element == UInt8 {
    func firstRange(of needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, count >= needle.count else { return nil }
        var index = startIndex
        while index <= endIndex - needle.count {
            if self[index] == needle[0], self[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }
}
