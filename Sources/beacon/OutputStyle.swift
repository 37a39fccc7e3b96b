import Foundation

/// What the command's output stream can show.
enum OutputStyle {
    /// Colour only when writing to a terminal and the user has not asked for none
    /// (NO_COLOR, TERM=dumb); pipes and files always get plain text.
    static var wantsColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
