import BeaconCredentials
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Where and how `beacon serve` listens.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The largest request body accepted (a credential is a few kilobytes).
    public var maxBodyBytes = 1 << 20

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The router with every route, separate from running it, so tests drive it without a socket.
/// The request context of `beacon serve`: Hummingbird's basics and the peer's address, which
/// the browser sign-in throttle counts by.
public struct BeaconContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// `routes` adds more (the browser learning pages) to the same router, under the same headers.
public func buildRouter(
    backend: some VerificationBackend, settings: ServerSettings = .init(), routes: ((Router<BeaconContext>) -> Void)? = nil
) -> Router<BeaconContext> {
    let router = Router(context: BeaconContext.self)
    router.add(middleware: SecurityHeaders())
    let limit = settings.maxBodyBytes

    router.get("/") { request, _ in html(Pages.form(words(request))) }

    router.post("/verify") { request, _ -> Response in
        let words = words(request)
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            return html(Pages.form(problem: words.tooLarge, words), status: .contentTooLarge)
        }
        guard let submitted = FormBody.credential(from: body, contentType: request.headers[.contentType]) else {
            return html(Pages.form(problem: words.nothingSent, words), status: .badRequest)
        }
        let verifier = try await backend.verifier()
        switch verifier.verify(bytes: submitted) {
        case .success(let report): return html(Pages.result(report, words))
        case .failure(let error): return html(Pages.form(problem: words.unreadable(error.message), words), status: .badRequest)
        }
    }

    router.post("/api/v1/verify") { request, _ -> Response in
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            return problem(.contentTooLarge, "request body over 1 MB; a credential is a few kilobytes")
        }
        let verifier = try await backend.verifier()
        switch verifier.verify(bytes: Array(buffer: body)) {
        case .success(let report): return json(report.jsonText())
        case .failure(let error): return problem(.badRequest, error.message)
        }
    }

    router.get("/status/{list}") { request, context -> Response in
        let purpose = try context.parameters.require("list")
        guard StatusListCredential.purposes.contains(purpose), let list = try await backend.statusList(purpose) else {
            return problem(.notFound, "no status list named \(purpose)")
        }
        let text = JSONValue.object(list).serialized(pretty: true)
        // Verifiers may cache, but must revalidate each time: a revocation counts at once.
        // A list is re-signed whenever it changes, so its signature is a stable entity tag.
        let proof = list["proof"]?.arrayValue?.first ?? list["proof"]
        let tag = "\"" + (proof?["proofValue"]?.stringValue ?? "unsigned") + "\""
        if request.headers[.ifNoneMatch] == tag {
            return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "no-cache"])
        }
        var response = json(text, contentType: "application/vc+ld+json")
        response.headers[.eTag] = tag
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    router.get("/issuer") { _, _ -> Response in
        json(JSONValue.object(try await backend.issuerProfile()).serialized(pretty: true))
    }

    // For a load balancer: 200 while the record's database answers, 503 (with why) when not.
    router.get("/healthz") { _, _ -> Response in
        let health = await backend.databaseHealth()
        var database = JSONObject([("kind", .string(health.kind)), ("ok", .bool(health.problem == nil))])
        if let problem = health.problem { database["problem"] = .string(problem) }
        let body = JSONObject([("status", .string(health.problem == nil ? "ok" : "unavailable")), ("database", .object(database))])
        var response = json(JSONValue.object(body).serialized(pretty: false))
        if health.problem != nil { response.status = .serviceUnavailable }
        return response
    }

    // did:web: the issuer's DID document, at /.well-known/did.json or a path form's /a/b/did.json.
    let didDocument: @Sendable (Request, BeaconContext) async throws -> Response = { request, _ in
        guard let document = try await backend.didDocument(path: request.uri.path) else {
            return problem(.notFound, "this issuer publishes no DID document at \(request.uri.path)")
        }
        return json(JSONValue.object(document).serialized(pretty: true), contentType: "application/did+json")
    }
    router.get("/.well-known/did.json", use: didDocument)
    router.get("/{a}/did.json", use: didDocument)
    router.get("/{a}/{b}/did.json", use: didDocument)

    router.get("/c/{id}") { request, context -> Response in
        let words = words(request)
        let id = try context.parameters.require("id")
        guard let credential = try await backend.sharedCredential(id) else {
            return html(Pages.notFound(words), status: .notFound)
        }
        let verifier = try await backend.verifier()
        guard case .success(let report) = verifier.verify(bytes: Array(credential.utf8)) else {
            return html(Pages.notFound(words), status: .notFound)
        }
        return html(Pages.shared(report, json: credential, path: request.uri.path, words))
    }
    routes?(router)
    return router
}

/// The whole application; `beacon serve` runs it, tests use `buildRouter` or this with `.router`.
public func buildApplication(
    backend: some VerificationBackend, settings: ServerSettings, routes: ((Router<BeaconContext>) -> Void)? = nil
) -> some ApplicationProtocol {
    var logger = Logger(label: "beacon.serve")
    logger.logLevel = .info
    return Application(
        router: buildRouter(backend: backend, settings: settings, routes: routes),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "beacon"),
        logger: logger
    )
}

// MARK: Responses

/// The reader's language for a page: `?lang=en|es`, else the browser's Accept-Language.
func words(_ request: Request) -> PageWords {
    PageWords.forRequest(query: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
}

/// A page; it varies with Accept-Language, so caches keep each language apart.
public func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .vary: "Accept-Language"], body: .init(byteBuffer: ByteBuffer(string: text)))
}

func json(_ text: String, contentType: String = "application/json", status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
}

/// A one-line error as JSON; never a stack trace.
func problem(_ status: HTTPResponse.Status, _ message: String) -> Response {
    let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    return json(#"{"error":"\#(escaped)"}"#, status: status)
}

/// Headers on every response: no scripts, no framing, no sniffing, no referrer leaks.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = BeaconContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = problem(error.status, error.body ?? error.status.reasonPhrase)
        } catch is NIOTooManyBytesError {
            response = problem(.contentTooLarge, "request body over 1 MB")
        } catch {
            // Details go to the server log, never to the client.
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(type(of: error))"])
            response = problem(.internalServerError, "the server could not complete this request")
        }
        // Every page is without script, unless a route set its own policy (the terminal page).
        if response.headers[.beaconCSP] == nil {
            response.headers[.beaconCSP] =
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        }
        response.headers[.beaconNoSniff] = "nosniff"
        response.headers[.beaconReferrerPolicy] = "no-referrer"
        return response
    }
}

extension ByteBuffer: ByteBufferLike {
    var allBytes: [UInt8] { Array(buffer: self) }
}

extension HTTPField.Name {
    // Safe: constant, valid header names.
    static let beaconCSP = HTTPField.Name("Content-Security-Policy")!
    static let beaconNoSniff = HTTPField.Name("X-Content-Type-Options")!
    static let beaconReferrerPolicy = HTTPField.Name("Referrer-Policy")!
}
