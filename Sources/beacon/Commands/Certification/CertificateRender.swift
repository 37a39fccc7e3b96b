import ArgumentParser
import BeaconServer
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Certificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certificate",
            abstract: "Printable certificates.",
            subcommands: [Render.self]
        )

        struct Render: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "render",
                abstract: "Write a self-contained HTML certificate (A4 and Letter) with a QR code to verify it.",
                discussion: "The QR code points at {public-url}/c/{id}, which works once the holder shares it (beacon share). The file is created private."
            )
            @Argument(help: "The credential id.") var credential: String
            @Option(name: .shortAndLong, help: "The HTML file to write.") var output: String

            func run() throws {
                let home = LearningStore.defaultHome()
                let store = try LearningStore(home: home)
                guard let record = try CertificationService(store: store, keys: KeyStore(home: home)).credential(credential) else {
                    throw CommandFailure("no credential \(credential) was issued here")
                }
                let url = try store.certificationSettings().publicURL + "/c/" + credential
                let html = try CertificatePage.render(credentialJSON: record.json, verifyURL: url)
                let descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                guard descriptor >= 0 else { throw CommandFailure("cannot write \(output)") }
                let bytes = Array(html.utf8)
                _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                print("Wrote \(output); its QR code opens \(url)")
            }
        }
    }
}
