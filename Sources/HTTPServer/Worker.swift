/// A pool thread: runs the handler for queued requests, writes the answers, then serves
/// any pipelined request already buffered before handing the connection back.
struct Worker {
    let core: ServerCore

    /// Bodies up to this size are copied behind the head and sent in one call.
    private static let coalesceLimit = 64 * 1024

    func run() {
        var date = HTTPDateCache()
        var out: [UInt8] = []
        out.reserveCapacity(Worker.coalesceLimit)
        while let job = core.jobs.pop() {
            let disposition = serve(job, date: &date, out: &out)
            core.handBack(job.connection, disposition)
        }
    }

    private func serve(_ job: Job, date: inout HTTPDateCache, out: inout [UInt8]) -> Disposition {
        let connection = job.connection
        let writeTimeout = core.configuration.writeTimeout.milliseconds
        var request = job.request
        var keepAlive = job.keepAlive
        while true {
            let response = core.handler(request)
            let close = !keepAlive || core.isDraining || Worker.asksToClose(response)
            let connectionHeader: ConnectionHeader = close ? .close : (request.version.minor == 0 ? .keepAlive : .implicit)
            out.removeAll(keepingCapacity: true)
            let includeBody = core.serializer.serializeHead(response, requestMethod: request.method, connection: connectionHeader, date: date.current(), into: &out)
            do throws(HTTPServerError) {
                if includeBody && response.body.count <= Worker.coalesceLimit {
                    out += response.body
                    try Socket.sendAll(connection.fd, out[...], timeoutMilliseconds: writeTimeout)
                } else {
                    try Socket.sendAll(connection.fd, out[...], timeoutMilliseconds: writeTimeout)
                    if includeBody {
                        try Socket.sendAll(connection.fd, response.body[...], timeoutMilliseconds: writeTimeout)
                    }
                }
            } catch {
                return .close
            }
            if close { return connection.buffer.isEmpty ? .close : .linger }
            // RFC 9112 §9.3.2: pipelined requests are answered in the order received.
            switch connection.parser.parse(&connection.buffer, remoteAddress: connection.remoteAddress) {
            case .request(let next, let nextKeepAlive):
                request = next
                keepAlive = nextKeepAlive
            case .needMore:
                return .rearm
            case .failure(let status):
                core.writeErrorResponse(status, to: connection, date: &date, out: &out, timeoutMilliseconds: writeTimeout)
                return .linger
            }
        }
    }

    private static func asksToClose(_ response: HTTPResponse) -> Bool {
        response.headers.values(for: "connection").contains { value in
            value.split(separator: ",").contains { String($0.trimmingSpaces()).equalsIgnoringASCIICase("close") }
        }
    }
}
