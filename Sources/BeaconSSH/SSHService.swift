import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// The course over SSH, inside `beacon serve`. Each connection authenticates with a public key
/// only; a session with a PTY gets the interactive player and one without the linear mode. A key
/// Beacon does not know is offered the enrolment screen. Nothing else is reachable: exec,
/// subsystems (sftp), port forwarding both ways and agent or X11 forwarding are refused.
///
/// Design: the player blocks on reads, so each session runs it on a thread of its own (a
/// `Thread`, not the event loop and not Swift's cooperative pool), woken by the channel
/// handler. A waiting thread costs a little memory and no CPU, and never holds a pool that
/// other sessions need; the event loop only moves bytes.
public final class SSHService: @unchecked Sendable {
    public struct Limits: Sendable {
        public var sessions = 200
        /// From TCP connect to a successful authentication.
        public var unauthenticated: TimeInterval = 30
        /// No key for this long saves, says goodbye and closes.
        public var idle: TimeInterval = 30 * 60
        /// New connections from one address in any minute.
        public var connectionsPerMinute = 30
        /// Wrong enrolment codes on one connection, and from one address in an hour.
        public var codesPerConnection = 5
        public var codesPerAddressPerHour = 20

        public init() {}
    }

    /// What one session plays and where its results go.
    public struct Course: Sendable {
        public var course: BeaconCore.Course
        public var stamp: CourseStamp
        public var resources: CrisisResources
        /// The crisis resources in other languages than the course's, for a trainee whose
        /// LANG or LC_ALL asks for one.
        public var resourcesByLanguage: [Language: CrisisResources] = [:]
        /// How a trainee comes back, for the goodbye line.
        public var address: String
        /// Fixes quiz draws and choice orders, for scripted tests only.
        public var seed: UInt64?

        public init(course: BeaconCore.Course, stamp: CourseStamp, resources: CrisisResources, address: String, seed: UInt64? = nil) {
            self.course = course
            self.stamp = stamp
            self.resources = resources
            self.address = address
            self.seed = seed
        }

        /// The crisis resources for a trainee speaking `language`.
        public func resources(in language: Language) -> CrisisResources {
            resourcesByLanguage[language] ?? resources
        }
    }

    let store: LearningStore
    let hostKey: HostKey
    let course: Course
    let limits: Limits
    let group: MultiThreadedEventLoopGroup
    private var serverChannel: (any Channel)?
    // Safe: the fields below are only touched with `lock` held.
    private let lock = NSLock()
    private var sessions: [ObjectIdentifier: ChannelTerminal] = [:]
    private var connectionsByAddress: [String: [Date]] = [:]
    private var wrongCodesByAddress: [String: [Date]] = [:]
    private var stopping = false

