import BeaconCore
import BeaconStore

/// Every word the player says itself, apart from the course's own text: one catalogue per
/// language (PlayerWords+English.swift, PlayerWords+Spanish.swift). A language must give every
/// entry (there are no defaults), so a new screen cannot ship in one language only. Entries
/// that take values are closures, so each language orders its own sentence.
public struct PlayerWords: Sendable {
    public let language: Language
    public let chrome: Chrome
    public let menus: Menus
    public let lessons: Lessons
    public let quizzes: Quizzes
    public let roleplays: Roleplays
    public let signIn: SignInWords
    public let session: Session

    /// The catalogue for `language`.
    public static func `in`(_ language: Language) -> PlayerWords {
        switch language {
        case .english: .english
        case .spanish: .spanish
        }
    }

    /// Keys, scrolling, help, crisis support, content notes, callouts and saving: the frame
    /// around every screen.
    public struct Chrome: Sendable {
        public let keysLabel: String
        /// The keys that work everywhere, after a screen's own: in typed text, then elsewhere.
        let commonKeysTyped: @Sendable (_ quit: String) -> String
        let commonKeys: @Sendable (_ quit: String) -> String
        let scrollBack: String
        let scrollMore: String
        let scrollPlace: @Sendable (_ first: Int, _ last: Int, _ total: Int, _ moves: String) -> String
        let backKeysInteractive: String
        let backKeysLinear: String
        let crisisHeading: String
        public let crisisChecked: @Sendable (_ region: String, _ date: String) -> String
        /// "27 November 2026" from its parts.
        public let date: @Sendable (_ year: Int, _ month: Int, _ day: Int) -> String
        let helpHeading: String
        let helpSaved: String
        let helpPreview: String
        let helpRows: [(key: String, meaning: String)]
        let helpTyping: String
        let helpCameFrom: String
        let calloutNote: String
        let calloutTip: String
        let calloutImportant: String
        let calloutReflect: String
        let calloutLivedExperience: String
        let contentNoteHeading: @Sendable (_ what: String) -> String
        let topics: String
        let noteContinue: String
        let noteSkip: String
        let notePause: String
        let noteStopPreview: String
        let noteKeys: String
        let noteProblem: String
        let saving: String
        let lostConnection: String
        let notWritten: @Sendable (_ error: String) -> String
        /// "and" in "modules 1-4, 6 and 9".
        let and: String
        let enterBack: String
        let enterContinue: String
        let enterNext: String
        let enterStart: String
        let previousKey: String
        let quitMenu: String
        let quitBack: String
        let quitLeave: String
    }

    public struct Menus: Sendable {
        let modulesDone: @Sendable (_ done: Int, _ total: Int) -> String
        let traineeLine: @Sendable (_ name: String, _ minutes: Int, _ done: String) -> String
        let previewLine: @Sendable (_ done: String) -> String
        let continueWhere: @Sendable (_ item: String) -> String
        let allDone: String
        let reviewAny: String
        let moduleLine: @Sendable (_ number: Int, _ title: String, _ done: Int, _ total: Int) -> String
        let doneSuffix: String
        let opensAfter: @Sendable (_ count: Int, _ numbers: String) -> String
        let courseKeys: @Sendable (_ numbers: String) -> String
        let moduleNumberProblem: @Sendable (_ count: Int) -> String
        let notOpenHeading: String
        let notOpen: @Sendable (_ module: String, _ waitingFor: String) -> String
        let moduleHeading: @Sendable (_ number: Int, _ count: Int, _ title: String, _ done: Int, _ total: Int) -> String
        let moduleKeys: @Sendable (_ numbers: String) -> String
        let quitToModules: String
        let itemNumberProblem: @Sendable (_ count: Int) -> String
        let best: @Sendable (_ percent: String) -> String
        let attempts: @Sendable (_ count: Int) -> String
        let item: @Sendable (_ kind: String, _ title: String, _ status: String) -> String
        let lesson: String
        let quiz: String
        let roleplay: String
        let notStarted: String
        let inProgress: String
        let notPassed: String
        let attemptsUsed: String
        let done: String
    }

