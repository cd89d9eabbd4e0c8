import CSystemShims
import Glibc
import Synchronization

/// What the event loop and the workers share: configuration, descriptors, queues.
final class ServerCore: Sendable {
    let configuration: HTTPServerConfiguration
    let limits: RequestParser.Limits
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    let serializer: ResponseSerializer
    let epoll: Epoll
    let listenFD: Int32
    let port: Int
    /// An eventfd that wakes the loop when workers hand connections back or on shutdown().
    let wakeFD: Int32
    /// Read end of the self-pipe SIGTERM/SIGINT write to, when the server handles them.
    let signalFD: Int32?
    private let signalWriteFD: Int32?

    let jobs = BlockingQueue<Job?>()
    let returns = Inbox<(Connection, Disposition)>()
    private let draining = Atomic<Bool>(false)

    init(configuration: HTTPServerConfiguration, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws(HTTPServerError) {
        self.configuration = configuration
        self.limits = RequestParser.Limits(configuration)
        self.handler = handler
        self.serializer = ResponseSerializer(defaultHeaders: configuration.defaultHeaders)
        let epoll = try Epoll()
        var opened: [Int32] = [epoll.fd]
        do throws(HTTPServerError) {
            let (listenFD, port) = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
            opened.append(listenFD)
            let wakeFD = shim_eventfd()
            guard wakeFD >= 0 else { throw .lastError("eventfd") }
            opened.append(wakeFD)
            try epoll.add(listenFD, events: Epoll.readable)
            try epoll.add(wakeFD, events: Epoll.readable)
            if configuration.handlesTerminationSignals {
                var pipe: [Int32] = [-1, -1]
                guard shim_pipe(&pipe) == 0 else { throw .lastError("pipe2") }
                opened += pipe
                try epoll.add(pipe[0], events: Epoll.readable)
                guard shim_install_termination_pipe(pipe[1]) == 0 else { throw .lastError("sigaction") }
                signalFD = pipe[0]
                signalWriteFD = pipe[1]
            } else {
                signalFD = nil
                signalWriteFD = nil
            }
            self.epoll = epoll
            self.listenFD = listenFD
            self.port = port
            self.wakeFD = wakeFD
        } catch {
            opened.forEach(Socket.close)
            throw error
        }
    }

    var isDraining: Bool { draining.load(ordering: .acquiring) }

    func requestDrain() {
        draining.store(true, ordering: .releasing)
        wake()
    }

    func handBack(_ connection: Connection, _ disposition: Disposition) {
        returns.push((connection, disposition))
        wake()
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    /// Called once the loop has stopped; the listening socket is already closed by then.
    func closeDescriptors() {
        if signalFD != nil { shim_restore_termination_signals() }
        for fd in [epoll.fd, wakeFD, signalFD, signalWriteFD].compactMap({ $0 }) {
            Socket.close(fd)
        }
    }

    /// Writes the server's own error answer, announcing the close that follows.
    func writeErrorResponse(_ status: HTTPStatus, to connection: Connection, date: inout HTTPDateCache, out: inout [UInt8], timeoutMilliseconds: Int64) {
        out.removeAll(keepingCapacity: true)
        let response = HTTPResponse.serverError(status)
        if serializer.serializeHead(response, requestMethod: "", connection: .close, date: date.current(), into: &out) {
            out += response.body
        }
        try? Socket.sendAll(connection.fd, out[...], timeoutMilliseconds: timeoutMilliseconds)
    }
}
