import ArgumentParser
@preconcurrency import Glibc
import BeaconCore
import BeaconSSH
import BeaconServer
import BeaconWeb
import BeaconStore
import Foundation
import Hummingbird
import Logging

extension BeaconCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the verification page, the JSON API, status lists and shared certificates.",
            discussion: """
                Routes: GET / (the form employers use), with --learn GET /learn (trainees in a browser, without JavaScript: enrol with a code, sign in, answer one screen per page), POST /verify, POST /api/v1/verify (JSON in, the beacon verify --json report out), GET /status/revocation, /status/suspension, /status/inactive and /status/relinquished, GET /issuer, GET /healthz, GET /c/{id}, and for a did:web issuer its DID document at /.well-known/did.json (or the path form, /a/did.json or /a/b/did.json) (only for certificates their holder shares with beacon share).

                Stops gracefully on SIGTERM or Ctrl-C. Logs never contain a certificate's personal data.
                """
        )

        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on.") var port = 8080
        @Option(help: ArgumentHelp("The URL the public reaches this server at; new certificates point their status lists here.", valueName: "url"))
        var publicUrl: String?

        @Option(help: ArgumentHelp("Also serve the course over SSH on this port (trainees connect with ssh -p PORT host; staff enrolled with beacon people enrol reach their desk).", valueName: "port"))
        var sshPort: Int?
        @Option(help: ArgumentHelp("Address the SSH service listens on.", valueName: "address")) var sshHost = "127.0.0.1"
        @Option(help: ArgumentHelp("Course trainees take over SSH and in the browser (default: the bundled course).", valueName: "path")) var course: String?
        @Flag(help: "Also serve the course in browsers at /learn: enrolment with a trainer's code, a passphrase, and one answer per page, with no JavaScript.")
        var learn = false
        @Option(help: ArgumentHelp("The most SSH sessions at once.", valueName: "n")) var sshSessions = 200
        @Option(help: ArgumentHelp("Seconds a connection may take to authenticate.", valueName: "s")) var sshLoginSeconds = 30
        @Option(help: ArgumentHelp("Minutes without a key before a session is saved and closed.", valueName: "m")) var sshIdleMinutes = 30
        @Option(help: ArgumentHelp("New SSH connections allowed from one address per minute.", valueName: "n")) var sshConnectionsPerMinute = 30
        /// Fixes quiz draws and choice orders of SSH sessions, so scripted tests know them.
        @Option(help: .hidden) var seed: UInt64?
        /// The idle limit in seconds, so a test need not wait minutes.
        @Option(help: .hidden) var sshIdleSeconds: Int?
        /// The browser session's idle limit in seconds, so a test need not wait half an hour.
        @Option(help: .hidden) var webIdleSeconds: Int?
        /// bcrypt's cost for new passphrases, so a benchmark can enrol hundreds quickly.
        @Option(help: .hidden) var webBcryptCost: UInt8?
        @Option(help: ArgumentHelp("The most browser players at once (the plain page).", valueName: "n")) var webSessions = 200

        func validate() throws {
            if let sshPort, !(0...65_535).contains(sshPort) { throw ValidationError("--ssh-port is a port number, 1 to 65535") }
            guard sshSessions > 0, sshLoginSeconds > 0, sshIdleMinutes > 0, sshConnectionsPerMinute > 0 else {
                throw ValidationError("the --ssh limits are positive numbers")
            }
        }

        func run() async throws {
            let home = LearningStore.defaultHome()
            if let publicUrl {
                let changes = try LearningStore(home: home).updateIssuer(.init(publicURL: publicUrl))
                if !changes.isEmpty { printChanges(changes) }
            }
            let backend = try StoreBackend(home: home)
            // Loaded (and linted) once, for the browser and SSH alike.
            let loaded = try learn || sshPort != nil ? LoadedCourse.load(course) : nil
            let learning = try loaded.map { learn ? try learnService(home: home, loaded: $0) : nil } ?? nil
            let ssh = try sshPort.flatMap { port in try loaded.map { try startSSH(home: home, port: port, loaded: $0) } }
            print("Beacon is serving on http://\(host):\(port) (Ctrl-C to stop)")
            if let learning {
                print("Trainees learn in a browser at http://\(host):\(port)/learn" + (learning.terminalProblem == nil ? " (the terminal page at /learn/terminal)" : ""))
                if let problem = learning.terminalProblem { print("Note: " + problem) }
            }
            fflush(stdout)
            if let learning {
                var logger = Logger(label: "beacon.serve")
                logger.logLevel = .info
                let router = buildRouter(backend: backend, settings: ServerSettings(host: host, port: port)) { learning.addRoutes(to: $0) }
                try await learning.application(router: router, host: host, port: port, logger: logger).runService()
            } else {
                try await buildApplication(backend: backend, settings: ServerSettings(host: host, port: port)).runService()
            }
            ssh?.stop(message: "The Beacon server is stopping for a moment. Everything you answered is saved; connect again shortly to carry on.")
        }

        /// Learning in the browser at /learn: the same store and course as SSH.
        private func learnService(home: URL, loaded: LoadedCourse) throws -> LearnService {
            let store = try LearningStore(home: home)
            var settings = LearnService.Settings()
            settings.secureCookies = try store.certificationSettings().publicURL.hasPrefix("https://")
            if let webIdleSeconds { settings.idle = TimeInterval(webIdleSeconds) }
            if let webBcryptCost { settings.cost = min(max(webBcryptCost, 4), 31) }
            settings.players = webSessions
            let language = Language(tag: loaded.course.language) ?? .english
            let course = WebCourse(course: loaded.course, stamp: loaded.stamp, resources: LoadedCourse.crisisResources(language), seed: seed)
            return LearnService(store: store, course: course, settings: settings)
        }

        /// The SSH service beside the web server: same store, the bundled (or named) course.
        private func startSSH(home: URL, port: Int, loaded: LoadedCourse) throws -> SSHService {
            let hostKey = try HostKey.loadOrCreate(home: home)
            var limits = SSHService.Limits()
            limits.sessions = sshSessions
            limits.unauthenticated = TimeInterval(sshLoginSeconds)
            limits.idle = TimeInterval(sshIdleSeconds ?? sshIdleMinutes * 60)
            limits.connectionsPerMinute = sshConnectionsPerMinute
            let address = (port == 22 ? "" : "-p \(port) ") + (sshHost == "0.0.0.0" || sshHost == "::" ? "THIS-HOST" : sshHost)
            // Each trainee's LANG or LC_ALL may ask for another language than the course's.
            var served = SSHService.Course(
                course: loaded.course, stamp: loaded.stamp, resources: LoadedCourse.crisisResources(Language(tag: loaded.course.language) ?? .english),
                address: address, seed: seed
            )
            for language in Language.allCases { served.resourcesByLanguage[language] = LoadedCourse.crisisResources(language) }
            let service = SSHService(store: try LearningStore(home: home), hostKey: hostKey, course: served, limits: limits)
            let bound = try service.start(host: sshHost, port: port)
            // Started as a service its output goes to a log: write these lines out now.
            defer { fflush(stdout) }
            print("The course is served over SSH on \(sshHost) port \(bound). Host key fingerprint (trainees check it on first connect):")
            print("  ED25519 key \(hostKey.fingerprint)")
            return service
        }
    }

    struct Share: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "share",
            abstract: "Publish a certificate's page at /c/{id} (the holder's choice).",
            discussion: "The page shows the certificate and its current status to anyone with the link. There is no list or search of holders."
        )
        @Argument(help: "The credential id.") var credential: String
        func run() throws { try setShared(credential, true) }
    }

    struct Unshare: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unshare", abstract: "Take a certificate's public page down.")
        @Argument(help: "The credential id.") var credential: String
        func run() throws { try setShared(credential, false) }
    }
}

private func setShared(_ id: String, _ shared: Bool) throws {
    let home = LearningStore.defaultHome()
    let store = try LearningStore(home: home)
    try CertificationService(store: store, keys: KeyStore(home: home)).setShared(id, shared)
    let url = try store.certificationSettings().publicURL + "/c/" + id
    print(shared ? "Shared: \(url)" : "No longer shared; \(url) now answers 404.")
}
