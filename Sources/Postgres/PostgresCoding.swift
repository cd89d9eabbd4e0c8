/// A Swift value that can be sent as a bound parameter, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The text PostgreSQL's input function for the target type accepts; nil means NULL.
    var postgresText: String? { get }
}

/// A Swift value that can be read from a result column returned in text format.
public protocol PostgresDecodable {
    /// Reads the server's text output of a non-NULL value; nil when the text is not one.
    init?(postgresText: String)
    /// What NULL reads as: nil (the default) means NULL is an error for this type.
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }
}

/// A type that can be the element of a PostgreSQL array parameter or column. The array's whole
/// text goes through the element type so `[UInt8]` can mean `bytea` rather than a `smallint[]`.
public protocol PostgresArrayElement: Sendable {
    static func postgresArrayText(_ elements: [Self]) -> String
    static func postgresArray(fromText text: String) -> [Self]?
}

extension PostgresArrayElement where Self: PostgresEncodable & PostgresDecodable {
    public static func postgresArrayText(_ elements: [Self]) -> String {
        PostgresArrayLiteral.encode(elements.map(\.postgresText))
    }

    public static func postgresArray(fromText text: String) -> [Self]? {
        guard let items = PostgresArrayLiteral.decode(text) else { return nil }
        var result: [Self] = []
        result.reserveCapacity(items.count)
        for item in items {
            let value: Self?
            if let item {
                value = Self(postgresText: item)
            } else {
                value = Self.postgresNull
            }
            guard let value else { return nil }
            result.append(value)
        }
        return result
    }
}
