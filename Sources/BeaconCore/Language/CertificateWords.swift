/// The words Beacon itself puts on a certificate around the programme's own title and
/// description (which come from the course edition the trainee took).
public struct CertificateWords: Sendable {
    public let provisional: @Sendable (_ name: String) -> String
    public let endorsementName: @Sendable (_ program: String, _ endorsement: String) -> String
    public let endorsementDescription: @Sendable (_ program: String, _ endorsement: String) -> String
    /// For a programme without a description of its own.
    public let description: @Sendable (_ program: String, _ course: String) -> String
    // The criteria narrative: what the certificate required, in sentences.
    public let and: String
    public let or: String
    public let scoreOn: @Sendable (_ percent: String, _ quiz: String) -> String
    public let trainingHours: @Sendable (_ hours: String, _ domain: String?, _ modes: String?) -> String
    /// A delivery mode's raw value ("live-remote") in words.
    public let mode: @Sendable (_ raw: String) -> String
    public let supervisedHours: @Sendable (_ hours: String, _ domain: String?) -> String
    public let attestLivedExperience: String
    public let sign: @Sendable (_ document: String) -> String
    public let passObserved: @Sendable (_ rubric: String) -> String
    public let references: @Sendable (_ count: Int, _ kind: String?) -> String
    public let completeModules: @Sendable (_ count: Int, _ modules: String) -> String
    public let reachCompetencies: @Sendable (_ percent: String, _ count: Int, _ competencies: String) -> String
    /// "To earn this certificate, a trainee must …. " for a certificate, a provisional one, or
    /// (with `endorsementOf`) an endorsement beside that programme's certificate.
    public let toEarn: @Sendable (_ provisional: Bool, _ endorsementOf: String?, _ requirements: String) -> String
    public let courseLine: @Sendable (_ title: String, _ version: String) -> String
    public let modelledOn: @Sendable (_ basis: String) -> String

    /// "A, B and C"; with `joiner` "; and ", "A; B; and C".
    public func listed(_ items: [String], joiner: String? = nil) -> String {
        let joiner = joiner ?? " \(and) "
        guard items.count > 1 else { return items.first ?? "" }
        let separator = joiner.hasPrefix(";") ? "; " : ", "
        return items.dropLast().joined(separator: separator) + joiner + items.last!
    }

    public static func `in`(_ language: Language) -> CertificateWords {
        switch language {
        case .english: english
        case .spanish: spanish
        }
    }

    public static let english = CertificateWords(
        provisional: { name in "\(name) (provisional)" },
        endorsementName: { program, endorsement in "\(program): \(endorsement) endorsement" },
        endorsementDescription: { program, endorsement in "Endorsement of the \(program) certificate: \(endorsement). Its holder practises within this scope." },
        description: { program, course in "\(program), from \(course)." },
        and: "and",
        or: "or",
        scoreOn: { percent, quiz in "score at least \(percent) on \(quiz)" },
        trainingHours: { hours, domain, modes in "complete \(hours) training hours" + (domain.map { " in \($0)" } ?? "") + (modes.map { " (\($0))" } ?? "") },
        mode: { raw in raw },
        supervisedHours: { hours, domain in "log \(hours) hours of supervised work, attested by a supervisor" + (domain.map { ", in \($0)" } ?? "") },
        attestLivedExperience: "attest lived experience",
        sign: { document in "sign \(document)" },
        passObserved: { rubric in "pass \(rubric), observed by a facilitator" },
        references: { count, kind in "provide \(count) \(kind.map { "\($0) " } ?? "")reference\(count == 1 ? "" : "s")" },
        completeModules: { count, modules in (count == 1 ? "complete the module " : "complete the modules ") + modules },
        reachCompetencies: { percent, count, competencies in
            "reach at least \(percent) across scored role-plays in " + (count == 1 ? "the competency " : "each of the competencies ") + competencies
        },
        toEarn: { provisional, endorsementOf, requirements in
            let what = endorsementOf.map { "endorsement, beside the \($0) certificate," } ?? "\(provisional ? "provisional " : "")certificate,"
            return "To earn this \(what) a trainee must \(requirements). "
        },
        courseLine: { title, version in "Course: \(title), version \(version)." },
        modelledOn: { basis in " Rules modelled on \(basis), not endorsed by it." }
    )

    public static let spanish = CertificateWords(
        provisional: { name in "\(name) (provisional)" },
        endorsementName: { program, endorsement in "\(program): aval de \(endorsement)" },
        endorsementDescription: { program, endorsement in "Aval del certificado \(program): \(endorsement). Quien lo tiene ejerce dentro de este ámbito." },
        description: { program, course in "\(program), de \(course)." },
        and: "y",
        or: "o",
        scoreOn: { percent, quiz in "obtener al menos un \(percent) en \(quiz)" },
        trainingHours: { hours, domain, modes in "completar \(hours) horas de formación" + (domain.map { " en \($0)" } ?? "") + (modes.map { " (\($0))" } ?? "") },
        mode: { raw in
            switch raw {
            case "in-person": "presencial"
            case "live-remote": "en vivo a distancia"
            case "self-paced": "a su propio ritmo"
            default: raw
            }
        },
        supervisedHours: { hours, domain in "registrar \(hours) horas de trabajo supervisado, certificadas por un supervisor o supervisora" + (domain.map { ", en \($0)" } ?? "") },
        attestLivedExperience: "declarar su experiencia vivida",
        sign: { document in "firmar \(document)" },
        passObserved: { rubric in "aprobar \(rubric), con la observación de un facilitador o facilitadora" },
        references: { count, kind in "presentar \(count) \(count == 1 ? "referencia" : "referencias")" + (kind.map { " (\($0))" } ?? "") },
        completeModules: { count, modules in (count == 1 ? "completar el módulo " : "completar los módulos ") + modules },
        reachCompetencies: { percent, count, competencies in
            "alcanzar al menos un \(percent) en los juegos de roles calificados en " + (count == 1 ? "la competencia " : "cada una de las competencias ") + competencies
        },
        toEarn: { provisional, endorsementOf, requirements in
            let what = endorsementOf.map { "este aval, junto al certificado \($0)," } ?? (provisional ? "este certificado provisional," : "este certificado,")
            return "Para obtener \(what) la persona participante debe \(requirements). "
        },
        courseLine: { title, version in "Curso: \(title), versión \(version)." },
        modelledOn: { basis in " Reglas basadas en \(basis), sin su respaldo." }
    )
}
