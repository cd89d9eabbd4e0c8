extension Double: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// Swift's shortest round-tripping form, except for the special values, which PostgreSQL
    /// spells `Infinity`, `-Infinity` and `NaN`.
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }

    public init?(postgresText: String) {
        switch postgresText {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(postgresText), value.isFinite else { return nil }
            self = value
        }
    }
}
