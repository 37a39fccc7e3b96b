import ArgumentParser
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird

extension BeaconCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the verification page, the JSON API, status lists and shared certificates.",
            discussion: """
                Routes: GET / (the form employers use), POST /verify, POST /api/v1/verify (JSON in, the beacon verify --json report out), GET /status/revocation and /status/suspension, GET /issuer, GET /healthz, GET /c/{id} (only for certificates their holder shares with beacon share).

                Stops gracefully on SIGTERM or Ctrl-C. Logs never contain a certificate's personal data.
                """
        )

        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on.") var port = 8080
        @Option(help: ArgumentHelp("The URL the public reaches this server at; new certificates point their status lists here.", valueName: "url"))
        var publicUrl: String?

        func run() async throws {
            let home = LearningStore.defaultHome()
            if let publicUrl {
                let changes = try LearningStore(home: home).updateIssuer(.init(publicURL: publicUrl))
                if !changes.isEmpty { printChanges(changes) }
            }
            let backend = try StoreBackend(home: home)
            let app = buildApplication(backend: backend, settings: ServerSettings(host: host, port: port))
            print("Beacon is serving on http://\(host):\(port) (Ctrl-C to stop)")
            try await app.runService()
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
