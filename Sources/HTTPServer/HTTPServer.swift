import Synchronization

/// An HTTP/1.1 server: one event-loop thread reads and parses every connection, a fixed
/// pool of worker threads runs the (blocking) handler.
public final class HTTPServer: Sendable {
    private enum Lifecycle {
        case created
        case started(ServerCore)
        case running(ServerCore)
        case stopped
    }

    public let configuration: HTTPServerConfiguration
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let lifecycle = Mutex(Lifecycle.created)
    private let shutdownRequested = Atomic<Bool>(false)
    private let port = Atomic<Int>(0)

    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The port actually bound (useful with port 0); 0 before `start()`.
    public var boundPort: Int { port.load(ordering: .acquiring) }

    /// Binds and listens; connections queue in the backlog until `run()`.
    public func start() throws(HTTPServerError) {
        try lifecycle.withLock { (state: inout Lifecycle) throws(HTTPServerError) in
            guard case .created = state else { throw .alreadyRunning }
            let core = try ServerCore(configuration: configuration, handler: handler)
            port.store(core.port, ordering: .releasing)
            state = .started(core)
        }
    }

    /// Serves until `shutdown()` (or SIGTERM/SIGINT when configured), then returns once
    /// in-flight requests are answered. Starts the server first if needed.
    public func run() throws(HTTPServerError) {
        if case .created = lifecycle.withLock({ $0 }) { try start() }
        let core = try lifecycle.withLock { (state: inout Lifecycle) throws(HTTPServerError) -> ServerCore in
            guard case .started(let core) = state else { throw .alreadyRunning }
            state = .running(core)
            return core
        }
        if shutdownRequested.load(ordering: .acquiring) { core.requestDrain() }
        var workers: [SystemThread] = []
        defer {
            for _ in workers { core.jobs.push(nil) }
            workers.forEach { $0.join() }
            core.closeDescriptors()
            lifecycle.withLock { $0 = .stopped }
        }
        for _ in 0..<max(1, configuration.workerCount) {
            let worker = Worker(core: core)
            workers.append(try SystemThread { worker.run() })
        }
        try EventLoop(core: core).run()
    }

    /// Asks the server to drain: stop accepting, finish in-flight requests, close idle
    /// connections. Returns at once; `run()` returns when done.
    public func shutdown() {
        shutdownRequested.store(true, ordering: .releasing)
        let state = lifecycle.withLock { $0 }
        switch state {
        case .started(let core), .running(let core): core.requestDrain()
        case .created, .stopped: break
        }
    }
}
