import Foundation

/// A CSV table written the RFC 4180 way, with cells that a spreadsheet would run as formulas
/// (`=`, `+`, `-`, `@`, tab, carriage return at the start) defused by a leading apostrophe.
///
/// Exports hold text trainees and trainers typed; opened in a spreadsheet, `=cmd|' /C calc'!A0`
/// would otherwise execute. Numbers are written by the caller as plain digits and never need it.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[Cell]] = []

    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case integer(Int)
        /// A figure rounded to this many decimals (an empty cell when it is nil or not finite).
        case decimal(Double?, places: Int)
        case empty
    }

    public init(header: [String]) {
        self.header = header
    }

    public mutating func append(_ row: [Cell]) {
        rows.append(row)
    }

    public var text: String {
        var out = header.map { Self.quote(Self.defuse($0)) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map(Self.render).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): quote(defuse(text))
        case .number(let value): value.isFinite ? plainDecimal(value) : ""
        case .integer(let value): String(value)
        case .decimal(let value, let places): ReportNumbers.rounded(value, places).map { String(format: "%.\(places)f", $0) } ?? ""
        case .empty: ""
        }
    }

    /// Prefixes text a spreadsheet would treat as a formula.
    public static func defuse(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + text : text
    }

    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
