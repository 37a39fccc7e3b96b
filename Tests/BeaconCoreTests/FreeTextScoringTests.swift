import BeaconCore
import Testing

/// Free-text replies scored as a trainer would (issue 14): typos on the words that matter,
/// leading and minimising forms excluded, nothing praised that did harm or said nothing.
@Suite struct FreeTextScoringTests {
    /// The reply a trainee met: a person hinting at suicide.
    func reply() -> Reply {
        func criterion(_ id: String, points: Int, _ build: (inout Criterion) -> Void) -> Criterion {
            var criterion = Criterion(id: id, label: id, location: here)
            criterion.scores = [ScoreChange(competency: ref(points > 0 && id == "asks" ? "safety" : "listening"), points: points)]
            criterion.ifMet = [.text("\(id) met")]
            criterion.ifMissed = [.text("\(id) missed")]
            build(&criterion)
            return criterion
        }
        var reply = Reply(next: ref("end"), location: here)
        reply.criteria = [
            criterion("asks", points: 2) {
                $0.keywords = ["suicide", "suicidal", "killing yourself"]
                $0.exclusions = [#"\b(not|never)\b[^.?!]*\b(suic|kill)"#, #"\b(silly|stupid)\b"#]
            },
            criterion("reflects", points: 1) { $0.patterns = [#"\b(sounds like|you feel)\b"#] },
            criterion("advice", points: -1) { $0.patterns = [#"\byou (should|need to)\b"#] },
            criterion("minimises", points: -2) { $0.patterns = [#"\b(cheer up|silly|could be worse)\b"#] },
        ]
        return reply
    }

    func met(_ text: String) -> Set<String> {
        let reply = reply()
        return Set(reply.metCriteria(by: text).map { reply.criteria[$0].id })
    }

    @Test func theRepliesTheTraineeMetScoreAsATrainerWould() {
        #expect(met("You're not thinking about suicide or anything silly like that, are you? Cheer up mate.") == ["minimises"])
        #expect(met("are you thinkin about sucide?") == ["asks"])
        #expect(met("It sounds like a lot. Are you having thoughts of killing yourself?") == ["asks", "reflects"])
        #expect(met("Are you feeling suicidal?") == ["asks"])
        #expect(met("You should sleep more.") == ["advice"])
    }

    @Test func typoToleranceGrowsWithTheWordAndShortWordsStayExact() {
        let words = KeywordMatch.words("Are you thinkin about sucide, Sam?")
        #expect(KeywordMatch.contains(words, "suicide"))
        #expect(KeywordMatch.contains(words, "thinking"))
        #expect(KeywordMatch.contains(KeywordMatch.words("Are you siucide"), "suicide"), "a swapped pair is one edit")
        #expect(!KeywordMatch.contains(KeywordMatch.words("I will help"), "kill"), "four letters must be exact")
        #expect(!KeywordMatch.contains(KeywordMatch.words("that suited you"), "suicide"))
        #expect(KeywordMatch.contains(KeywordMatch.words("are you killing yourself"), "killing yourself"))
        #expect(!KeywordMatch.contains(KeywordMatch.words("killing time yourself"), "killing yourself"), "a phrase's words come together")
        #expect(KeywordMatch.words("What's up") == ["whats", "up"])
    }

    @Test func accentsNeitherHelpNorHinderAMatch() {
        var criterion = Criterion(id: "asks", label: "asks", location: here)
        criterion.patterns = [#"\b(estas|esta usted) pensando en (suicidarte|suicidarse|quitarte la vida)\b"#, #"^\S+ \S+ \S+$"#]
        criterion.keywords = ["pensamientos suicidas"]
        criterion.exclusions = [#"\bno (estaras|estaria)\b"#]
        #expect(criterion.isMet(by: "¿Estás pensando en suicidarte?"))
        #expect(criterion.isMet(by: "estas pensando en quitarte la vida"))
        #expect(criterion.isMet(by: "¿ESTÁ USTED PENSANDO EN SUICIDARSE?"))
        #expect(criterion.isMet(by: "¿Tienes pensamientos suicídas?"), "keywords fold accents too")
        #expect(!criterion.isMet(by: "No estarás pensando en suicidarte, ¿verdad?"), "an unless pattern folds the same way")
        #expect(criterion.isMet(by: "sólo tres palabras"), "\\S stays \\S: the pattern is not lower-cased")
        #expect(KeywordMatch.words("¿Qué tal, Año?") == ["que", "tal", "ano"])
    }

    @Test func praiseForAvoidingHarmGoesOnlyToAReplyThatHelpedAndDidNoHarm() {
        let reply = reply()
        func feedback(_ text: String) -> [String] {
            RoleplaySession.feedback(reply, met: reply.metCriteria(by: text)).map(\.plainText)
        }
        let harmful = feedback("You're not thinking about suicide or anything silly like that, are you? Cheer up mate.")
        #expect(!harmful.contains("advice missed"), "no 'you held back from advice' for a harmful reply: \(harmful)")
        #expect(harmful.contains("minimises met") && harmful.contains("asks missed"))
        let good = feedback("It sounds like a lot. Are you thinking about suicide?")
        #expect(good.contains("advice missed") && good.contains("minimises missed"))
        let empty = feedback("I see what you mean there.")
        #expect(!empty.contains("advice missed"), "a reply that did nothing good is not praised: \(empty)")
    }

    @Test func aReplyTooShortToMeanAnythingIsNotScored() {
        for text in ["q", "?", "ok", "hmm yeah", "!!!"] { #expect(Reply.isTooShort(text), "\(text)") }
        #expect(!Reply.isTooShort("Are you okay?"))
    }

    @Test func theDebriefCountsEveryLossAndNamesWhatToTryNext() throws {
        // -1 at the first step, then +2 and +2: the running score stops at 0, the earned total does not.
        func said(_ next: String, _ points: Int) -> Choice {
            var made = choice(next, scores: [("listening", points)])
            made.feedback = [.text("\(points) at \(next)")]
            return made
        }
        let rp = BeaconCoreTests.roleplay(
            assesses: [("listening", 4)],
            scenes: [
                scene("s1", [said("s2", -1), said("s2", 1)]),
                scene("s2", [said("s3", 2)]),
                scene("s3", [said("good", 2)]),
            ],
            endings: ["good"]
        )
        var run = RoleplaySession(roleplay: rp)
        try run.choose(0, in: rp)
        try run.choose(0, in: rp)
        try run.choose(0, in: rp)
        #expect(run.position.scores == [4], "conditions see the running score")
        #expect(run.competencyShares(in: rp).map(\.points) == [3], "the debrief shows what was earned: -1 + 2 + 2")
        let lessons = run.lessons(in: rp)
        #expect(lessons.tryNext.map(\.plainText) == ["-1 at s2"], "\(lessons)")
        #expect(lessons.wentWell.map(\.plainText) == ["2 at s3", "2 at good"])
    }

    @Test func choicesAreShuffledPerSceneAndTheSameOnResume() {
        let rp = BeaconCoreTests.roleplay(
            assesses: [("listening", 4)],
            scenes: [scene("s1", (0..<6).map { _ in choice("good") })],
            endings: ["good"]
        )
        let run = RoleplaySession(roleplay: rp)
        let orders = (1...8).map { run.displayedChoices(in: rp, seed: UInt64($0)).map(\.index) }
        #expect(Set(orders).count > 1, "different runs see different orders")
        #expect(orders[0] == run.displayedChoices(in: rp, seed: 1).map(\.index), "the same seed gives the same order")
        #expect(Set(orders[0]) == Set(0..<6))
        #expect(run.displayedChoices(in: rp, seed: nil).map(\.index) == Array(0..<6), "runs recorded before seeds keep the written order")
    }
}
