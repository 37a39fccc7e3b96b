import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation
import GRDB
import Testing

/// The player's own words in Spanish, and the crisis resources per language.
@Suite struct SpanishPlayerTests {
    static let spanishResources = try! CrisisResources.load(from: repositoryRoot.appendingPathComponent("curricula/crisis-resources.es.json"))

    @Test func theWholeSampleCanBePlayedWithSpanishScreensAndNoEnglishChromeLeft() throws {
        let terminal = MemoryTerminal(lines: wholeCourseAnswers, width: 80)
        let (player, store, trainee) = try makePlayer(terminal, language: .spanish, resources: Self.spanishResources)
        #expect(player.run() == .quit)
        let progress = CourseProgress(course: try sampleCourse().0, record: try store.record(trainee: trainee.id, course: "sample"), trainee: trainee.id)
        #expect(progress.modules.allSatisfy { $0.isDone })
        let output = terminal.output
        for spanish in ["Teclas: ", "Cuestionario: Listening check · Pregunta 1 de 6", "Su resultado: ", "1 verdadero o 2 falso", "Juego de roles: ", "Sus puntos", "Lección terminada: "] {
            #expect(output.contains(spanish), "missing: \(spanish)")
        }
        // The course is English (its own words stay); none of the player's English is left.
        for english in ["Keys:", "Continue where", "Question 1 of", "Your score", "Passed.", "Not quite.", "What do you say?", "Your scores", "crisis support", "Enter continue", "press Enter", "attempt 1 of"] {
            #expect(!output.contains(english), "English left: \(english)")
        }
    }

    @Test func theSpanishCrisisScreenNames988Press2AndTextAyuda() throws {
        let terminal = MemoryTerminal(lines: ["!", "q"], width: 60)
        let (player, _, _) = try makePlayer(terminal, language: .spanish, resources: Self.spanishResources)
        #expect(player.run() == .quit)
        let screen = terminal.output
        #expect(screen.contains("Ayuda en crisis"))
        #expect(screen.contains("oprima 2"))
        #expect(screen.contains("AYUDA"))
        // The review date in Spanish words, whatever date the reviewer last wrote.
        #expect(screen.contains("Última revisión:") && screen.contains(" de 20"))
    }

    @Test func bothBundledCrisisFilesAreSourcedLineByLine() throws {
        for (name, language) in [("crisis-resources.json", "en"), ("crisis-resources.es.json", "es")] {
            let url = repositoryRoot.appendingPathComponent("curricula/" + name)
            let raw = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let written = try #require(raw["resources"] as? [[String: Any]])
            let loaded = try CrisisResources.load(from: url)
            // None is dropped for want of a source: every line in the file is shown.
            #expect(loaded.resources.count == written.count, "\(name): a line has no source")
            #expect(loaded.language == language)
            #expect(loaded.resources.contains { $0.how.contains("988") })
            #expect(loaded.resources.contains { $0.how.contains("911") })
        }
        let english = try CrisisResources.load(from: repositoryRoot.appendingPathComponent("curricula/crisis-resources.json"))
        #expect(english.resources.count == Self.spanishResources.resources.count, "the two languages list the same lines")
    }

    @Test func aLineWithoutASourceIsNotShown() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("""
            {"reviewed": "2026-12-01", "region": "US", "heading": "Help now.", "resources": [
              {"name": "Checked line", "how": "Call 988.", "source": "https://www.samhsa.gov/mental-health/988/faqs"},
              {"name": "Unchecked line", "how": "Call 555-0100."},
              {"name": "Blank source", "how": "Call 555-0101.", "source": "  "},
              {"name": "Your trainer", "how": "Tell them.", "local": true}
            ]}
            """.utf8).write(to: file)
        let loaded = try CrisisResources.load(from: file)
        #expect(loaded.resources.map(\.name) == ["Checked line", "Your trainer"])
    }

    @Test func enrolmentAndSignInSpeakSpanish() throws {
        let terminal = MemoryTerminal(lines: ["", "K7QM"], width: 60)
        let prompt = EnrolmentPrompt(terminal: terminal, resources: Self.spanishResources, language: .spanish)
        let enrolled: String? = prompt.run(tries: 1) { _ in .failure(EnrolmentProblem("Ese código no sirve.")) }
        #expect(enrolled == nil)
        #expect(terminal.output.contains("Le damos la bienvenida a Beacon"))
        #expect(terminal.output.contains("Escriba el código y oprima Enter."))
        #expect(terminal.output.contains("Demasiados códigos"))
    }

    @Test func signingInExplainsAnUnusableNameInSpanish() throws {
        let store = try LearningStore(writer: DatabaseQueue())
        let terminal = MemoryTerminal(lines: ["---", "Zoë"], width: 60)
        let trainee = try SignIn(store: store, terminal: terminal, resources: Self.spanishResources, language: .spanish).trainee(requested: nil)
        #expect(trainee?.name == "Zoë")
        #expect(terminal.output.contains("¿Qué nombre debe usar Beacon para usted?"))
        #expect(terminal.output.contains("Un nombre necesita al menos una letra o un número."))
        #expect(!terminal.output.contains("A name needs"))
    }

    @Test func accentedTextWrapsByColumnsNotBytes() {
        // "ñ" and "é" take one column whether precomposed or written with a combining mark.
        let composed = "Señales de advertencia: ¿Estás pensando en suicidarte? Pregúntalo con calma."
        let decomposed = composed.decomposedStringWithCanonicalMapping
        let lines = TextLayout.wrap(composed, width: 24)
        #expect(lines == TextLayout.wrap(decomposed, width: 24).map { $0.precomposedStringWithCanonicalMapping })
        #expect(lines.allSatisfy { TextLayout.displayWidth($0) <= 24 })
        #expect(lines.first == "Señales de advertencia:")
    }
}
