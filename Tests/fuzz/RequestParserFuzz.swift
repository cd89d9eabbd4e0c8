// libFuzzer harness for the HTTP/1.1 request parser. Compiled into the same module as the
// HTTPServer sources (Tests/fuzz/build.sh), so the internal parser is reachable without
// `@testable`. Run through `make fuzz` or Tests/fuzz/run.sh.

/// What the parser made of a byte stream: the requests it completed, then how it stopped.
/// Which error status a broken stream gets may depend on how much of it had arrived (a
/// request line too long is seen before its bare LF when bytes come one by one), so only
/// the fact of failing is compared, not the status.
private struct Transcript: Equatable {
    enum End: Equatable { case needMore, closed, failed }
    var requests: [String] = []
    var end = End.needMore
}

/// Small limits so that short inputs reach every limit path.
private func fuzzLimits() -> RequestParser.Limits {
    var configuration = HTTPServerConfiguration()
    configuration.maxRequestLineBytes = 256
    configuration.maxHeaderBytes = 512
    configuration.maxHeaderCount = 8
    configuration.bodyLimit = { _, path in path.hasPrefix("/upload") ? 4096 : 512 }
    return RequestParser.Limits(configuration)
}

/// Feeds `bytes` to one parser in pieces of `step` bytes (0 = all at once), draining every
/// request the buffer holds after each piece, as a connection does.
private func transcript(of bytes: UnsafeRawBufferPointer, step: Int) -> Transcript {
    var parser = RequestParser(limits: fuzzLimits())
    var buffer = ReadBuffer()
    var result = Transcript()
    var offset = 0
    while offset < bytes.count {
        let end = step == 0 ? bytes.count : min(bytes.count, offset + step)
        buffer.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
        offset = end
        while true {
            switch parser.parse(&buffer, remoteAddress: "fuzz") {
            case .needMore:
                break
            case .request(let request, let keepAlive):
                result.requests.append(summary(of: request, keepAlive: keepAlive))
                exerciseDecoders(request)
                if !keepAlive {
                    result.end = .closed
                    return result
                }
                continue
            case .failure(let status):
                precondition((400...599).contains(status.code))
                result.end = .failed
                return result
            }
            break
        }
    }
    return result
}

private func summary(of request: HTTPRequest, keepAlive: Bool) -> String {
    let headers = request.headers.map { "\($0.name)=\($0.value)" }.joined(separator: "|")
    return "\(request.method) \(request.target) \(request.path) \(request.version.minor) \(headers) \(request.body) \(keepAlive)"
}

/// Everything a handler may decode from a request must survive whatever the parser let through.
private func exerciseDecoders(_ request: HTTPRequest) {
    _ = request.formFields()
    _ = request.cookies
    if let parts = try? request.multipartParts(limits: MultipartLimits(maxParts: 8, maxPartHeaderBytes: 256)) {
        precondition(parts.allSatisfy { $0.body.count <= request.body.count })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: count)
    let whole = transcript(of: bytes, step: 0)
    // Bytes arriving one at a time, or in odd-sized pieces, must parse exactly as if they had
    // arrived together: framing that depends on packet boundaries is a smuggling vector.
    for step in [1, 7] {
        let pieces = transcript(of: bytes, step: step)
        precondition(pieces == whole, "step \(step): \(pieces) != \(whole)")
    }
    return 0
}
