// Integers travel as plain decimal text, which every integer and numeric input function reads.

extension Int: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { String(self) }

    @inlinable
    public init?(postgresText: String) {
        self.init(postgresText, radix: 10)
    }
}

extension Int64: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { String(self) }

    @inlinable
    public init?(postgresText: String) {
        self.init(postgresText, radix: 10)
    }
}

extension Int32: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { String(self) }

    @inlinable
    public init?(postgresText: String) {
        self.init(postgresText, radix: 10)
    }
}
