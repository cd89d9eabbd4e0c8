/// Connection parameters as libpq keyword/value pairs, handed to `PQconnectdbParams` as they are:
/// values are never spliced into a conninfo string, so a password with spaces or quotes is just data.
public struct PostgresConfiguration: Sendable, Equatable {
    /// Keyword/value pairs in order (`host`, `port`, `user`, `password`, `dbname`, `sslmode`...).
    public var parameters: [(keyword: String, value: String)]

    public init(parameters: [(keyword: String, value: String)]) {
        self.parameters = parameters
    }

    public subscript(keyword: String) -> String? {
        get { parameters.last { $0.keyword == keyword }?.value }
        set {
            parameters.removeAll { $0.keyword == keyword }
            if let newValue { parameters.append((keyword, newValue)) }
        }
    }

    public static func == (lhs: PostgresConfiguration, rhs: PostgresConfiguration) -> Bool {
        lhs.parameters.elementsEqual(rhs.parameters) { $0.keyword == $1.keyword && $0.value == $1.value }
    }

    /// The parameters every connection of this module needs whatever the URL says: UTF-8 text and
    /// ISO dates are what the decoders read, and they must not depend on server or role defaults.
    var connectParameters: [(keyword: String, value: String)] {
        var result = parameters.filter { !["client_encoding", "options"].contains($0.keyword) }
        result.append(("client_encoding", "UTF8"))
        let userOptions = self["options"].map { " " + $0 } ?? ""
        result.append(("options", "-c DateStyle=ISO,YMD" + userOptions))
        if self["connect_timeout"] == nil { result.append(("connect_timeout", "10")) }
        return result
    }
}

extension PostgresConfiguration: CustomStringConvertible {
    /// Safe to log: the password is masked.
    public var description: String {
        parameters.map { $0.keyword + "=" + ($0.keyword == "password" ? "***" : $0.value) }.joined(separator: " ")
    }
}
