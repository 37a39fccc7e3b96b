/// One problem found in a curriculum: what is wrong, where, and how to fix it.
///
/// Printed as `path:line:col: error[B024]: message` followed by `  help: …`.
/// Every code is explained in docs/diagnostics.md.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable code such as `B024`, so that people can look it up and scripts can filter on it.
    public var code: String
    public var message: String
    /// One sentence that says how to fix the problem.
    public var help: String?
    /// Where the problem is; nil only when there is no file at all to point at.
    public var location: SourceLocation?

    public init(
        _ severity: Severity,
        _ code: String,
        _ message: String,
        help: String? = nil,
        at location: SourceLocation?
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.help = help
        self.location = location
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue)[\(code)]: \(message)"
        if let help { text += "\n  help: \(help)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error (warnings alone leave a curriculum usable).
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted for reading: by file, then line, then column, errors before warnings on a tie.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la?.file != lb?.file { return (la?.file ?? "") < (lb?.file ?? "") }
            if la?.line != lb?.line { return (la?.line ?? 0) < (lb?.line ?? 0) }
            if la?.column != lb?.column { return (la?.column ?? 0) < (lb?.column ?? 0) }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}
