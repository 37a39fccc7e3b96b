import BeaconCore
import Testing

@Suite struct LanguageTests {
    @Test func tagsAndLocalesNameTheLanguage() {
        #expect(Language(tag: "es") == .spanish)
        #expect(Language(tag: "es-US") == .spanish)
        #expect(Language(tag: "es_MX.UTF-8") == .spanish)
        #expect(Language(tag: "EN_us") == .english)
        #expect(Language(tag: "C.UTF-8") == nil)
        #expect(Language(tag: "POSIX") == nil)
        #expect(Language(tag: "") == nil)
        #expect(Language(tag: "fr_FR.UTF-8") == nil)
    }

    @Test func theFlagThenLcAllThenTheCourseThenLangDecide() {
        #expect(Language.choose(flag: "en", lcAll: "es_US.UTF-8", course: "es", lang: "es_US.UTF-8") == .english)
        #expect(Language.choose(lcAll: "es_US.UTF-8", course: "en", lang: "en_US.UTF-8") == .spanish)
        // A server's default LANG does not override the edition the trainee chose.
        #expect(Language.choose(course: "es", lang: "en_US.UTF-8") == .spanish)
        #expect(Language.choose(course: "en", lang: "es_US.UTF-8") == .english)
        // A language Beacon does not speak, or "C", passes to the next.
        #expect(Language.choose(flag: nil, lcAll: "C", course: "fr", lang: "es_PR.UTF-8") == .spanish)
        #expect(Language.choose() == .english)
    }

    @Test func acceptLanguageTakesTheBestRangeBeaconSpeaks() {
        #expect(Language.preferred(acceptLanguage: "es-MX,es;q=0.9,en;q=0.8") == .spanish)
        #expect(Language.preferred(acceptLanguage: "fr-FR, en;q=0.5, es;q=0.7") == .spanish)
        #expect(Language.preferred(acceptLanguage: "en-US,en;q=0.9") == .english)
        #expect(Language.preferred(acceptLanguage: "es;q=0, en;q=0.1") == .english)
        #expect(Language.preferred(acceptLanguage: "de, fr") == nil)
        #expect(Language.preferred(acceptLanguage: "") == nil)
    }
}
