extension PostgresConfiguration {
    /// Reads `postgresql://user:password@host:port/dbname?sslmode=require&application_name=x`
    /// (or `postgres://`). Every part is percent-decoded; hosts may be a comma list
    /// (`h1:5432,h2:5433`) and IPv6 addresses are bracketed. Query items pass through as libpq
    /// keywords, so libpq itself rejects the ones it does not know.
    public init(url: String) throws {
        let schemes = ["postgresql://", "postgres://"]
        guard let scheme = schemes.first(where: { url.hasPrefix($0) }) else {
            throw PostgresError.invalidURL("expected postgresql:// or postgres://")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var parameters: [(keyword: String, value: String)] = []
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                parameters.append(("user", try Self.percentDecoded(userInfo[..<colon])))
                parameters.append(("password", try Self.percentDecoded(userInfo[userInfo.index(after: colon)...])))
            } else if !userInfo.isEmpty {
                parameters.append(("user", try Self.percentDecoded(userInfo)))
            }
        }
        if !rest.isEmpty {
            var hosts: [String] = []
            var ports: [String] = []
            for item in rest.split(separator: ",", omittingEmptySubsequences: false) {
                let (host, port) = try Self.splitHostPort(item)
                hosts.append(try Self.percentDecoded(host))
                ports.append(String(port ?? ""))
            }
            parameters.append(("host", hosts.joined(separator: ",")))
            if ports.contains(where: { !$0.isEmpty }) {
                parameters.append(("port", ports.joined(separator: ",")))
            }
        }
        if !path.isEmpty {
            parameters.append(("dbname", try Self.percentDecoded(path)))
        }
        for item in query.split(separator: "&") {
            guard let equals = item.firstIndex(of: "=") else {
                throw PostgresError.invalidURL("query item without a value: \(item)")
            }
            let keyword = try Self.percentDecoded(item[..<equals])
            let value = try Self.percentDecoded(item[item.index(after: equals)...])
            parameters.removeAll { $0.keyword == keyword }
            parameters.append((keyword, value))
        }
        self.init(parameters: parameters)
    }

    private static func splitHostPort(_ item: Substring) throws -> (host: Substring, port: Substring?) {
        var host = item
        var afterHost: Substring = ""
        if item.hasPrefix("[") {
            guard let close = item.firstIndex(of: "]") else {
                throw PostgresError.invalidURL("unterminated IPv6 address")
            }
            host = item[item.index(after: item.startIndex)..<close]
            afterHost = item[item.index(after: close)...]
        } else if let colon = item.lastIndex(of: ":") {
            host = item[..<colon]
            afterHost = item[colon...]
        }
        guard !afterHost.isEmpty else { return (host, nil) }
        let port = afterHost.dropFirst()
        guard afterHost.first == ":", !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw PostgresError.invalidURL("invalid port in \(item)")
        }
        return (host, port)
    }

    private static func percentDecoded(_ text: Substring) throws -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw PostgresError.invalidURL("bad percent-encoding")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw PostgresError.invalidURL("percent-encoding is not UTF-8")
        }
        return decoded
    }
}

/// The value of one ASCII hex digit, or nil.
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
