import Dispatch
import Glibc
import Testing
@testable import HTTPServer

/// A server on 127.0.0.1, port 0, running on its own thread.
final class RunningServer: Sendable {
    let server: HTTPServer
    private let finished = DispatchSemaphore(value: 0)

    init(configure: (inout HTTPServerConfiguration) -> Void = { _ in }, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws {
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configure(&configuration)
        server = HTTPServer(configuration: configuration, handler: handler)
        try server.start()
        let server = server, finished = finished
        _ = try SystemThread {
            do {
                try server.run()
            } catch {
                Issue.record("run() failed: \(error)")
            }
            finished.signal()
        }
    }

    var port: Int { server.boundPort }

    /// Blocks until `run()` has returned.
    func waitUntilStopped() {
        finished.wait()
    }

    func stop() {
        server.shutdown()
        waitUntilStopped()
    }

    func client() throws -> TestClient {
        try TestClient(port: port)
    }
}

struct TestResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum TestClientError: Error {
    case connectFailed(Int32)
    case closedEarly
    case malformed
}

/// A blocking client speaking raw bytes. Reads give up after a generous timeout so a broken
/// server fails the test instead of hanging it; no assertion depends on timing.
final class TestClient {
    let fd: Int32
    private var pending: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestClientError.connectFailed(code)
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        Glibc.close(fd)
    }

    func send(_ text: String) {
        send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Reads more bytes into `pending`; false on EOF, error or timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        var count: Int
        // A socket with SO_RCVTIMEO is not restarted after a signal (the SIGTERM test sends one).
        repeat {
            count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        } while count < 0 && errno == EINTR
        guard count > 0 else { return false }
        pending += chunk[0..<count]
        return true
    }

    func readResponse(toHead: Bool = false) throws -> TestResponse {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = pending.indices.dropLast(3).first { pending[$0] == 13 && pending[$0 + 1] == 10 && pending[$0 + 2] == 13 && pending[$0 + 3] == 10 }
            if headEnd == nil && !fill() { throw TestClientError.closedEarly }
        }
        let head = String(decoding: pending[0..<headEnd!], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestClientError.malformed }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw TestClientError.malformed }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        pending.removeFirst(headEnd! + 4)
        let length = toHead ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while pending.count < length {
            guard fill() else { throw TestClientError.closedEarly }
        }
        let body = Array(pending[0..<length])
        pending.removeFirst(length)
        return TestResponse(status: status, headers: headers, body: body)
    }

    /// True when the server has closed the connection (EOF or reset) with nothing more sent.
    func isClosedByServer() -> Bool {
        pending.isEmpty && !fill()
    }
}

/// Makes sure this process may open `count` descriptors.
func raiseDescriptorLimit(to count: Int) {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_cur < rlim_t(count) {
        limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
