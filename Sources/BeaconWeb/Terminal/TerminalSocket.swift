import BeaconCore
import BeaconServer
import BeaconStore
import BeaconTerminal
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket

/// Open terminal sockets, counted against the limit of players.
final class SocketCount: @unchecked Sendable {
    // Safe: `count` is read and written only with `lock` held.
    private let lock = NSLock()
    private var count = 0

    func open(limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func close() { lock.withLock { count -= 1 } }
}

/// The WebSocket behind the terminal page: upgraded only for a signed-in session whose page is
/// on this origin; messages are capped. Each socket drives a player of its own; a dropped one
/// ends it, and the next resumes where the record says.
extension LearnService {
    static let maximumMessage = 64 * 1_024

    /// Whether and how to upgrade a request to `/learn/socket`.
    func shouldUpgrade(_ request: HTTPRequest) async throws -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        let parts = (request.path ?? "").split(separator: "?", maxSplits: 1)
        guard parts.first == "/learn/socket" else { return .dontUpgrade }
        let linear = parts.count == 2 && parts[1].split(separator: "&").contains("linear=1")
        // A page on another site may open a socket here with the trainee's cookie; its Origin says so.
        guard let origin = request.headerFields[.origin], let host = request.authority,
            origin == "http://" + host || origin == "https://" + host
        else { return .dontUpgrade }
        let cookies = (request.headerFields[.cookie] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let token = cookies.first(where: { $0.hasPrefix(Self.sessionCookie + "=") })?.dropFirst(Self.sessionCookie.count + 1),
            let session = try store.webSession(tokenHash: Self.digest(String(token)), idle: settings.idle, longest: settings.longest, at: settings.now())
        else { return .dontUpgrade }
        let trainee = session.trainee
        // As many sockets as players: past that the page says the connection closed, and the
        // plain page says why.
        guard sockets.open(limit: settings.players) else { return .dontUpgrade }
        return .upgrade([:]) { inbound, outbound, _ in
            defer { self.sockets.close() }
            try await self.play(trainee: trainee, linear: linear, inbound: inbound, outbound: outbound)
        }
    }

    private func play(trainee: Trainee, linear: Bool, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let (screens, output) = AsyncStream<String>.makeStream()
        let terminal = SocketTerminal(interactive: !linear, idleLimit: settings.idle) { output.yield($0) }
        let language = Language(tag: course.course.language) ?? .english
        course.play(store: store, trainee: trainee, terminal: terminal, language: language) { output.finish() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await text in screens { try await outbound.write(.text(text)) }
                try? await outbound.close(.normalClosure, reason: nil)
            }
            group.addTask {
                defer { terminal.close() }
                for try await message in inbound.messages(maxSize: Self.maximumMessage) {
                    switch message {
                    case .text(let keys): terminal.feed(Array(keys.utf8))
                    case .binary(var buffer):
                        // A window size: 1, columns, rows (two bytes each).
                        if buffer.readInteger(as: UInt8.self) == 1, let columns = buffer.readInteger(as: UInt16.self), let rows = buffer.readInteger(as: UInt16.self) {
                            terminal.resize(columns: Int(columns), rows: Int(rows))
                        }
                    }
                }
            }
            // Either side ending ends both: the socket closing stops the player, and the
            // player leaving closes the socket.
            _ = try await group.next()
            terminal.close()
            group.cancelAll()
        }
    }

    /// The application: `router` with the terminal's WebSocket beside it.
    public func application(router: Router<BeaconContext>, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router,
            server: .http1WebSocketUpgrade(configuration: .init(ws: .init(maxFrameSize: Self.maximumMessage))) { request, _, _ in
                try await self.shouldUpgrade(request)
            },
            configuration: .init(address: .hostname(host, port: port), serverName: "beacon"),
            logger: logger
        )
    }
}
