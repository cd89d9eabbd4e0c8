import Postgres

extension SQL.StringInterpolation {
    /// An optional value, NULL when nil; named so the call site says the NULL is intended.
    mutating func appendInterpolation<Value: PostgresEncodable>(nullable value: Value?) {
        appendInterpolation(value)
    }
}
