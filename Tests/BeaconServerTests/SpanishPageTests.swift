import BeaconCore
import BeaconCredentials
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import BeaconServer

/// The verification pages in the reader's language, and certificates in the edition's.
@Suite struct SpanishPageTests {
    func app(_ backend: FakeBackend) -> some ApplicationProtocol {
        Application(router: buildRouter(backend: backend))
    }

    func multipart(_ credential: String) -> ByteBuffer {
        ByteBuffer(string: "--b\r\nContent-Disposition: form-data; name=\"credential\"\r\n\r\n\(credential)\r\n--b--\r\n")
    }

    @Test func theFormFollowsAcceptLanguageUnlessTheSwitchSaysOtherwise() async throws {
        try await app(FakeBackend()).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "es-MX,es;q=0.9,en;q=0.5"]) { response in
                let page = text(response)
                #expect(page.contains("<html lang=\"es\">"))
                #expect(page.contains("Verificar un certificado de apoyo entre pares"))
                #expect(page.contains("action=\"/verify?lang=es\""))
                #expect(page.contains("<a href=\"/?lang=en\" hreflang=\"en\" lang=\"en\">English</a>"))
                #expect(response.headers[.vary] == "Accept-Language")
                #expect(!page.contains("Check a peer support certificate"))
            }
            // The switch wins over the browser.
            try await client.execute(uri: "/?lang=en", method: .get, headers: [.acceptLanguage: "es"]) { response in
                #expect(text(response).contains("<html lang=\"en\">") && text(response).contains("Check a peer support certificate"))
            }
            // A language Beacon does not speak falls back to English.
            try await client.execute(uri: "/?lang=fr", method: .get, headers: [.acceptLanguage: "de"]) { response in
                #expect(text(response).contains("<html lang=\"en\">"))
            }
        }
    }

    @Test func aCheckedCertificateIsExplainedInSpanish() async throws {
        let backend = FakeBackend()
        let credential = try backend.credential(holder: "Ana Ruiz", index: 4, language: "es", name: "Especialista en Apoyo entre Pares, Certificación Básica")
        try await app(backend).test(.router) { client in
            try await client.execute(uri: "/verify?lang=es", method: .post, headers: [.contentType: "multipart/form-data; boundary=b"], body: multipart(credential)) { response in
                let page = text(response)
                #expect(page.contains("Válido: este certificado es auténtico, está vigente y en regla."))
                #expect(page.contains("Las cuatro comprobaciones"))
                #expect(page.contains("Firma: <span data-value=\"valid\">válida</span>"))
                #expect(page.contains("Estado: <span data-value=\"active\">activo</span>"))
                #expect(page.contains("Especialista en Apoyo entre Pares, Certificación Básica"))
                #expect(page.range(of: #"\d{1,2} de [a-z]+ de 20\d\d"#, options: .regularExpression) != nil, "dates in Spanish words")
                // The page and the certificate share a language: no note about it.
                #expect(!page.contains("redactado en"))
            }
            backend.revoke(4)
            try await client.execute(uri: "/verify", method: .post, headers: [.contentType: "multipart/form-data; boundary=b", .acceptLanguage: "es-US"], body: multipart(credential)) { response in
                let page = text(response)
                #expect(page.contains("No válido: no confíe en este certificado."))
                #expect(page.contains("El emisor lo revocó."))
            }
            // Refusals speak Spanish too.
            try await client.execute(uri: "/verify?lang=es", method: .post, headers: [.contentType: "multipart/form-data; boundary=b"], body: multipart("")) { response in
                #expect(response.status == .badRequest && text(response).contains("Pegue el texto del certificado"))
            }
        }
    }

    @Test func aSpanishCertificateReadInEnglishSaysWhichLanguageItIsIn() async throws {
        let backend = FakeBackend()
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let credential = try backend.credential(holder: "Ana Ruiz", index: 5, id: id, language: "es", name: "Especialista en Apoyo entre Pares, Certificación Básica")
        backend.share(id, credential)
        try await app(backend).test(.router) { client in
            try await client.execute(uri: "/c/\(id)", method: .get, headers: [.acceptLanguage: "en-US"]) { response in
                let page = text(response)
                #expect(page.contains("<h1>Shared certificate</h1>"))
                #expect(page.contains("<dd lang=\"es\">Especialista en Apoyo entre Pares, Certificación Básica</dd>"))
                #expect(page.contains("The certificate is worded in Spanish"))
                #expect(page.contains("<a href=\"/c/\(id)?lang=es\""))
            }
            try await client.execute(uri: "/c/\(id)?lang=es", method: .get) { response in
                let page = text(response)
                #expect(page.contains("<h1>Certificado compartido</h1>") && page.contains("Lo que exige"))
            }
            try await client.execute(uri: "/c/urn:uuid:nothing", method: .get, headers: [.acceptLanguage: "es"]) { response in
                #expect(response.status == .notFound && text(response).contains("Aquí no hay nada."))
            }
        }
    }

    @Test func thePrintedCertificateReadsInItsOwnLanguage() throws {
        let backend = FakeBackend()
        let spanish = try backend.credential(holder: "Ana Ruiz", index: 6, language: "es", name: "Especialista en Apoyo entre Pares, Certificación Básica")
        let page = try CertificatePage.render(credentialJSON: spanish, verifyURL: "https://academy.example/c/urn:uuid:1")
        #expect(page.contains("<html lang=\"es\">"))
        #expect(page.contains("otorgado a") && page.contains("Emitido por") && page.contains("Compruebe que es auténtico"))
        let english = try CertificatePage.render(credentialJSON: try backend.credential(holder: "Sam Lee", index: 7), verifyURL: "https://academy.example/c/urn:uuid:2")
        #expect(english.contains("<html lang=\"en\">") && english.contains("awarded to"))
        // Open Badges 3.0's Achievement.inLanguage carries the edition's language.
        #expect(spanish.contains("\"inLanguage\": \"es\""))
    }
}
