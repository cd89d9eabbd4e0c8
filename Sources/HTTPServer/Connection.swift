/// One client connection. Exactly one thread owns it at a time: the event loop while it
/// waits for bytes, then the worker it was queued to, until the worker hands it back through
/// the loop's inbox. The queues' locks order those hand-overs, hence `@unchecked Sendable`.
final class Connection: @unchecked Sendable {
    enum Phase {
        /// Waiting for or receiving a request, under `deadline`.
        case reading
        case inWorker
        /// Answered with an error: our side is shut, the client's remaining bytes are drained
        /// briefly so that closing does not reset the connection before the answer is read.
        case lingering
    }

    let fd: Int32
    let remoteAddress: String
    var buffer = ReadBuffer()
    var parser: RequestParser
    var phase = Phase.reading
    /// Monotonic milliseconds after which the loop gives up on this connection.
    var deadline: Int64 = 0
    var lingeredBytes = 0

    init(fd: Int32, remoteAddress: String, limits: RequestParser.Limits) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.parser = RequestParser(limits: limits)
    }

    var isIdle: Bool { buffer.isEmpty && parser.isBetweenRequests }
}

/// What a worker wants done with a connection it hands back.
enum Disposition: Sendable {
    case rearm
    case close
    case linger
}

struct Job: Sendable {
    let connection: Connection
    let request: HTTPRequest
    let keepAlive: Bool
}
