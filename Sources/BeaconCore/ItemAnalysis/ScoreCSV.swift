/// Reads a matrix of marks from CSV.
///
/// The format, one attempt per row:
///
/// ```
/// attempt,Q1,Q2,Q3
/// max,1,1,2
/// A1,1,0,1.5
/// A2,0,1,2
/// ```
///
/// * The header's first cell names the attempt column (any text); the others are question ids,
///   which must be unique and non-empty.
/// * An optional row right after the header whose first cell is `max` (any case) gives each
///   question's maximum mark; without it every question is worth 1.
/// * Then one row per attempt: its id, then one mark per question as a decimal number
///   (`1`, `0.5`, `-0.25`, `2e-1`), finite and at most the question's maximum. Negative marks are
///   allowed (negative marking).
///
/// RFC 4180 quoting (`"a,b"`, `"say ""hi"""`, line breaks inside quotes), CRLF or LF line ends, a
/// UTF-8 byte order mark and blank lines are accepted. Spaces and tabs around unquoted cells are
/// ignored.
public enum ScoreCSV {
    /// Parses CSV bytes, for example a file's contents.
    ///
    /// - Throws: ``ScoreCSVError`` naming the line and column of the first problem.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ScoreCSVError) -> ScoreMatrix {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ScoreCSVError) in try parse(buffer: buffer) }
        }
        if let result { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(ScoreCSVError) in try parse(buffer: buffer) }
        }.get()
    }

    /// Parses CSV text.
    ///
    /// - Throws: ``ScoreCSVError`` naming the line and column of the first problem.
    public static func parse(_ text: String) throws(ScoreCSVError) -> ScoreMatrix {
        var text = text
        text.makeContiguousUTF8()
        return try parse(text.utf8)
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(ScoreCSVError) -> ScoreMatrix {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { throw .emptyFile }
        // Ids and names are shown and exported as text: bytes that are not UTF-8 are refused
        // with where they are, rather than turned into replacement characters.
        if String(validating: buffer, as: UTF8.self) == nil {
            throw ScoreCSVError(line: lineOfInvalidUTF8(buffer), message: "the file is not UTF-8 text", help: "save the file as UTF-8 (CSV UTF-8 in spreadsheet programs)")
        }
        var reader = ScoreCSVReader(bytes: base, count: buffer.count)
        return try reader.readMatrix()
    }
}

/// The 1-based line of the first byte sequence that is not UTF-8.
private func lineOfInvalidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    var iterator = buffer.makeIterator()
    var decoder = UTF8()
    var line = 1
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
        case .emptyInput, .error: return line
        }
    }
}
