/// Incremental HTTP/1.1 request parser (RFC 9112) over a connection's `ReadBuffer`.
/// It only ever consumes complete messages, so a connection hands the buffer and the parser
/// together between threads.
struct RequestParser {
    struct Limits {
        var maxRequestLineBytes: Int
        var maxHeaderBytes: Int
        var maxHeaderCount: Int
        var bodyLimit: @Sendable (String, String) -> Int

        init(_ configuration: HTTPServerConfiguration) {
            maxRequestLineBytes = configuration.maxRequestLineBytes
            maxHeaderBytes = configuration.maxHeaderBytes
            maxHeaderCount = configuration.maxHeaderCount
            bodyLimit = configuration.bodyLimit
        }
    }

    enum Outcome {
        case needMore
        case request(HTTPRequest, keepAlive: Bool)
        /// The connection must answer with this status and close.
        case failure(HTTPStatus)
    }

    private enum Phase {
        case head
        case fixedBody(Head, length: Int)
        case chunkedBody(Head, ChunkedBodyDecoder)
    }

    let limits: Limits
    private var phase: Phase = .head
    private(set) var scan = HeadScan()

    init(limits: Limits) {
        self.limits = limits
    }

    /// True between messages: no byte of the next request has been consumed or scanned.
    var isBetweenRequests: Bool {
        if case .head = phase { return scan.offset == 0 }
        return false
    }

    var isReadingBody: Bool {
        if case .head = phase { return false }
        return true
    }

    mutating func parse(_ buffer: inout ReadBuffer, remoteAddress: String) -> Outcome {
        if case .head = phase {
            switch scanHead(&buffer) {
            case .needMore: return .needMore
            case .failure(let status): return .failure(status)
            case .complete(let headEnd):
                let parsed = parseHead(buffer, headEnd: headEnd, remoteAddress: remoteAddress)
                let headerBytes = headEnd - scan.lineEnds[0]
                let headerCount = scan.lineEnds.count - 2
                buffer.consume(headEnd)
                scan.reset()
                switch parsed {
                case .failure(let status):
                    return .failure(status)
                case .success(let head):
                    switch head.framing {
                    case .none:
                        return .request(head.request(body: []), keepAlive: head.keepAlive)
                    case .contentLength(let length):
                        guard length <= head.bodyLimit else { return .failure(.contentTooLarge) }
                        phase = .fixedBody(head, length: length)
                    case .chunked:
                        phase = .chunkedBody(head, ChunkedBodyDecoder(
                            limit: head.bodyLimit,
                            headerBytes: headerBytes,
                            headerCount: headerCount
                        ))
                    }
                }
            }
        }
        switch phase {
        case .head:
            return .needMore
        case .fixedBody(let head, let length):
            guard buffer.readableCount >= length else { return .needMore }
            let body = Array(buffer.slice(0, length))
            buffer.consume(length)
            phase = .head
            return .request(head.request(body: body), keepAlive: head.keepAlive)
        case .chunkedBody(let head, var decoder):
            phase = .head  // drop the decoder's copy-on-write reference while it grows
            switch decoder.decode(&buffer, limits: limits) {
            case .needMore:
                phase = .chunkedBody(head, decoder)
                return .needMore
            case .failure(let status):
                return .failure(status)
            case .done:
                return .request(head.request(body: decoder.body), keepAlive: head.keepAlive)
            }
        }
    }
}

// MARK: - Finding the end of the header section

extension RequestParser {
    /// Where the scan for the blank line ending the header section stopped, so bytes that
    /// arrive one at a time are each looked at once.
    struct HeadScan {
        var offset = 0
        var lineStart = 0
        /// Offset just past each line's CRLF; the first is the request line's.
        var lineEnds: [Int] = []

        mutating func reset() {
            offset = 0
            lineStart = 0
            lineEnds.removeAll(keepingCapacity: true)
        }
    }

    private enum ScanResult {
        case needMore
        case complete(headEnd: Int)
        case failure(HTTPStatus)
    }

    private mutating func scanHead(_ buffer: inout ReadBuffer) -> ScanResult {
        // RFC 9112 §2.2: ignore empty lines received before the request line.
        if scan.offset == 0 {
            while buffer.readableCount >= 2 && buffer[0] == 13 && buffer[1] == 10 {
                buffer.consume(2)
            }
            if buffer.readableCount == 1 && buffer[0] == 13 { return .needMore }
        }
        while let lf = buffer.firstLF(from: scan.offset) {
            // RFC 9112 §2.2: a bare LF line terminator is refused rather than guessed at.
            guard lf > 0 && buffer[lf - 1] == 13 else { return .failure(.badRequest) }
            let lineLength = lf - 1 - scan.lineStart
            scan.offset = lf + 1
            scan.lineStart = lf + 1
            if scan.lineEnds.isEmpty {
                // RFC 9112 §3: a request line longer than we accept → 414 (RFC 9110 §15.5.15).
                guard lineLength <= limits.maxRequestLineBytes else { return .failure(.uriTooLong) }
                scan.lineEnds.append(lf + 1)
                continue
            }
            // RFC 9110 §15.5.22 / RFC 6585 §5: header section over our limits → 431.
            guard lf + 1 - scan.lineEnds[0] <= limits.maxHeaderBytes + 2 else {
                return .failure(.requestHeaderFieldsTooLarge)
            }
            scan.lineEnds.append(lf + 1)
            if lineLength == 0 { return .complete(headEnd: lf + 1) }
            guard scan.lineEnds.count - 1 <= limits.maxHeaderCount else {
                return .failure(.requestHeaderFieldsTooLarge)
            }
        }
        scan.offset = buffer.readableCount
        if scan.lineEnds.isEmpty {
            if buffer.readableCount - scan.lineStart > limits.maxRequestLineBytes + 1 { return .failure(.uriTooLong) }
        } else if buffer.readableCount - scan.lineEnds[0] > limits.maxHeaderBytes + 2 {
            return .failure(.requestHeaderFieldsTooLarge)
        }
        return .needMore
    }
}