    public struct Lessons: Sendable {
        let heading: @Sendable (_ title: String, _ page: Int, _ pages: Int) -> String
        let finishKeys: String
        let nextKeys: String
        let keysProblem: String
        let completeHeading: @Sendable (_ title: String) -> String
        let done: String
        let readAgain: String
    }

    public struct Quizzes: Sendable {
        let heading: @Sendable (_ title: String, _ number: Int, _ count: Int) -> String
        let titled: @Sendable (_ title: String) -> String
        let score: @Sendable (_ score: String, _ passMark: String) -> String
        let passed: String
        let wellDone: String
        let notPassed: String
        let pressReview: String
        let noAttemptsLeft: String
        let attemptsLeft: @Sendable (_ count: Int) -> String
        let tryAgainAfter: @Sendable (_ wait: String) -> String
        let finishedHeading: @Sendable (_ title: String) -> String
        let finishedKeys: String
        let finishedProblem: String
        let yourAnswer: String
        let correct: String
        let partlyRight: @Sendable (_ percent: String) -> String
        let partlyRightMarks: @Sendable (_ percent: String) -> String
        let notRight: String
        let notQuite: String
        let theAnswer: String
        let why: String
        let reviewHeading: @Sendable (_ title: String, _ number: Int, _ count: Int) -> String
        let finishReviewKeys: String
        let nextQuestionKeys: String
        let reviewProblem: String
        let noneChosen: String
        let trueWord: String
        let falseWord: String
        let notShown: String
        let usedAll: @Sendable (_ attempts: Int, _ best: String) -> String
        let nextAttemptAfter: @Sendable (_ when: String) -> String
        let programWaiting: @Sendable (_ when: String) -> String
        let programWindowFull: @Sendable (_ when: String) -> String
        let programRetraining: @Sendable (_ module: String) -> String
        let theModule: String
        let programNotNow: String
        let retrain: @Sendable (_ quiz: String, _ tries: Int, _ module: String) -> String
        let retrainPrompt: @Sendable (_ module: String) -> String
        let startOverKeys: String
        let retrainProblem: String
        let startsOver: @Sendable (_ module: String) -> String
        let reviewLastKeys: String
        let reviewLastProblem: String
        let intro: @Sendable (_ questions: Int, _ passMark: String, _ attempt: Int, _ of: Int?) -> String
        let introSaved: String
        let introPreview: String
        let chooseKeys: @Sendable (_ numbers: String) -> String
        let oneNumberProblem: @Sendable (_ count: Int) -> String
        /// Words that show a prompt already says "choose all that apply" (so it is not said twice).
        let allThatApply: [String]
        let chooseAll: String
        let toggleKeys: @Sendable (_ numbers: String) -> String
        let toggleLinearKeys: String
        let togglesProblem: String
        let trueFalseKeys: String
        /// Typed lines that answer true and false (besides 1 and 2).
        let trueAnswers: [String]
        let falseAnswers: [String]
        let trueFalseProblem: String
        let answerKeys: String
        let emptyAnswerProblem: String
        let orderSoFar: String
        let orderKeys: @Sendable (_ example: String) -> String
        let orderProblem: @Sendable (_ count: Int) -> String
        let choices: String
        let lettersKeys: String
        let lettersProblem: @Sendable (_ count: Int, _ example: String) -> String
        let chosenMark: String
        let quitMenuSaved: String
        /// A wait in words: [(singular, plural)] for years, months, days, hours, minutes, seconds.
        let units: [(one: String, many: String)]
        let aMoment: String
    }

