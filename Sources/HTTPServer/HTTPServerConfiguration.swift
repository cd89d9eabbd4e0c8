public struct HTTPServerConfiguration: Sendable {
    /// An IPv4 or IPv6 literal.
    public var host: String = "127.0.0.1"
    /// 0 lets the system choose; read it back from `HTTPServer.boundPort`.
    public var port: Int = 8080
    public var listenBacklog: Int = 1024
    /// Threads running the handler; connections waiting for a request need none.
    public var workerCount: Int = 16
    /// Connections beyond this are accepted and closed at once.
    public var maxConnections: Int = 16_384

    public var maxRequestLineBytes: Int = 8 * 1024
    /// Header section bytes after the request line; chunked trailers count against it too.
    public var maxHeaderBytes: Int = 16 * 1024
    public var maxHeaderCount: Int = 100
    /// Largest body accepted for a method and decoded path; more is answered with 413.
    public var bodyLimit: @Sendable (_ method: String, _ path: String) -> Int = { _, _ in 1024 * 1024 }

    /// From the first byte of a request (or the accept) to the end of its header section → 408.
    public var headerReadTimeout: Duration = .seconds(10)
    /// Longest silence while a body is being received → 408.
    public var bodyReadTimeout: Duration = .seconds(30)
    /// Longest wait for the next request on a kept-alive connection; closed silently.
    public var idleTimeout: Duration = .seconds(60)
    /// Longest wait for a slow reader to accept more response bytes.
    public var writeTimeout: Duration = .seconds(30)

    /// Added to every response, the server's own error responses included, unless the
    /// response sets a header of the same name.
    public var defaultHeaders: [(String, String)] = []
    /// Installs SIGTERM/SIGINT handlers that drain the server; only one server per process may.
    public var handlesTerminationSignals: Bool = false

    public init() {}
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
