extension Bool: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { self ? "t" : "f" }

    /// The server writes booleans as `t` / `f`.
    public init?(postgresText: String) {
        switch postgresText {
        case "t": self = true
        case "f": self = false
        default: return nil
        }
    }
}
