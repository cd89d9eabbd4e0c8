public struct MultipartPart: Sendable, Equatable {
    public var name: String
    public var filename: String?
    public var contentType: String?
    public var body: [UInt8]

    public init(name: String, filename: String? = nil, contentType: String? = nil, body: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.body = body
    }
}

public struct MultipartLimits: Sendable {
    public var maxParts: Int
    public var maxPartHeaderBytes: Int

    public init(maxParts: Int = 100, maxPartHeaderBytes: Int = 4 * 1024) {
        self.maxParts = maxParts
        self.maxPartHeaderBytes = maxPartHeaderBytes
    }
}

public enum MultipartError: Error, Sendable, Equatable {
    case notMultipart
    case missingBoundary
    case malformed
    case tooManyParts
    case partHeadersTooLarge
    case missingName
}

extension HTTPRequest {
    /// Parts of a multipart/form-data body (RFC 7578), refusing more parts or larger part
    /// headers than `limits` allow.
    public func multipartParts(limits: MultipartLimits = MultipartLimits()) throws(MultipartError) -> [MultipartPart] {
        guard let contentType = headers["content-type"] else { throw .notMultipart }
        let mediaType = MediaType(contentType)
        guard mediaType.matches("multipart/form-data") else { throw .notMultipart }
        // RFC 2046 §5.1.1: 1 to 70 characters.
        guard let boundary = mediaType.parameters["boundary"], (1...70).contains(boundary.utf8.count) else {
            throw .missingBoundary
        }
        return try MultipartParser(body: body, boundary: Array(boundary.utf8), limits: limits).parse()
    }
}

private struct MultipartParser {
    let body: [UInt8]
    let delimiter: [UInt8]   // "--boundary"
    let limits: MultipartLimits

    init(body: [UInt8], boundary: [UInt8], limits: MultipartLimits) {
        self.body = body
        self.delimiter = Array("--".utf8) + boundary
        self.limits = limits
    }

    func parse() throws(MultipartError) -> [MultipartPart] {
        let crlf: [UInt8] = [13, 10]
        // The first delimiter opens the body or follows a preamble ending in CRLF.
        var position: Int
        if body.starts(with: delimiter) {
            position = delimiter.count
        } else if let found = find(crlf + delimiter, from: 0) {
            position = found + 2 + delimiter.count
        } else {
            throw .malformed
        }
        var parts: [MultipartPart] = []
        while true {
            if has("--", at: position) { return parts }
            // Transport padding (spaces/tabs) may follow a delimiter.
            while position < body.count, body[position] == 32 || body[position] == 9 { position += 1 }
            guard has("\r\n", at: position) else { throw .malformed }
            position += 2
            guard parts.count < limits.maxParts else { throw .tooManyParts }
            let headerLimit = min(body.count, position + limits.maxPartHeaderBytes)
            let headerEnd: Int
            if has("\r\n", at: position) {
                headerEnd = position - 2
            } else if let end = find([13, 10, 13, 10], from: position, before: headerLimit) {
                headerEnd = end
            } else {
                throw find([13, 10, 13, 10], from: position) == nil ? .malformed : .partHeadersTooLarge
            }
            let headers = try parseHeaders(position, headerEnd)
            let contentStart = headerEnd + 4
            guard let contentEnd = find(crlf + delimiter, from: contentStart) else { throw .malformed }
            parts.append(try makePart(headers, Array(body[contentStart..<contentEnd])))
            position = contentEnd + 2 + delimiter.count
        }
    }

    private func parseHeaders(_ start: Int, _ end: Int) throws(MultipartError) -> HTTPHeaders {
        var headers = HTTPHeaders()
        guard start < end else { return headers }
        for line in body[start..<end].split(separator: 10) {
            var line = line
            if line.last == 13 { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { throw .malformed }
            guard !line.contains(where: { $0 < 32 && $0 != 9 }) else { throw .malformed }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
            headers.add(name, String(Substring(value).trimmingSpaces()))
        }
        return headers
    }

    private func makePart(_ headers: HTTPHeaders, _ content: [UInt8]) throws(MultipartError) -> MultipartPart {
        guard let disposition = headers["content-disposition"] else { throw .malformed }
        let parsed = MediaType(disposition)
        guard parsed.type == "form-data" else { throw .malformed }
        guard let name = parsed.parameters["name"] else { throw .missingName }
        return MultipartPart(
            name: name,
            filename: parsed.parameters["filename"],
            contentType: headers["content-type"],
            body: content
        )
    }

    private func has(_ text: String, at position: Int) -> Bool {
        let bytes = Array(text.utf8)
        guard position + bytes.count <= body.count else { return false }
        return body[position..<(position + bytes.count)].elementsEqual(bytes)
    }

    private func find(_ needle: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
        let end = (limit ?? body.count) - needle.count
        guard start <= end, let first = needle.first else { return nil }
        var i = start
        while i <= end {
            if body[i] == first && body[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
