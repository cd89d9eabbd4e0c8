/// One parsed request. The server builds it; tests and handlers may build one directly.
public struct HTTPRequest: Sendable {
    /// The method token exactly as sent (methods are case-sensitive, RFC 9110 §9.1).
    public var method: String
    /// The request target as sent (RFC 9112 §3.2).
    public var target: String
    /// The percent-decoded path without the query, dot segments removed.
    public var path: String
    /// Decoded query pairs in order (`+` is a space).
    public var query: [(name: String, value: String)]
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var remoteAddress: String

    public init(
        method: String,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        remoteAddress: String = ""
    ) throws(RequestTargetError) {
        let parts = try RequestTarget.parse(Array(target.utf8), method: method)
        self.method = method
        self.target = target
        self.path = parts.path
        self.query = parts.query
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    init(method: String, target: String, parts: RequestTarget, version: HTTPVersion, headers: HTTPHeaders, body: [UInt8], remoteAddress: String) {
        self.method = method
        self.target = target
        self.path = parts.path
        self.query = parts.query
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The first value of the query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
