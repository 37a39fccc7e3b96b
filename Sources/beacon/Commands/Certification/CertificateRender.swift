import ArgumentParser
import BeaconServer
import BeaconStore
import Foundation

extension BeaconCommand {
    struct Certificate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certificate",
            abstract: "Issued certificates: list them, see which expire soon, render one to print.",
            subcommands: [ListCertificates.self, Expiring.self, Render.self]
        )

        struct Render: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "render",
                abstract: "Write a self-contained HTML certificate (A4 and Letter) with a QR code to verify it.",
                discussion: """
                    The QR code opens {public-url}/c/{id}, the certificate's page on beacon serve. That page shows the certificate only while its holder shares it, so a printed code must not point at a page that answers "Not found": render refuses unless the certificate is shared, or --share records the holder's consent and shares it now (audited). The file is created private.

                    Example:
                      beacon certificate render urn:uuid:… --share -o sam-lee.html
                    """
            )
            @Argument(help: "The credential id.") var credential: String
            @Option(name: .shortAndLong, help: "The HTML file to write.") var output: String
            @Flag(help: "The holder agrees to share the certificate's page, which the QR code opens; shares it now (audited).") var share = false

            func run() throws {
                let home = LearningStore.defaultHome()
                let store = try LearningStore(home: home)
                let service = CertificationService(store: store, keys: KeyStore(home: home))
                guard let record = try service.credential(credential) else {
                    throw CommandFailure("no credential \(credential) was issued here")
                }
                let url = try store.certificationSettings().publicURL + "/c/" + credential
                if try service.sharedCredential(credential) == nil {
                    guard share else {
                        throw CommandFailure(
                            "not rendered: the QR code would open \(url), which shows nothing until the holder shares the certificate. "
                                + "With the holder's agreement, add --share (or they run beacon share \(credential))."
                        )
                    }
                    try service.setShared(credential, true)
                    print("Shared with the holder's consent: \(url)")
                }
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
