extension String: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { self }

    public init?(postgresText: String) {
        self = postgresText
    }
}
