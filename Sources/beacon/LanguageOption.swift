import ArgumentParser
import BeaconCore
import Foundation

/// `--lang`, for the commands that speak to a trainee. Without it the language comes from
/// the environment and the course, in the order `Language.choose` explains.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "The language of Beacon's own words: en or es. Without it: LC_ALL, then the course's language, then LANG, then English.",
        valueName: "code"))
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError("--lang \(lang): Beacon speaks " + Language.allCases.map { "\($0.rawValue) (\($0.ownName))" }.joined(separator: " and "))
        }
    }

    /// A language asked for before any course is loaded (--lang, LC_ALL or LANG), used to pick
    /// the bundled edition; nil when nothing asks for one Beacon speaks.
    var asked: Language? {
        let environment = ProcessInfo.processInfo.environment
        for candidate in [lang, environment["LC_ALL"], environment["LANG"]] {
            if let candidate, let language = Language(tag: candidate) { return language }
        }
        return nil
    }

    /// The language for a trainee taking `course`.
    func language(for course: Course) -> Language {
        let environment = ProcessInfo.processInfo.environment
        return Language.choose(flag: lang, lcAll: environment["LC_ALL"], course: course.language, lang: environment["LANG"])
    }
}
