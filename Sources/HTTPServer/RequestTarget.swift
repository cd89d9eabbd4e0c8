public enum RequestTargetError: Error, Sendable, Equatable {
    case unsupportedForm
    case invalidPercentEncoding
    case encodedNUL
    case invalidUTF8
    case escapesRoot
}

/// The request target split into a decoded, normalised path and decoded query pairs.
struct RequestTarget: Sendable {
    var path: String
    var query: [(name: String, value: String)]
    /// The authority of an absolute-form target, which replaces the Host field (RFC 9112 §3.2.2).
    var authority: String? = nil

    static func parse(_ bytes: [UInt8], method: String) throws(RequestTargetError) -> RequestTarget {
        // RFC 9112 §3.2.4: asterisk-form only for OPTIONS.
        if bytes == [UInt8(ascii: "*")] {
            guard method == "OPTIONS" else { throw .unsupportedForm }
            return RequestTarget(path: "*", query: [])
        }
        var start = 0
        var authority: String?
        if bytes.first != UInt8(ascii: "/") {
            // RFC 9112 §3.2.2: servers must accept absolute-form; keep its path and authority.
            (authority, start) = try absoluteFormAuthority(bytes)
        }
        var end = bytes.count
        var queryStart: Int?
        if let mark = bytes[start...].firstIndex(of: UInt8(ascii: "?")) {
            end = mark
            queryStart = mark + 1
        }
        if let hash = bytes[start..<end].firstIndex(of: UInt8(ascii: "#")) {
            end = hash
        }
        let decoded = try decodePath(bytes[start..<end])
        let path = try removeDotSegments(decoded)
        var query: [(name: String, value: String)] = []
        if let queryStart {
            let queryEnd = bytes[queryStart...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            query = FormURLEncoding.decode(bytes[queryStart..<queryEnd])
        }
        return RequestTarget(path: path, query: query, authority: authority)
    }

    private static func absoluteFormAuthority(_ bytes: [UInt8]) throws(RequestTargetError) -> (String, pathStart: Int) {
        let lowered = bytes.prefix(8).map(\.asciiLowercased)
        let schemeLength: Int
        if lowered.starts(with: Array("http://".utf8)) {
            schemeLength = 7
        } else if lowered.starts(with: Array("https://".utf8)) {
            schemeLength = 8
        } else {
            throw .unsupportedForm
        }
        guard let slash = bytes[schemeLength...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }),
              bytes[slash] == UInt8(ascii: "/")
        else { throw .unsupportedForm }
        // RFC 9110 §4.2.1 and §4.2.4: an empty host is invalid and userinfo is treated as an error.
        let authority = bytes[schemeLength..<slash]
        guard !authority.isEmpty, !authority.contains(UInt8(ascii: "@")) else { throw .unsupportedForm }
        return (String(decoding: authority, as: UTF8.self), slash)
    }

    private static func decodePath(_ bytes: ArraySlice<UInt8>) throws(RequestTargetError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) else {
                    throw .invalidPercentEncoding
                }
                let value = high << 4 | low
                guard value != 0 else { throw .encodedNUL }
                out.append(value)
                i += 3
            } else {
                out.append(byte)
                i += 1
            }
        }
        return out
    }

    /// RFC 3986 §5.2.4, except that climbing above the root is refused instead of clamped:
    /// such a path is an attack, not a typo.
    private static func removeDotSegments(_ path: [UInt8]) throws(RequestTargetError) -> String {
        guard String(validating: path, as: UTF8.self) != nil else { throw .invalidUTF8 }
        let hasDot = path.contains(UInt8(ascii: "."))
        guard hasDot else { return String(decoding: path, as: UTF8.self) }
        var output: [ArraySlice<UInt8>] = []
        let segments = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated().dropFirst() {
            let isLast = index == segments.count - 1
            if segment.elementsEqual([UInt8(ascii: ".")]) {
                if isLast { output.append([]) }
            } else if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                guard !output.isEmpty else { throw .escapesRoot }
                output.removeLast()
                if isLast { output.append([]) }
            } else {
                output.append(segment)
            }
        }
        var result: [UInt8] = []
        for segment in output {
            result.append(UInt8(ascii: "/"))
            result.append(contentsOf: segment)
        }
        if result.isEmpty { result = [UInt8(ascii: "/")] }
        return String(decoding: result, as: UTF8.self)
    }
}

func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
