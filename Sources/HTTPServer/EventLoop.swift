import CSystemShims
import Glibc

/// The single thread that accepts, reads and parses. It owns the connection table; workers
/// only ever see the connections queued to them.
final class EventLoop {
    private let core: ServerCore
    private var connections: [Int32: Connection] = [:]
    private var listening = true
    private var acceptPausedUntil: Int64?
    private var draining = false
    private var date = HTTPDateCache()
    private var out: [UInt8] = []
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private var readyFDs = [Int32](repeating: 0, count: 256)
    private var readyEvents = [UInt32](repeating: 0, count: 256)

    /// How often deadlines are checked; timeouts are therefore this much late at most.
    private let tickMilliseconds: Int64
    private let lingerMilliseconds: Int64 = 2_000
    private let lingerMaxBytes = 1024 * 1024

    init(core: ServerCore) {
        self.core = core
        let shortest = [core.configuration.headerReadTimeout, core.configuration.bodyReadTimeout, core.configuration.idleTimeout]
            .map(\.milliseconds).min() ?? 1000
        tickMilliseconds = max(10, min(250, shortest / 4))
    }

    deinit {
        scratch.deallocate()
    }

    func run() throws(HTTPServerError) {
        defer {
            if listening { stopListening() }
            connections.values.forEach(close)
        }
        var nextTick = MonotonicClock.milliseconds() + tickMilliseconds
        while true {
            let timeout = max(0, nextTick - MonotonicClock.milliseconds())
            let count = try core.epoll.wait(fds: &readyFDs, events: &readyEvents, timeoutMilliseconds: Int32(timeout))
            for index in 0..<count {
                let fd = readyFDs[index]
                if fd == core.listenFD {
                    acceptAll()
                } else if fd == core.wakeFD {
                    var counter: UInt64 = 0
                    _ = read(fd, &counter, 8)
                } else if fd == core.signalFD {
                    var bytes: UInt64 = 0
                    while read(fd, &bytes, 8) > 0 {}
                    core.requestDrain()
                } else if let connection = connections[fd] {
                    readable(connection)
                }
            }
            for (connection, disposition) in core.returns.takeAll() {
                handedBack(connection, disposition)
            }
            if core.isDraining && !draining { beginDraining() }
            let now = MonotonicClock.milliseconds()
            if now >= nextTick {
                expireDeadlines(now: now)
                nextTick = now + tickMilliseconds
            }
            if draining && connections.isEmpty { return }
        }
    }

    // MARK: Accepting

    private func acceptAll() {
        while listening {
            switch Socket.accept(core.listenFD) {
            case .wouldBlock:
                return
            case .failed:
                // Out of descriptors (EMFILE/ENFILE) or similar: stop polling the listening
                // socket for a tick instead of spinning on it.
                try? core.epoll.modify(core.listenFD, events: 0)
                acceptPausedUntil = MonotonicClock.milliseconds() + tickMilliseconds
                return
            case .accepted(let fd, let address):
                guard connections.count < core.configuration.maxConnections else {
                    Socket.close(fd)
                    continue
                }
                let connection = Connection(fd: fd, remoteAddress: address, limits: core.limits)
                // RFC 9112 §9.5 leaves timeouts to us: a silent new connection gets the header timeout.
                connection.deadline = MonotonicClock.milliseconds() + core.configuration.headerReadTimeout.milliseconds
                do {
                    try core.epoll.add(fd, events: Epoll.readableOnce)
                    connections[fd] = connection
                } catch {
                    Socket.close(fd)
                }
            }
        }
    }

    // MARK: Reading

