/// Files served from memory, each with a strong ETag computed once (RFC 9110 §8.8.3).
public struct StaticAssets: Sendable {
    public struct Asset: Sendable {
        public let contentType: String
        public let bytes: [UInt8]
        public let etag: String
    }

    public var cacheControl: String
    private var assets: [String: Asset] = [:]

    public init(cacheControl: String = "public, max-age=3600") {
        self.cacheControl = cacheControl
    }

    public mutating func add(path: String, contentType: String, bytes: [UInt8]) {
        assets[path] = Asset(contentType: contentType, bytes: bytes, etag: StaticAssets.etag(for: bytes))
    }

    public subscript(path: String) -> Asset? { assets[path] }

    /// The asset at the request's path for GET or HEAD, or 304 when `If-None-Match` names its
    /// ETag (RFC 9110 §13.1.2); nil when there is no such asset.
    public func response(for request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "GET" || request.method == "HEAD", let asset = assets[request.path] else { return nil }
        var headers: HTTPHeaders = ["ETag": asset.etag, "Cache-Control": cacheControl]
        if let condition = request.headers["if-none-match"], StaticAssets.matches(condition, asset.etag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        headers.add("Content-Type", asset.contentType)
        return HTTPResponse(status: .ok, headers: headers, body: asset.bytes)
    }

    /// If-None-Match uses the weak comparison: `W/` prefixes are ignored.
    private static func matches(_ condition: String, _ etag: String) -> Bool {
        if Substring(condition).trimmingSpaces() == "*" { return true }
        return condition.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingSpaces()
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            return tag == etag
        }
    }

    /// Two independent 64-bit FNV-1a hashes and the length: collisions between versions of
    /// the same file are not a practical concern, and no crypto library is needed.
    static func etag(for bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
        }
        return "\"\(hex(first))\(hex(second))-\(String(bytes.count, radix: 16))\""
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
