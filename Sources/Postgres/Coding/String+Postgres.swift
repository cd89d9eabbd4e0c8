extension String: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { self }

    @inlinable
    public init?(postgresText: String) {
        self = postgresText
    }
}
