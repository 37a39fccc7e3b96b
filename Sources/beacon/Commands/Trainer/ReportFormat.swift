import ArgumentParser
import Foundation

/// The ways every report can be written: text for reading, JSON for scripts, CSV for
/// spreadsheets, a page with charts; to standard output or, with -o, a private file.
struct ReportFormat: ParsableArguments {
    @Flag(help: "Print JSON for scripts.")
    var json = false

    @Flag(help: "Print CSV for spreadsheets: one unit per column, figures rounded (cells that could run as formulas are defused).")
    var csv = false

    @Flag(help: "Write a self-contained HTML page with charts (no script, nothing fetched), best with -o FILE.html.")
    var html = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (created readable by you alone) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard [json, csv, html].filter({ $0 }).count <= 1 else { throw ValidationError("choose one of --json, --csv and --html") }
    }

    /// Builds only the format asked for, and writes it where asked.
    func emit(json makeJSON: () throws -> String, csv makeCSV: () throws -> String, html makeHTML: () throws -> String, text makeText: () throws -> String) throws {
        var text = try json ? makeJSON() : csv ? makeCSV() : html ? makeHTML() : makeText()
        if text.unicodeScalars.last != "\n" { text += "\n" }  // "\r\n" is one Character, so not hasSuffix("\n")
        guard let output else { return print(text, terminator: "") }
        try ReportOutput.writePrivately(text, to: output)
        FileHandle.standardError.write(Data("Wrote \(output).\n".utf8))
    }
}
