import BeaconCore
import BeaconStore
import BeaconTerminal
import Foundation
import NIOCore
import NIOSSH

/// One SSH session channel: collects the PTY and the three environment variables a trainee's
/// client may set, refuses exec and subsystems, and on `shell` starts the player on a thread of
/// its own. Bytes and window sizes go to the session's `ChannelTerminal`.
final class SessionHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    /// The only variables a client may set; the rest are refused.
    /// LANG and LC_ALL choose the player's language, as they do for `beacon learn`
    /// (OpenSSH's client sends them with SendEnv LANG LC_*).
    static let allowedEnvironment: Set<String> = ["TERM", "NO_COLOR", "ACCESSIBLE", "LANG", "LC_ALL"]

    let service: SSHService
    let connection: Connection
    private var pty: SSHChannelRequestEvent.PseudoTerminalRequest?
    private var environment: [String: String] = [:]
    private var terminal: ChannelTerminal?

    init(service: SSHService, connection: Connection) {
        self.service = service
        self.connection = connection
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            pty = request
            reply(context, request.wantReply, true)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let allowed = Self.allowedEnvironment.contains(request.name) && request.value.utf8.count <= 64
            if allowed { environment[request.name] = request.value }
            reply(context, request.wantReply, allowed)
        case let request as SSHChannelRequestEvent.ShellRequest:
            guard terminal == nil else { return reply(context, request.wantReply, false) }
            reply(context, request.wantReply, true)
            startSession(context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            // Accepted only so the client shows why: nothing is run, and the exit status is 1.
            reply(context, request.wantReply, true)
            refuse(context, "this server only runs the Beacon course; there is no shell or command to run. Connect with plain ssh, without a command.")
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            reply(context, request.wantReply, false)
            refuse(context, "this server only runs the Beacon course; \(request.subsystem) is not available.")
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            terminal?.resize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let buffer) = message.data else { return }
        terminal?.feed(Array(buffer.readableBytesView))
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        terminal?.setWritable(context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A dropped connection: the player's next read ends, and everything answered is saved.
        terminal?.close()
        context.fireChannelInactive()
    }

    private func reply(_ context: ChannelHandlerContext, _ wanted: Bool, _ success: Bool) {
        guard wanted else { return }
        if success {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// One line on the client's stderr, exit status 1, and the channel closes.
    private func refuse(_ context: ChannelHandlerContext, _ why: String) {
        let channel = context.channel
        var buffer = channel.allocator.buffer(capacity: why.utf8.count + 10)
        buffer.writeString("beacon: " + why + "\r\n")
        channel.writeAndFlush(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer)), promise: nil)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func startSession(_ context: ChannelHandlerContext) {
        let term = pty?.term ?? environment["TERM"] ?? "dumb"
        let accessible = environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } ?? false
        let interactive = pty != nil && term != "dumb" && !accessible
        let colour = interactive && (environment["NO_COLOR"].map(\.isEmpty) ?? true)
        let terminal = ChannelTerminal(
            channel: context.channel, interactive: interactive, colour: colour,
            columns: pty?.terminalCharacterWidth ?? 80, rows: pty?.terminalRowHeight ?? 24, idleLimit: service.limits.idle
        )
        self.terminal = terminal
        let language = Language.choose(lcAll: environment["LC_ALL"], course: service.course.course.language, lang: environment["LANG"])
        let session = Session(service: service, connection: connection, terminal: terminal, language: language)
        let thread = Thread { session.run() }
        thread.name = "beacon-ssh-session"
        // Small stacks: the player needs little, and a few hundred sessions share the machine.
        thread.stackSize = 1 << 20
        thread.start()
    }
}

/// The player for one session, on its own thread: who it is (or enrolment), then the course.
struct Session: @unchecked Sendable {
    // Safe: the connection's fields were set during authentication, before any session began.
    let service: SSHService
    let connection: Connection
    let terminal: ChannelTerminal
    let language: Language
    var words: PlayerWords.Session { PlayerWords.in(language).session }

    func run() {
        defer { finish() }
        guard service.open(terminal) else {
            terminal.write(words.atLimit(service.limits.sessions) + "\n")
            return
        }
        defer { service.closed(terminal) }
        let course = service.course
        do {
            guard let identity = try identify() else { return }
            let trainee: Trainee
            switch identity {
            case .trainee(let found): trainee = found
            case .staff(let member):
                let desk = StaffDesk(terminal: terminal, resources: course.resources, store: service.store, course: course.course, staff: member)
                let exit = desk.run()
                guard !terminal.isClosed else { return }
                if terminal.isInteractive { terminal.clearScreen() }
                terminal.write(exit == .left ? "Everything you signed is recorded. Goodbye.\n" : "\nEverything you signed is recorded; nothing half-done was. Come back with: ssh \(course.address)\n")
                return
            }
            let resume = "ssh " + course.address
            var options = CoursePlayer.Options(seed: course.seed)
            options.language = language
            let player = CoursePlayer(
                course: course.course, stamp: course.stamp, store: service.store, trainee: trainee,
                terminal: terminal, resources: course.resources(in: language), options: options
            )
            let exit = player.run()
            if terminal.timedOut, !terminal.isClosed {
                let idle = PlayerWords.in(language).wait(seconds: Int(service.limits.idle))
                terminal.write("\n\n" + words.idle(idle, resume) + "\n")
                return
            }
            guard !terminal.isClosed else { return }
            if terminal.isInteractive { terminal.clearScreen() }
            switch exit {
            case .paused: terminal.write(words.paused(resume) + "\n")
            case .interrupted, .endOfInput: terminal.write("\n" + words.comeBack(resume) + "\n")
            case .quit, .finished: terminal.write(words.comeBack(resume) + "\n")
            case .notSaved(let reason): terminal.write("\n" + words.notSaved(reason, resume) + "\n")
            }
        } catch {
            terminal.write("\n" + words.serverError + "\n")
        }
    }

    /// The enrolled trainee or staff member of this key, or one enrolled now with a code.
    private func identify() throws -> SSHIdentity? {
        if let known = try service.store.identity(forKey: connection.fingerprint) { return known }
        let tries = min(service.limits.codesPerConnection, service.codesLeft(for: connection.address))
        guard tries > 0 else {
            terminal.write(words.tooManyFromAddress + "\n")
            return nil
        }
        let prompt = EnrolmentPrompt(terminal: terminal, resources: service.course.resources(in: language), language: language)
        let words = words
        return prompt.run(tries: tries) { typed in
            let outcome = (try? service.store.redeemCode(
                typed, fingerprint: connection.fingerprint, publicKey: connection.publicKey,
                source: connection.address, actor: "ssh:" + connection.fingerprint
            )) ?? .failure(.unknown)
            switch outcome {
            case .success(let identity): return .success(identity)
            case .failure(let refusal):
                service.wrongCode(from: connection.address)
                let message = switch refusal {
                case .unknown: words.codeUnknown
                case .used: words.codeUsed
                case .expired: words.codeExpired
                }
                return .failure(EnrolmentProblem(message))
            }
        }
    }

    /// Exit status 0 and the channel closes; the client returns to its shell.
    private func finish() {
        let channel = terminal.channel
        channel.eventLoop.execute {
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 0)).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