    public init(store: LearningStore, hostKey: HostKey, course: Course, limits: Limits = Limits()) {
        self.store = store
        self.hostKey = hostKey
        self.course = course
        self.limits = limits
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    /// Listens; returns the port (useful with port 0).
    @discardableResult
    public func start(host: String, port: Int) throws -> Int {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                let address = channel.remoteAddress?.ipAddress ?? "unknown"
                guard admit(address) else {
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(RefuseWithLine("Too many connections from your address; wait a minute and try again."))
                    }
                }
                let connection = Connection(address: address)
                let authenticator = KeyAuthenticator(connection: connection)
                // No authentication within the limit: the connection is closed.
                channel.eventLoop.scheduleTask(in: .milliseconds(Int64(limits.unauthenticated * 1_000))) {
                    if !connection.authenticated { channel.close(promise: nil) }
                }
                return channel.eventLoop.makeCompletedFuture {
                    let handler = NIOSSHHandler(
                        role: .server(.init(hostKeys: [hostKey.privateKey], userAuthDelegate: authenticator, globalRequestDelegate: RefuseForwarding())),
                        allocator: channel.allocator,
                        inboundChildChannelInitializer: { child, type in
                            guard case .session = type else {
                                // -L forwarding opens direct-tcpip channels: refused.
                                return child.eventLoop.makeFailedFuture(SSHRefusal.channelType)
                            }
                            return child.eventLoop.makeCompletedFuture {
                                try child.pipeline.syncOperations.addHandler(SessionHandler(service: self, connection: connection))
                            }
                        }
                    )
                    try channel.pipeline.syncOperations.addHandler(handler)
                    try channel.pipeline.syncOperations.addHandler(CloseOnError())
                }
            }
        let channel = try bootstrap.bind(host: host, port: port).wait()
        serverChannel = channel
        return channel.localAddress?.port ?? port
    }

    /// Stops listening and ends every session with `message`; their work is already saved.
    public func stop(message: String) {
        let open = lock.withLock { () -> [ChannelTerminal] in
            stopping = true
            return Array(sessions.values)
        }
        try? serverChannel?.close().wait()
        for terminal in open {
            terminal.write("\n\n" + message + "\n")
            terminal.close()
            _ = try? terminal.channel.close().wait()
        }
        try? group.syncShutdownGracefully()
    }

    /// Whether another connection from `address` is allowed this minute.
    private func admit(_ address: String) -> Bool {
        lock.withLock {
            let now = Date()
            var recent = connectionsByAddress[address, default: []].filter { now.timeIntervalSince($0) < 60 }
            guard recent.count < limits.connectionsPerMinute, !stopping else { return false }
            recent.append(now)
            connectionsByAddress[address] = recent
            return true
        }
    }

    /// Registers a session; false when the limit is reached.
    func open(_ terminal: ChannelTerminal) -> Bool {
        lock.withLock {
            guard sessions.count < limits.sessions, !stopping else { return false }
            sessions[ObjectIdentifier(terminal)] = terminal
            return true
        }
    }

    func closed(_ terminal: ChannelTerminal) {
        _ = lock.withLock { sessions.removeValue(forKey: ObjectIdentifier(terminal)) }
    }

    /// Codes still allowed from `address` this hour.
    func codesLeft(for address: String) -> Int {
        lock.withLock {
            let now = Date()
            let recent = wrongCodesByAddress[address, default: []].filter { now.timeIntervalSince($0) < 3_600 }
            wrongCodesByAddress[address] = recent
            return max(0, limits.codesPerAddressPerHour - recent.count)
        }
    }

    func wrongCode(from address: String) {
        lock.withLock { wrongCodesByAddress[address, default: []].append(Date()) }
    }
}

/// What one TCP connection learnt while authenticating, for its session channels.
final class Connection: @unchecked Sendable {
    // Safe: written on the connection's event loop during authentication, read after it.
    let address: String
    var authenticated = false
    var username = ""
    var fingerprint = ""
    var publicKey = ""

    init(address: String) { self.address = address }
}

/// Public keys only. Any key whose signature checks out is let in (NIOSSH verifies it before
/// asking): an enrolled key opens its trainee's course, and an unknown one the enrolment screen.
final class KeyAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    let connection: Connection

    init(connection: Connection) { self.connection = connection }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard case .publicKey(let offered) = request.request else {
            responsePromise.succeed(.failure)
            return
        }
        connection.authenticated = true
        connection.username = request.username
        connection.fingerprint = HostKey.fingerprint(of: offered.publicKey)
        connection.publicKey = HostKey.openSSH(offered.publicKey)
        responsePromise.succeed(.success)
    }
}

/// `tcpip-forward` (-R) is refused, as the protocol allows: with a failure reply.
struct RefuseForwarding: GlobalRequestDelegate {}

enum SSHRefusal: Error { case channelType }

/// Says why, then closes: before the SSH version line a server may send lines of text, and
/// OpenSSH's client shows them.
final class RefuseWithLine: ChannelInboundHandler {
    typealias InboundIn = Any
    let line: String

    init(_ line: String) { self.line = line }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line + "\r\n")
        let channel = context.channel
        context.writeAndFlush(NIOAny(buffer)).whenComplete { _ in channel.close(promise: nil) }
    }
}

/// A connection whose SSH layer fails (bytes that are not SSH, a broken packet) is closed; it
/// never reaches the others.
final class CloseOnError: ChannelInboundHandler {
    typealias InboundIn = Any
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

extension SocketAddress {
    var ipAddress: String? {
        switch self {
        case .v4(let address): address.host
        case .v6(let address): address.host
        case .unixDomainSocket: nil
        }
    }
}
