import BeaconCore
import BeaconServer
import BeaconStore
import BeaconTerminal
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// Learning in a browser on `beacon serve`, without JavaScript: `/learn`. A trainee enrols with
/// the trainer's one-time code and a passphrase (kept as a bcrypt hash), signs in with the id it
/// gives them, and answers each screen of the player's linear mode by a form post, committed
/// before the next screen is shown. Sessions are cookies (HttpOnly, SameSite=Strict, Secure over
/// HTTPS) that end when idle; every form carries a token tied to its cookie; failed sign-ins are
/// throttled by name and by address, enrolled or not, so no answer tells who is enrolled.
public struct LearnService: Sendable {
    public struct Settings: Sendable {
        /// Cookies only over HTTPS (set when the public address is https://).
        public var secureCookies = false
        public var idle: TimeInterval = 30 * 60
        public var longest: TimeInterval = 12 * 60 * 60
        public var players = 200
        public var throttle = SignInThrottle()
        /// bcrypt's cost: 2^cost rounds.
        public var cost: UInt8 = 12
        /// The clock sessions and locks are judged by (tests move it on).
        public var now: @Sendable () -> Date = { Date() }
        public init() {}
    }

    static let minimumPassphrase = 10
    static let maximumAnswer = 2_000
    static let maximumBody = 16 * 1_024
    static let sessionCookie = "beacon_session"
    static let formCookie = "beacon_form"

    let store: LearningStore
    let course: WebCourse
    let settings: Settings
    let players: WebPlayers
    /// Compared against when a sign-in names nobody, so an unknown id takes as long as a known one.
    let decoy: String
    /// xterm.js for the terminal page, or which Debian package is missing.
    let xterm: Result<XtermBundle, XtermMissing>
    let sockets = SocketCount()

    public init(store: LearningStore, course: WebCourse, settings: Settings = .init()) {
        self.store = store
        self.course = course
        self.settings = settings
        players = WebPlayers(store: store, course: course, idle: settings.idle, limit: settings.players)
        decoy = Bcrypt.hash(Self.token(), cost: settings.cost)
        xterm = XtermBundle.load()
    }

    /// What to tell the operator when the terminal page cannot be served; nil when it can.
    public var terminalProblem: String? {
        if case .failure(let missing) = xterm { return missing.description }
        return nil
    }