    private func readable(_ connection: Connection) {
        guard connection.phase != .inWorker else { return }
        let wasIdle = connection.isIdle
        var received = false
        reading: while true {
            switch Socket.receive(connection.fd, into: scratch) {
            case .received(let count):
                received = true
                if connection.phase == .lingering {
                    connection.lingeredBytes += count
                    if connection.lingeredBytes > lingerMaxBytes { return close(connection) }
                } else {
                    connection.buffer.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                }
                if count < scratch.count { break reading }
            case .wouldBlock:
                break reading
            case .closed, .failed:
                return close(connection)
            }
        }
        if connection.phase == .lingering { return rearm(connection) }
        guard received else { return rearm(connection) }
        let now = MonotonicClock.milliseconds()
        if wasIdle {
            // The first byte of a request starts its header timeout.
            connection.deadline = now + core.configuration.headerReadTimeout.milliseconds
        }
        parse(connection, now: now, progressed: true)
    }

    private func parse(_ connection: Connection, now: Int64, progressed: Bool) {
        switch connection.parser.parse(&connection.buffer, remoteAddress: connection.remoteAddress) {
        case .request(let request, let keepAlive):
            connection.phase = .inWorker
            core.jobs.push(Job(connection: connection, request: request, keepAlive: keepAlive))
        case .needMore:
            if connection.parser.isReadingBody && progressed {
                connection.deadline = now + core.configuration.bodyReadTimeout.milliseconds
            }
            rearm(connection)
        case .failure(let status):
            fail(connection, status)
        }
    }

    /// Answers with the server's own error, then lingers before closing (RFC 9112 §9.6).
    private func fail(_ connection: Connection, _ status: HTTPStatus) {
        core.writeErrorResponse(status, to: connection, date: &date, out: &out, timeoutMilliseconds: 0)
        linger(connection)
    }

    private func linger(_ connection: Connection) {
        Socket.shutdownWrite(connection.fd)
        connection.phase = .lingering
        connection.deadline = MonotonicClock.milliseconds() + lingerMilliseconds
        rearm(connection)
    }

    private func rearm(_ connection: Connection) {
        do {
            try core.epoll.modify(connection.fd, events: Epoll.readableOnce)
        } catch {
            close(connection)
        }
    }

    private func close(_ connection: Connection) {
        connections.removeValue(forKey: connection.fd)
        Socket.close(connection.fd)
    }

    // MARK: Hand-backs, deadlines, draining

    private func handedBack(_ connection: Connection, _ disposition: Disposition) {
        switch disposition {
        case .close:
            close(connection)
        case .linger:
            linger(connection)
        case .rearm:
            connection.phase = .reading
            // Draining: a request not yet complete is not in flight, so it is not waited for.
            if draining { return close(connection) }
            let now = MonotonicClock.milliseconds()
            if connection.isIdle {
                connection.deadline = now + core.configuration.idleTimeout.milliseconds
            } else if connection.parser.isReadingBody {
                connection.deadline = now + core.configuration.bodyReadTimeout.milliseconds
            } else {
                connection.deadline = now + core.configuration.headerReadTimeout.milliseconds
            }
            rearm(connection)
        }
    }

    private func expireDeadlines(now: Int64) {
        if let pausedUntil = acceptPausedUntil, now >= pausedUntil, listening {
            acceptPausedUntil = nil
            try? core.epoll.modify(core.listenFD, events: Epoll.readable)
        }
        for connection in connections.values where connection.phase != .inWorker && now >= connection.deadline {
            if connection.phase == .lingering || connection.isIdle {
                // An idle keep-alive connection is closed silently (RFC 9112 §9.8).
                close(connection)
            } else {
                // RFC 9110 §15.5.9: 408 for a request not completed in time.
                fail(connection, .requestTimeout)
            }
        }
    }

    private func stopListening() {
        listening = false
        core.epoll.remove(core.listenFD)
        Socket.close(core.listenFD)
    }

    /// Stops accepting and closes every connection not running a handler; those that are
    /// get `Connection: close` on their answer and are closed when handed back.
    private func beginDraining() {
        draining = true
        stopListening()
        for connection in connections.values where connection.phase != .inWorker {
            close(connection)
        }
    }
}
