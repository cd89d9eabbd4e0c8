extension RequestParser {
    enum Framing {
        case none
        case contentLength(Int)
        case chunked
    }

    /// A parsed request line and header section waiting for its body.
    struct Head {
        var method: String
        var target: String
        var parts: RequestTarget
        var version: HTTPVersion
        var headers: HTTPHeaders
        var remoteAddress: String
        var keepAlive: Bool
        var framing: Framing
        var bodyLimit: Int

        func request(body: [UInt8]) -> HTTPRequest {
            HTTPRequest(method: method, target: target, parts: parts, version: version, headers: headers, body: body, remoteAddress: remoteAddress)
        }
    }

    enum HeadResult {
        case success(Head)
        case failure(HTTPStatus)
    }

    func parseHead(_ buffer: ReadBuffer, headEnd: Int, remoteAddress: String) -> HeadResult {
        let lineEnds = scan.lineEnds
        guard case .success(let line) = parseRequestLine(buffer.slice(0, lineEnds[0] - 2)) else {
            return .failure(requestLineFailure(buffer.slice(0, lineEnds[0] - 2)))
        }
        var headers = HTTPHeaders()
        var hostCount = 0
        var contentLengths: [ArraySlice<UInt8>] = []
        var transferEncodings: [ArraySlice<UInt8>] = []
        var connectionValues: [String] = []
        for index in 1..<(lineEnds.count - 1) {
            let start = lineEnds[index - 1]
            let field = buffer.slice(start, lineEnds[index] - 2 - start)
            guard let (name, value) = RequestParser.parseField(field) else { return .failure(.badRequest) }
            let nameString = String(decoding: name, as: UTF8.self)
            let valueString = String(decoding: value, as: UTF8.self)
            if name.equalsASCIICaseInsensitive("host") { hostCount += 1 }
            else if name.equalsASCIICaseInsensitive("content-length") { contentLengths.append(value) }
            else if name.equalsASCIICaseInsensitive("transfer-encoding") { transferEncodings.append(value) }
            else if name.equalsASCIICaseInsensitive("connection") { connectionValues.append(valueString) }
            headers.add(nameString, valueString)
        }
        // RFC 9112 §3.2: exactly one Host in HTTP/1.1, never more than one.
        if hostCount > 1 || (line.version.minor >= 1 && hostCount == 0) { return .failure(.badRequest) }

        let framing: Framing
        if !transferEncodings.isEmpty {
            // RFC 9112 §6.1: TE in an HTTP/1.0 request means faulty framing.
            // RFC 9112 §6.3: TE together with Content-Length is a smuggling attempt.
            // Only exactly one `chunked` coding is supported; anything else cannot be framed.
            guard line.version.minor >= 1, contentLengths.isEmpty, transferEncodings.count == 1,
                  transferEncodings[0].equalsASCIICaseInsensitive("chunked")
            else { return .failure(.badRequest) }
            framing = .chunked
        } else if !contentLengths.isEmpty {
            // RFC 9110 §8.6 and RFC 9112 §6.3: one Content-Length of 1*DIGIT; repeats and lists
            // are refused outright rather than reconciled.
            guard contentLengths.count == 1, let length = RequestParser.parseContentLength(contentLengths[0]) else {
                return .failure(.badRequest)
            }
            framing = length == 0 ? .none : .contentLength(length)
        } else {
            // RFC 9112 §6.3: a request without either has no body.
            framing = .none
        }

        let parts: RequestTarget
        do {
            parts = try RequestTarget.parse(Array(line.target), method: line.method)
        } catch {
            return .failure(.badRequest)
        }
        // RFC 9112 §3.2.2: with an absolute-form target the Host field is ignored for the
        // target's authority, so that a front proxy and this server agree on which site is meant.
        if let authority = parts.authority { headers.set("Host", authority) }
        let method = line.method
        let target = String(decoding: line.target, as: UTF8.self)
        return .success(Head(
            method: method,
            target: target,
            parts: parts,
            version: line.version,
            headers: headers,
            remoteAddress: remoteAddress,
            keepAlive: RequestParser.keepAlive(version: line.version, connectionValues: connectionValues),
            framing: framing,
            bodyLimit: limits.bodyLimit(method, parts.path)
        ))
    }

    /// RFC 9112 §9.3: HTTP/1.1 persists unless `close`; HTTP/1.0 only with `keep-alive`.
    static func keepAlive(version: HTTPVersion, connectionValues: [String]) -> Bool {
        var close = false
        var keepAlive = false
        for value in connectionValues {
            for option in value.split(separator: ",") {
                let option = option.trimmingSpaces()
                if String(option).equalsIgnoringASCIICase("close") { close = true }
                if String(option).equalsIgnoringASCIICase("keep-alive") { keepAlive = true }
            }
        }
        if close { return false }
        return version.minor >= 1 || keepAlive
    }

    /// 1*DIGIT, at most 18 digits so it cannot overflow (RFC 9110 §8.6).
    static func parseContentLength(_ value: ArraySlice<UInt8>) -> Int? {
        guard !value.isEmpty, value.count <= 18 else { return nil }
        var length = 0
        for byte in value {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            length = length * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return length
    }

    /// field-line = field-name ":" OWS field-value OWS (RFC 9112 §5).
    static func parseField(_ line: ArraySlice<UInt8>) -> (name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)? {
        // RFC 9112 §5.2: obs-fold (a line starting with SP or HTAB) is refused.
        guard let first = line.first, first != 32, first != 9 else { return nil }
        var colon = line.startIndex
        // RFC 9112 §5.1: no whitespace between name and colon; RFC 9110 §5.1: name is a token.
        while colon < line.endIndex && line[colon] != UInt8(ascii: ":") {
            guard line[colon].isTokenCharacter else { return nil }
            colon += 1
        }
        guard colon < line.endIndex, colon > line.startIndex else { return nil }
        var valueStart = colon + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd && (line[valueStart] == 32 || line[valueStart] == 9) { valueStart += 1 }
        while valueEnd > valueStart && (line[valueEnd - 1] == 32 || line[valueEnd - 1] == 9) { valueEnd -= 1 }
        // RFC 9110 §5.5: field values hold VCHAR, obs-text, SP and HTAB — never NUL, CR, LF or
        // other controls.
        for byte in line[valueStart..<valueEnd] where (byte < 32 && byte != 9) || byte == 0x7F {
            return nil
        }
        return (line[line.startIndex..<colon], line[valueStart..<valueEnd])
    }
}

// MARK: - Request line

extension RequestParser {
    struct RequestLine {
        var method: String
        var target: ArraySlice<UInt8>
        var version: HTTPVersion
    }

    enum RequestLineResult {
        case success(RequestLine)
        case failure
    }

    /// request-line = method SP request-target SP HTTP-version (RFC 9112 §3).
    func parseRequestLine(_ line: ArraySlice<UInt8>) -> RequestLineResult {
        guard let firstSpace = line.firstIndex(of: 32), firstSpace > line.startIndex else { return .failure }
        let method = line[line.startIndex..<firstSpace]
        guard method.allSatisfy(\.isTokenCharacter) else { return .failure }
        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: 32), secondSpace > rest.startIndex else { return .failure }
        let target = rest[rest.startIndex..<secondSpace]
        // RFC 3986 characters only: visible ASCII, no controls or whitespace.
        guard target.allSatisfy({ $0 > 32 && $0 < 0x7F }) else { return .failure }
        guard let version = RequestParser.parseVersion(rest[(secondSpace + 1)...]), version.major == 1 else { return .failure }
        return .success(RequestLine(method: String(decoding: method, as: UTF8.self), target: target, version: version))
    }

    /// Tells a well-formed line with another HTTP version (505, RFC 9110 §15.6.6) from garbage (400).
    func requestLineFailure(_ line: ArraySlice<UInt8>) -> HTTPStatus {
        guard let lastSpace = line.lastIndex(of: 32),
              let version = RequestParser.parseVersion(line[(lastSpace + 1)...]),
              version.major != 1
        else { return .badRequest }
        return .httpVersionNotSupported
    }

    /// HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3).
    static func parseVersion(_ bytes: ArraySlice<UInt8>) -> HTTPVersion? {
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else { return nil }
        let major = bytes[bytes.startIndex + 5], dot = bytes[bytes.startIndex + 6], minor = bytes[bytes.startIndex + 7]
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard digits.contains(major), dot == UInt8(ascii: "."), digits.contains(minor) else { return nil }
        return HTTPVersion(major: Int(major - UInt8(ascii: "0")), minor: Int(minor - UInt8(ascii: "0")))
    }
}

extension ArraySlice<UInt8> {
    func equalsASCIICaseInsensitive(_ lowercase: StaticString) -> Bool {
        guard count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            var i = 0
            for byte in self {
                if byte.asciiLowercased != expected[i] { return false }
                i += 1
            }
            return true
        }
    }
}
