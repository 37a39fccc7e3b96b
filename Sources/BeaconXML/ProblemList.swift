import BeaconCore

/// Diagnostics gathered while walking a tree whose functions are otherwise non-mutating.
final class ProblemList {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ code: String, _ message: String, help: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, code, message, help: help, at: location))
    }

    func warning(_ code: String, _ message: String, help: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, code, message, help: help, at: location))
    }
}
