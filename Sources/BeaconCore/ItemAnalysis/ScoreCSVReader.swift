private let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
private let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

/// The commonest cell, parsed without any bookkeeping: `-?digits[.digits]`, at most 15 digits,
/// then a comma or a line feed. Returns the value, the index after the terminator and whether it
/// was a comma; nil for anything else, which the general path then handles (or explains).
///
/// With at most 15 digits the mantissa is below 2^53 and the divisor at most 1e15, both exact, so
/// the one division is correctly rounded (Clinger's fast path).
@inline(__always)
private func plainMark(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (Double, Int, Bool)? {
    // Most marks are a single digit ("0", "1", "2"): one predictable branch instead of a digit loop.
    if start + 1 < end {
        let digit = bytes[start] &- UInt8(ascii: "0"), terminator = bytes[start + 1]
        if digit <= 9, terminator == comma || terminator == lineFeed {
            return (Double(Int(digit)), start + 2, terminator == comma)
        }
    }
    var i = start
    let negative = i < end && bytes[i] == UInt8(ascii: "-")
    if negative { i += 1 }
    var mantissa: UInt64 = 0
    let digitsStart = i
    while i < end {
        let digit = bytes[i] &- UInt8(ascii: "0")
        if digit > 9 { break }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        i += 1
    }
    var digits = i - digitsStart
    guard digits > 0, i < end else { return nil }
    var fractionDigits = 0
    if bytes[i] == UInt8(ascii: ".") {
        i += 1
        let fractionStart = i
        while i < end {
            let digit = bytes[i] &- UInt8(ascii: "0")
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            i += 1
        }
        fractionDigits = i - fractionStart
        digits += fractionDigits
        guard fractionDigits > 0, i < end else { return nil }
    }
    guard digits <= 15 else { return nil }
    let terminator = bytes[i]
    guard terminator == comma || terminator == lineFeed else { return nil }
    var value = Double(Int64(bitPattern: mantissa))  // < 2^53: a signed conversion is one instruction
    if fractionDigits > 0 { value /= exactPowerOfTen(fractionDigits) }
    return (negative ? -value : value, i + 1, terminator == comma)
}

/// A cursor over the bytes of a score CSV that keeps count of physical lines for error messages.
///
/// Header and `max` rows go through the general cell reader; attempt rows take a fast path that
/// parses each mark in place and falls back to the general reader only for quoted or bad cells.
struct ScoreCSVReader {
    enum Terminator { case comma, endOfRecord }

    /// A cell's text: a slice of the input when unquoted, an unescaped copy when quoted.
    enum CellText {
        case slice(Range<Int>)
        case owned([UInt8])
    }

    struct Cell {
        var text: CellText
        var line: Int
        var terminator: Terminator
    }

    let bytes: UnsafePointer<UInt8>
    let count: Int
    private(set) var position = 0
    private(set) var line = 1

    init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }  // UTF-8 BOM
    }

    mutating func readMatrix() throws(ScoreCSVError) -> ScoreMatrix {
        skipBlankLines()
        guard position < count else { throw .emptyFile }
        let header = try readRecord(questionIDs: [])
        let questionIDs = try Self.questionIDs(from: header, reader: self)
        let q = questionIDs.count
        skipBlankLines()
        guard position < count else { throw .noAttempts(line: line) }
        let maxMarks = try readMaxRow(questionIDs: questionIDs) ?? Array(repeating: 1, count: q)

        // Every record ends with a line feed, a lone CR or the end of input, so this bounds the
        // rows and the marks can be written straight into an array of that capacity.
        let rowBound = countLineEnds() + 1
        var attemptIDs: [String] = []
        attemptIDs.reserveCapacity(rowBound)
        var failure: ScoreCSVError?
        let marks = [Double](unsafeUninitializedCapacity: rowBound * q) { buffer, initialized in
            adviseHugePages(buffer.baseAddress!, byteCount: buffer.count * MemoryLayout<Double>.stride)
            do throws(ScoreCSVError) {
                try readRows(
                    into: buffer.baseAddress!,
                    maxMarks: maxMarks,
                    questionIDs: questionIDs,
                    attemptIDs: &attemptIDs
                )
            } catch {
                failure = error
            }
            initialized = attemptIDs.count * q
        }
        if let failure { throw failure }
        guard !attemptIDs.isEmpty else { throw .noAttempts(line: line) }
        return ScoreMatrix(attemptIDs: attemptIDs, questionIDs: questionIDs, maxMarks: maxMarks, marks: marks)
    }

    /// Reads the attempt rows, writing row i's marks at `marks[i * q ..< (i + 1) * q]`.
    private mutating func readRows(
        into marks: UnsafeMutablePointer<Double>,
        maxMarks: [Double],
        questionIDs: [String],
        attemptIDs: inout [String]
    ) throws(ScoreCSVError) {
        let q = questionIDs.count
        var next = marks
        while true {
            skipBlankLines()
            if position >= count { break }
            let rowLine = line
            let idCell = try readCell(column: 1, questionID: nil)
            guard idCell.terminator == .comma else { throw .ragged(line: rowLine, cells: 1, expected: q + 1) }
            let id = string(idCell.text)
            guard !id.isEmpty else {
                throw ScoreCSVError(
                    line: rowLine,
                    column: 1,
                    message: "the attempt id is empty",
                    help: "give every row an attempt id in its first cell"
                )
            }
            for j in 0..<q {
                let cellLine = line
                let value: Double, terminator: Terminator
                if let (mark, after, comma) = plainMark(bytes, from: position, to: count) {
                    position = after
                    if !comma { line += 1 }
                    (value, terminator) = (mark, comma ? .comma : .endOfRecord)
                } else if let fast = readPlainMark() {
                    (value, terminator) = fast
                } else {
                    (value, terminator) = try readMark(column: j + 2, questionID: questionIDs[j], what: "mark")
                }
                if value > maxMarks[j] {
                    throw ScoreCSVError(
                        line: cellLine,
                        column: j + 2,
                        questionID: questionIDs[j],
                        message: "mark \(format(value)) is above this question's maximum of \(format(maxMarks[j]))",
                        help:
                            "fix the mark, or raise the maximum in the `max` row (without one every question is worth 1)"
                    )
                }
                next.initialize(to: value)
                next += 1
                if (j < q - 1) != (terminator == .comma) {
                    let cells = j < q - 1 ? j + 2 : q + 1 + (try countRemainingCells())
                    throw .ragged(line: rowLine, cells: cells, expected: q + 1)
                }
            }
            attemptIDs.append(id)  // only once the row is complete, so the count says what is initialised
        }
    }

    // MARK: Header and max row

    /// More questions than any quiz has: the statistics' memory grows with attempts × questions.
    static let maxQuestions = 10_000

    private static func questionIDs(from header: [Cell], reader: Self) throws(ScoreCSVError) -> [String] {
        guard header.count <= maxQuestions + 1 else {
            throw ScoreCSVError(
                line: header[0].line,
                message: "the header has \(header.count - 1) question columns, more than the \(maxQuestions) Beacon analyses",
                help: "split the file, or check that this is a score table and not some other export"
            )
        }
        guard header.count >= 2 else {
            throw ScoreCSVError(
                line: header[0].line,
                message: "the header has no question columns",
                help:
                    "start the file with a header such as `attempt,Q1,Q2`: the attempt column, then one id per question"
            )
        }
        var ids: [String] = []
        var columnOfID: [String: Int] = [:]
        for (offset, cell) in header.dropFirst().enumerated() {
            let column = offset + 2
            let id = reader.string(cell.text)
            guard !id.isEmpty else {
                throw ScoreCSVError(
                    line: cell.line,
                    column: column,
                    message: "this question column has no id",
                    help: "write the question's id in the header cell"
                )
            }
            if let earlier = columnOfID[id] {
                throw ScoreCSVError(
                    line: cell.line,
                    column: column,
                    questionID: id,
                    message: "question id \"\(id)\" is already used by column \(earlier)",
                    help: "give every question column a unique id"
                )
            }
            columnOfID[id] = column
            ids.append(id)
        }
        return ids
    }

    /// Reads the optional `max` row; leaves the cursor untouched and returns nil when the next row is an attempt.
    private mutating func readMaxRow(questionIDs: [String]) throws(ScoreCSVError) -> [Double]? {
        let saved = (position, line)
        let first = try readCell(column: 1, questionID: nil)
        guard string(first.text).lowercased() == "max" else {
            (position, line) = saved
            return nil
        }
        let q = questionIDs.count
        guard first.terminator == .comma else { throw .ragged(line: first.line, cells: 1, expected: q + 1) }
        var maxMarks: [Double] = []
        for j in 0..<q {
            let cellLine = line
            let (value, terminator) = try readMark(column: j + 2, questionID: questionIDs[j], what: "maximum mark")
            guard value >= 0 else {
                throw ScoreCSVError(
                    line: cellLine,
                    column: j + 2,
                    questionID: questionIDs[j],
                    message: "the maximum mark \(format(value)) is negative",
                    help: "write the most marks the question can give, 0 or more"
                )
            }
            maxMarks.append(value)
            if (j < q - 1) != (terminator == .comma) {
                let cells = j < q - 1 ? j + 2 : q + 1 + (try countRemainingCells())
                throw .ragged(line: first.line, cells: cells, expected: q + 1)
            }
        }
        return maxMarks
    }

    // MARK: Cells

    /// The hot path: an unquoted, finite decimal followed by a comma or line end, parsed in place.
    /// Returns nil, with the cursor untouched, for anything else.
    @inline(__always)
    private mutating func readPlainMark() -> (Double, Terminator)? {
        let cellStart = position, cellLine = line
        skipSpaces()
        if position < count, bytes[position] != quote,
            let (value, end) = parseDecimal(bytes, from: position, to: count),
            value.isFinite
        {
            position = end
            skipSpaces()
            if let terminator = consumeTerminator() { return (value, terminator) }
        }
        (position, line) = (cellStart, cellLine)
        return nil
    }

    /// Reads one mark of any form (quoted, spaced), or explains why the cell is not one.
    private mutating func readMark(
        column: Int,
        questionID: String,
        what: String
    ) throws(ScoreCSVError) -> (Double, Terminator) {
        let cell = try readCell(column: column, questionID: questionID)
        let value = try number(in: cell, column: column, questionID: questionID, what: what)
        return (value, cell.terminator)
    }

    private func number(
        in cell: Cell,
        column: Int,
        questionID: String,
        what: String
    ) throws(ScoreCSVError) -> Double {
        let parsed: Double? = withBytes(of: cell.text) { pointer, range in
            var start = range.lowerBound, end = range.upperBound
            while start < end, pointer[start] == space || pointer[start] == tab { start += 1 }
            while end > start, pointer[end - 1] == space || pointer[end - 1] == tab { end -= 1 }
            guard let (value, stop) = parseDecimal(pointer, from: start, to: end), stop == end else { return nil }
            return value
        }
        let text = string(cell.text).trimmingSpaces
        guard let parsed else {
            if text.isEmpty {
                throw ScoreCSVError(
                    line: cell.line,
                    column: column,
                    questionID: questionID,
                    message: "the \(what) is missing",
                    help: what == "mark"
                        ? "write the mark, 0 if the attempt earned none" : "write the question's maximum mark"
                )
            }
            if ["nan", "inf", "infinity"].contains(String(text.lowercased().trimmingPrefix { $0 == "+" || $0 == "-" }))
            {
                throw .notFinite(line: cell.line, column: column, questionID: questionID)
            }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw ScoreCSVError(
                line: cell.line,
                column: column,
                questionID: questionID,
                message: "\"\(shown)\" is not a number",
                help: "write the \(what) as a decimal number such as 1 or 0.5 (a dot, not a comma, before decimals)"
            )
        }
        guard parsed.isFinite else { throw .notFinite(line: cell.line, column: column, questionID: questionID) }
        return parsed
    }

    private func withBytes<R>(
        of text: CellText,
        _ body: (UnsafePointer<UInt8>, Range<Int>) -> R
    ) -> R {
        switch text {
        case .slice(let range): return body(bytes, range)
        case .owned(let copy):
            return copy.withUnsafeBufferPointer { buffer in
                // An empty array may have no storage; any valid pointer serves for an empty range.
                guard let base = buffer.baseAddress else { return body(bytes, 0..<0) }
                return body(base, 0..<copy.count)
            }
        }
    }

    func string(_ text: CellText) -> String {
        switch text {
        case .slice(let range):
            String(decoding: UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count), as: UTF8.self)
        case .owned(let copy): String(decoding: copy, as: UTF8.self)
        }
    }

    /// Reads one cell and the comma or line end after it (RFC 4180 quoting).
    private mutating func readCell(column: Int, questionID: String?) throws(ScoreCSVError) -> Cell {
        let startLine = line
        skipSpaces()
        if position < count, bytes[position] == quote {
            position += 1
            var text: [UInt8] = []
            while true {
                guard position < count else {
                    throw ScoreCSVError(
                        line: startLine,
                        column: column,
                        questionID: questionID,
                        message: "this quoted cell has no closing quote",
                        help: "end the cell with \", and write a quote inside a quoted cell as \"\""
                    )
                }
                let byte = bytes[position]
                if byte == quote {
                    if position + 1 < count, bytes[position + 1] == quote {
                        text.append(quote)
                        position += 2
                        continue
                    }
                    position += 1
                    break
                }
                if byte == lineFeed
                    || (byte == carriageReturn && !(position + 1 < count && bytes[position + 1] == lineFeed))
                {
                    line += 1
                }
                text.append(byte)
                position += 1
            }
            skipSpaces()
            guard let terminator = consumeTerminator() else {
                throw ScoreCSVError(
                    line: line,
                    column: column,
                    questionID: questionID,
                    message: "there is text after the closing quote of this cell",
                    help: "put the whole cell inside the quotes, and write a quote inside it as \"\""
                )
            }
            return Cell(text: .owned(text), line: startLine, terminator: terminator)
        }
        let start = position
        while position < count {
            let byte = bytes[position]
            if byte == comma || byte == lineFeed || byte == carriageReturn { break }
            if byte == quote {
                throw ScoreCSVError(
                    line: line,
                    column: column,
                    questionID: questionID,
                    message: "there is a quote inside an unquoted cell",
                    help: "quote the whole cell and double the quote inside it, as in \"say \"\"hi\"\"\""
                )
            }
            position += 1
        }
        var stop = position
        while stop > start, bytes[stop - 1] == space || bytes[stop - 1] == tab { stop -= 1 }
        let terminator = consumeTerminator() ?? .endOfRecord  // always a terminator here
        return Cell(text: .slice(start..<stop), line: startLine, terminator: terminator)
    }

    private mutating func readRecord(questionIDs: [String]) throws(ScoreCSVError) -> [Cell] {
        var cells: [Cell] = []
        repeat {
            let column = cells.count + 1
            cells.append(
                try readCell(
                    column: column,
                    questionID: column >= 2 && column - 2 < questionIDs.count ? questionIDs[column - 2] : nil
                )
            )
        } while cells.last?.terminator == .comma
        return cells
    }

    /// After a row's last expected cell ended with a comma: how many more cells the row has.
    private mutating func countRemainingCells() throws(ScoreCSVError) -> Int {
        var extra = 0
        repeat {
            extra += 1
            let cell = try readCell(column: 0, questionID: nil)
            if cell.terminator == .endOfRecord { break }
        } while true
        return extra
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func skipSpaces() {
        while position < count, bytes[position] == space || bytes[position] == tab { position += 1 }
    }

    /// Consumes a comma or a line end (CRLF, LF or a lone CR); nil when the next byte is neither.
    @inline(__always)
    private mutating func consumeTerminator() -> Terminator? {
        guard position < count else { return .endOfRecord }
        switch bytes[position] {
        case comma:
            position += 1
            return .comma
        case lineFeed:
            position += 1
            line += 1
            return .endOfRecord
        case carriageReturn:
            position += 1
            if position < count, bytes[position] == lineFeed { position += 1 }
            line += 1
            return .endOfRecord
        default:
            return nil
        }
    }

    private mutating func skipBlankLines() {
        while position < count, bytes[position] == lineFeed || bytes[position] == carriageReturn {
            _ = consumeTerminator()
        }
    }

    /// How many line feeds and lone carriage returns are left: a bound on the records left.
    private func countLineEnds() -> Int {
        // Two plain counts vectorise; only files with carriage returns need the exact pass.
        var lineFeeds = 0, carriageReturns = 0
        for i in position..<count {
            lineFeeds &+= bytes[i] == lineFeed ? 1 : 0
            carriageReturns &+= bytes[i] == carriageReturn ? 1 : 0
        }
        guard carriageReturns > 0 else { return lineFeeds }
        var loneCarriageReturns = 0
        for i in position..<count where bytes[i] == carriageReturn && (i + 1 == count || bytes[i + 1] != lineFeed) {
            loneCarriageReturns += 1
        }
        return lineFeeds + loneCarriageReturns
    }
}

extension ScoreCSVError {
    static let emptyFile = ScoreCSVError(
        line: 1,
        message: "the file is empty",
        help: "start with a header row such as `attempt,Q1,Q2`, then one row of marks per attempt"
    )

    static func noAttempts(line: Int) -> ScoreCSVError {
        ScoreCSVError(
            line: line,
            message: "there are no attempt rows after the header",
            help: "add one row per attempt: its id, then one mark per question"
        )
    }

    static func ragged(line: Int, cells: Int, expected: Int) -> ScoreCSVError {
        ScoreCSVError(
            line: line,
            message: "this row has \(cells) cell\(cells == 1 ? "" : "s") but the header has \(expected)",
            help: "give every row the attempt id and one mark per question; quote any cell that contains a comma"
        )
    }

    static func notFinite(line: Int, column: Int, questionID: String) -> ScoreCSVError {
        ScoreCSVError(
            line: line,
            column: column,
            questionID: questionID,
            message: "NaN and infinite values are not marks",
            help: "write a finite decimal number such as 1 or 0.5"
        )
    }
}

/// Shows whole numbers without ".0" in messages.
private func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