    public struct Roleplays: Sendable {
        let heading: @Sendable (_ title: String) -> String
        let whatDoYouSay: String
        let numberProblem: @Sendable (_ count: Int) -> String
        let youSay: String
        let replyKeys: String
        let emptyReplyProblem: String
        let tooShortProblem: @Sendable (_ persona: String) -> String
        let youSaid: String
        let scores: String
        let oneWay: String
        let feedbackHeading: @Sendable (_ title: String) -> String
        let setting: String
        let scoredOn: @Sendable (_ competencies: String) -> String
        let practice: String
        let practiceSaved: String
        let practicePreview: String
        let beginKeys: String
        let wentWell: String
        let wentPartly: String
        let wentPoorly: String
        let whatWentWell: String
        let toTryNext: String
        let yourScores: String
        let scoreOf: @Sendable (_ competency: String, _ points: Int, _ outOf: Int) -> String
        let playAgain: String
        let debriefHeading: @Sendable (_ title: String) -> String
        let quitPause: String
    }

    public struct SignInWords: Sendable {
        let welcome: String
        let askName: String
        let nameKeys: String
        let yourName: String
        let nameEmpty: String
        let nameNoLetterOrDigit: String
        let nameTooLong: @Sendable (_ maximum: Int) -> String
        let welcomeBack: String
        let isThatYou: @Sendable (_ name: String) -> String
        let yesCarryOn: String
        let noSomeoneElse: String
        let yesNoKeys: String
        let yesAnswers: [String]
        let noAnswers: [String]
        let confirmProblem: String
        let nameTaken: @Sendable (_ name: String) -> String
        let moreThanOne: String
        let typeYourId: String
        let newHere: String
        let idKeys: String
        let yourId: String
        let idNotOne: String
        let notEnrolled: String
        let code: String
        let codeKeys: String
        let emptyCodeProblem: String
        let triesLeft: @Sendable (_ count: Int) -> String
        let tooManyCodes: String
    }

    /// What `beacon learn` prints as the player closes.
    public struct Session: Sendable {
        public let noTrainee: String
        public let saved: @Sendable (_ resume: String) -> String
        public let paused: @Sendable (_ resume: String) -> String
        public let comeBack: @Sendable (_ resume: String) -> String
        public let endOfInput: @Sendable (_ resume: String) -> String
        public let notSaved: @Sendable (_ reason: String, _ resume: String) -> String
        /// Over SSH: the session closes after `idle` (in words) without a key.
        public let idle: @Sendable (_ idle: String, _ resume: String) -> String
        public let serverError: String
        public let codeUnknown: String
        public let codeUsed: String
        public let codeExpired: String
        public let tooManyFromAddress: String
        /// Over SSH: the service holds as many sessions as it may.
        public let atLimit: @Sendable (_ sessions: Int) -> String
    }
}

extension PlayerWords {
    /// An item's status in words ("in progress"), never colour alone.
    func status(_ status: CourseProgress.Status) -> String {
        switch status {
        case .notStarted: menus.notStarted
        case .inProgress: menus.inProgress
        case .notPassed: menus.notPassed
        case .attemptsUsed: menus.attemptsUsed
        case .done: menus.done
        }
    }

    /// Why a typed name cannot be used, in this language.
    func nameProblem(_ problem: TraineeName.Problem) -> String {
        switch problem {
        case .empty: signIn.nameEmpty
        case .noLetterOrDigit: signIn.nameNoLetterOrDigit
        case .tooLong: signIn.nameTooLong(TraineeName.maximumLength)
        }
    }

    /// "5 minutes" for a wait of whole minutes, else seconds.
    public func wait(seconds: Int) -> String {
        let (count, unit) = seconds >= 60 ? (seconds / 60, quizzes.units[4]) : (seconds, quizzes.units[5])
        return "\(count) \(count == 1 ? unit.one : unit.many)"
    }

    /// "Lesson", "Quiz" or "Role-play".
    func kind(_ item: CourseProgress.Item) -> String {
        switch item.kind {
        case "lesson": menus.lesson
        case "quiz": menus.quiz
        default: menus.roleplay
        }
    }
}