    public func addRoutes(to router: Router<BeaconContext>) {
        router.get("/learn") { request, _ in try await self.home(request) }
        router.get("/learn/enrol") { request, _ in
            self.formPage(request) { form, problem, words, language in LearnPages.enrol(problem: problem, form: form, words: words, language: language) }
        }
        router.post("/learn/enrol") { request, context in try await self.enrol(request, context) }
        router.post("/learn/sign-in") { request, context in try await self.signIn(request, context) }
        router.post("/learn/answer") { request, _ in try await self.answer(request) }
        router.post("/learn/sign-out") { request, _ in try await self.signOut(request) }
        router.get("/learn/terminal") { request, _ in
            guard try self.session(request) != nil else { return self.redirect("/learn") }
            guard case .success = self.xterm else { return self.redirect("/learn") }
            let language = self.language(request)
            var response = html(TerminalPage.render(words: .in(language), language: language))
            response.headers[HTTPField.Name("Content-Security-Policy")!] = TerminalPage.policy
            return response
        }
        router.get("/learn/assets/{file}") { _, context -> Response in
            guard case .success(let bundle) = self.xterm else { return Response(status: .notFound) }
            let (body, type): (String, String)
            switch try context.parameters.require("file") {
            case "xterm.js": (body, type) = (bundle.script, "text/javascript; charset=utf-8")
            case "xterm.css": (body, type) = (bundle.css, "text/css; charset=utf-8")
            case "terminal.js": (body, type) = (TerminalPage.script, "text/javascript; charset=utf-8")
            default: return Response(status: .notFound)
            }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("/learn/crisis") { request, _ in
            let language = self.language(request)
            return html(LearnPages.crisis(self.course.resources, words: .in(language), player: .in(language), language: language))
        }
    }

    // MARK: Pages

    private func home(_ request: Request) async throws -> Response {
        guard let session = try session(request) else {
            return formPage(request) { form, problem, words, language in LearnPages.signIn(problem: problem, form: form, words: words, language: language) }
        }
        let language = language(request)
        let words = LearnWords.in(language)
        let note = request.uri.queryParameters.get("welcome") != nil ? words.welcome(session.trainee.id) : nil
        return screen(players.exchange(nil, trainee: session.trainee, language: language), session: session, note: note, problem: nil, language: language)
    }

    private func screen(
        _ result: (text: String, ended: Bool)?, session: WebSession, note: String?, problem: String?, language: Language, status: HTTPResponse.Status = .ok
    ) -> Response {
        let words = LearnWords.in(language)
        guard let result else { return html(LearnPages.message(words.busy, words: words, language: language), status: .serviceUnavailable) }
        if result.ended { return html(LearnPages.message(words.left, words: words, language: language)) }
        let terminal: Bool = if case .success = xterm { true } else { false }
        return html(LearnPages.screen(result.text, note: note, problem: problem, csrf: session.csrfToken, words: words, player: .in(language), language: language, terminal: terminal), status: status)
    }

    /// A sign-in or enrolment form with a fresh form token in its cookie and its field.
    private func formPage(_ request: Request, problem: String? = nil, status: HTTPResponse.Status = .ok,
                          _ render: (String, String?, LearnWords, Language) -> String) -> Response {
        let language = language(request)
        let form = Self.token()
        var response = html(render(form, problem, .in(language), language), status: status)
        response.setCookie(cookie(Self.formCookie, form, path: "/learn"))
        return response
    }

    // MARK: Actions

    private func enrol(_ request: Request, _ context: BeaconContext) async throws -> Response {
        let language = language(request)
        let words = LearnWords.in(language), player = PlayerWords.in(language)
        let fields = try await form(request)
        let again: (String) -> Response = { problem in
            formPage(request, problem: problem, status: .badRequest) { form, problem, words, language in
                LearnPages.enrol(problem: problem, form: form, words: words, language: language)
            }
        }
        guard formTokenMatches(request, fields) else { return again(words.formExpired) }
        let passphrase = fields["passphrase"] ?? ""
        guard passphrase.count >= Self.minimumPassphrase else { return again(words.shortPassphrase(Self.minimumPassphrase)) }
        guard passphrase == fields["again"] else { return again(words.passphrasesDiffer) }
        let source = address(context)
        if let until = try store.signInLockedUntil(keys: ["address:" + source], at: settings.now()) {
            try store.recordSignInRefusal(reason: "locked", source: source, at: settings.now())
            return again(words.locked(minutes(until)))
        }
        let hash = try await offLoop { Bcrypt.hash(passphrase, cost: settings.cost) }
        switch try store.enrolForWeb(code: fields["code"] ?? "", passphraseHash: hash, source: source, at: settings.now()) {
        case .success(let trainee):
            var response = Response(status: .seeOther, headers: [.location: "/learn?welcome=1&lang=\(language.rawValue)"])
            try startSession(&response, trainee: trainee, source: source, clearing: [])
            return response
        case .failure(let refusal):
            // Wrong codes count against the address, as wrong passphrases do.
            let locked = try store.recordSignInFailure(keys: ["address:" + source], reason: "code-\(refusal)", source: source, rule: settings.throttle, at: settings.now())
            if let locked { return again(words.locked(minutes(locked))) }
            let why = switch refusal {
            case .unknown: player.session.codeUnknown
            case .used: player.session.codeUsed
            case .expired: player.session.codeExpired
            }
            return again(why)
        }
    }

    private func signIn(_ request: Request, _ context: BeaconContext) async throws -> Response {
        let language = language(request)
        let words = LearnWords.in(language)
        let fields = try await form(request)
        let again: (String) -> Response = { problem in
            formPage(request, problem: problem, status: .badRequest) { form, problem, words, language in
                LearnPages.signIn(problem: problem, form: form, words: words, language: language)
            }
        }
        guard formTokenMatches(request, fields) else { return again(words.formExpired) }
        let id = (fields["id"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let passphrase = fields["passphrase"] ?? ""
        let source = address(context)
        let keys = ["name:" + id, "address:" + source]
        if let until = try store.signInLockedUntil(keys: keys, at: settings.now()) {
            try store.recordSignInRefusal(reason: "locked", source: source, at: settings.now())
            return again(words.locked(minutes(until)))
        }
        let login = try store.webLogin(trainee: id)
        // The same work whether or not the id is enrolled: nothing tells the two apart.
        let matches = try await offLoop { Bcrypt.verify(passphrase, hash: login?.hash ?? decoy) } && login != nil
        guard let login, matches else {
            if let locked = try store.recordSignInFailure(keys: keys, reason: "wrong", source: source, rule: settings.throttle, at: settings.now()) {
                return again(words.locked(minutes(locked)))
            }
            return again(words.wrongPassphrase)
        }
        var response = Response(status: .seeOther, headers: [.location: "/learn?lang=\(language.rawValue)"])
        try startSession(&response, trainee: login.trainee, source: source, clearing: ["name:" + id])
        return response
    }

    private func answer(_ request: Request) async throws -> Response {
        let language = language(request)
        let words = LearnWords.in(language)
        let fields = try await form(request)
        guard let session = try session(request) else { return redirect("/learn?lang=\(language.rawValue)") }
        guard fields["csrf"] == session.csrfToken else {
            return screen(players.exchange(nil, trainee: session.trainee, language: language), session: session, note: nil, problem: words.formExpired, language: language, status: .forbidden)
        }
        let answer = fields["answer"] ?? ""
        guard answer.count <= Self.maximumAnswer else {
            return screen(players.exchange(nil, trainee: session.trainee, language: language), session: session, note: nil, problem: words.tooLong(Self.maximumAnswer), language: language, status: .contentTooLarge)
        }
        // The answer is committed before the player draws the next screen, which the
        // redirect then shows: reloading that page sends nothing again.
        guard players.exchange(answer, trainee: session.trainee, language: language) != nil else {
            return html(LearnPages.message(words.busy, words: words, language: language), status: .serviceUnavailable)
        }
        return redirect("/learn?lang=\(language.rawValue)")
    }

    private func signOut(_ request: Request) async throws -> Response {
        let language = language(request)
        let words = LearnWords.in(language)
        let fields = try await form(request)
        if let token = request.cookies[Self.sessionCookie]?.value, let session = try session(request), fields["csrf"] == session.csrfToken {
            players.end(session.trainee.id)
            try store.endWebSession(tokenHash: Self.digest(token), at: settings.now())
        }
        var response = html(LearnPages.message(words.signedOut, words: words, language: language))
        response.setCookie(cookie(Self.sessionCookie, "", path: "/learn", maxAge: 0))
        return response
    }

    // MARK: Helpers

    func session(_ request: Request) throws -> WebSession? {
        guard let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty else { return nil }
        return try store.webSession(tokenHash: Self.digest(token), idle: settings.idle, longest: settings.longest, at: settings.now())
    }

    private func startSession(_ response: inout Response, trainee: Trainee, source: String, clearing keys: [String]) throws {
        let token = Self.token()
        try store.startWebSession(trainee: trainee.id, tokenHash: Self.digest(token), csrfToken: Self.token(), source: source, clearing: keys, at: settings.now())
        response.setCookie(cookie(Self.sessionCookie, token, path: "/learn"))
    }

    private func cookie(_ name: String, _ value: String, path: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: settings.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The form's token must be the one its page set in the cookie: a page on another site can
    /// neither read the cookie nor, with SameSite=Strict, send it.
    private func formTokenMatches(_ request: Request, _ fields: [String: String]) -> Bool {
        guard let cookie = request.cookies[Self.formCookie]?.value, !cookie.isEmpty, let field = fields["form"] else { return false }
        return Self.digest(cookie) == Self.digest(field)
    }

    private func form(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: Self.maximumBody)
        return FormFields.parse(Array(buffer: body))
    }

    /// The page's language: the switch, else the course's.
    func language(_ request: Request) -> Language {
        request.uri.queryParameters.get("lang").flatMap(Language.init(tag:)) ?? Language(tag: course.course.language) ?? .english
    }

    private func address(_ context: BeaconContext) -> String {
        context.remoteAddress?.ipAddress ?? "unknown"
    }

    private func minutes(_ until: Date) -> Int {
        max(1, Int((until.timeIntervalSince(settings.now()) / 60).rounded(.up)))
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// bcrypt takes a quarter of a second on purpose: off the event loop.
    private func offLoop<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive { work() }
    }

    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
