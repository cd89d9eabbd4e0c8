import Foundation
import Postgres
import Testing

/// Each value goes to the server as a bound parameter cast to its column type and comes back
/// in the server's own text output, so both directions are checked against PostgreSQL itself.
@Suite struct CodingRoundTripTests {
    private func roundTrip<T: PostgresEncodable & PostgresDecodable>(_ value: T, _ type: String) throws -> T {
        let connection = try TestDatabase.connect()
        return try connection.scalar("SELECT \(value)::\(unsafeSQL: type) AS v", as: T.self)
    }

    @Test(arguments: ["", "plain", "Zoé Ñandú — 日本語 🎉", "it's \"quoted\"", "back\\slash", "line\nbreak\ttab", "NULL", "{a,b}"])
    func string_roundTrips(value: String) throws {
        #expect(try roundTrip(value, "text") == value)
    }

    @Test(arguments: [Int.min, -1, 0, 42, Int.max])
    func int_roundTripsAsBigint(value: Int) throws {
        #expect(try roundTrip(value, "bigint") == value)
    }

    @Test(arguments: [Int64.min, -9_000_000_000, Int64.max])
    func int64_roundTripsIncludingExtremes(value: Int64) throws {
        #expect(try roundTrip(value, "bigint") == value)
    }

    @Test(arguments: [Int32.min, -7, Int32.max])
    func int32_roundTripsAsInteger(value: Int32) throws {
        #expect(try roundTrip(value, "integer") == value)
    }

    @Test(arguments: [true, false])
    func bool_roundTrips(value: Bool) throws {
        #expect(try roundTrip(value, "boolean") == value)
    }

    @Test(arguments: [0.0, -0.5, 0.1, 1e-300, -1.7976931348623157e308, 123_456.789_012_345, .infinity, -.infinity])
    func double_roundTripsExactly(value: Double) throws {
        #expect(try roundTrip(value, "double precision") == value)
    }

    @Test func doubleNaN_roundTrips() throws {
        #expect(try roundTrip(Double.nan, "double precision").isNaN)
    }

    @Test(arguments: [[], [0], [0x00, 0xFF, 0x5C, 0x78, 0x27], Array(0...255)] as [[UInt8]])
    func bytes_roundTripAsBytea(value: [UInt8]) throws {
        #expect(try roundTrip(value, "bytea") == value)
    }

    @Test func bytes_areSentAsByteaNotAsAnArray() throws {
        let connection = try TestDatabase.connect()
        #expect(try connection.scalar("SELECT octet_length(\([UInt8]([1, 2, 3]))::bytea)", as: Int.self) == 3)
        #expect(try connection.scalar("SELECT \([UInt8]([0xDE, 0xAD]))::bytea = '\\xdead'::bytea", as: Bool.self))
    }

    @Test func uuid_roundTrips() throws {
        let value = UUID()
        #expect(try roundTrip(value, "uuid") == value)
        let connection = try TestDatabase.connect()
        let fixed = UUID(uuidString: "6BA7B810-9DAD-11D1-80B4-00C04FD430C8")!
        #expect(try connection.scalar("SELECT \(fixed)::uuid = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'", as: Bool.self))
    }

    @Test(arguments: [
        ["a,b", "\"quoted\"", "NULL", "null", "", "back\\slash", "{brace}", " spaced ", "é🎉"],
        [],
    ])
    func stringArray_roundTripsAsTextArray(value: [String]) throws {
        #expect(try roundTrip(value, "text[]") == value)
        let connection = try TestDatabase.connect()
        #expect(try connection.scalar("SELECT cardinality(\(value)::text[])", as: Int.self) == value.count)
    }

    @Test func intArray_roundTripsAsBigintArray() throws {
        let value = [Int.min, -5, 0, 7, Int.max]
        #expect(try roundTrip(value, "bigint[]") == value)
    }

    @Test func arrayWithNullElements_roundTripsAsOptionals() throws {
        let value: [String?] = ["a", nil, "NULL", nil]
        #expect(try roundTrip(value, "text[]") == value)
        let connection = try TestDatabase.connect()
        #expect(try connection.scalar("SELECT (\(value)::text[])[2] IS NULL AND (\(value)::text[])[3] = 'NULL'", as: Bool.self))
    }

    @Test func nullElement_isADecodingErrorForNonOptionalElements() throws {
        let connection = try TestDatabase.connect()
        #expect(throws: PostgresError.decoding(column: "v", type: "Array<String>", value: "{a,NULL}")) {
            try connection.scalar("SELECT ARRAY['a', NULL] AS v", as: [String].self)
        }
    }

    @Test func nil_isSentAsNullAndReadBackAsNil() throws {
        let connection = try TestDatabase.connect()
        let missing: Int? = nil
        let present: Int? = 3
        let rows = try connection.query("SELECT \(missing)::bigint AS v, \(present)::bigint AS w")
        #expect(rows[0].isNull(0))
        #expect(try rows[0].isNull("v"))
        #expect(try rows[0].decode("v", as: Int?.self) == nil)
        #expect(try rows[0].decode("w", as: Int?.self) == 3)
        #expect(throws: PostgresError.decoding(column: "v", type: "Int", value: "NULL")) {
            try rows[0].decode("v", as: Int.self)
        }
    }

    @Test(arguments: [
        1_700_000_000_123_456,  // 2023-11-14 22:13:20.123456 UTC
        0,
        -1,  // 1969-12-31 23:59:59.999999 UTC
        -2_208_988_800_000_000,  // 1900-01-01 00:00:00 UTC
        3_170_059_200_654_321,  // 2070-06-15 12:00:00.654321 UTC
    ] as [Int64])
    func date_roundTripsWithMicroseconds(micros: Int64) throws {
        let date = Date(micros: micros)
        #expect(try roundTrip(date, "timestamptz") == date)
        let connection = try TestDatabase.connect()
        #expect(try connection.scalar("SELECT (extract(epoch FROM \(date)::timestamptz) * 1000000)::bigint", as: Int64.self) == micros)
    }

    @Test func date_isSentAsUTCWithMicroseconds() {
        #expect(Date(micros: 1_700_000_000_123_456).postgresText == "2023-11-14T22:13:20.123456Z")
        #expect(Date(micros: -1).postgresText == "1969-12-31T23:59:59.999999Z")
    }

    @Test(arguments: [
        ("Asia/Kolkata", "2024-01-01 05:30:00.123456+05:30"),
        ("America/St_Johns", "2023-12-31 20:30:00.123456-03:30"),
        ("UTC", "2024-01-01 00:00:00.123456+00"),
    ])
    func date_isDecodedWhateverTheSessionTimeZone(zone: String, expectedText: String) throws {
        let connection = try TestDatabase.connect()
        try connection.execute("SELECT set_config('TimeZone', \(zone), false)")
        let rows = try connection.query("SELECT '2024-01-01 00:00:00.123456+00'::timestamptz AS v")
        #expect(rows[0][0] == expectedText)
        #expect(try rows[0].decode("v", as: Date.self) == Date(micros: 1_704_067_200_123_456))
    }

    @Test func mismatchedText_throwsDecodingErrorNamingColumnTypeAndValue() throws {
        let connection = try TestDatabase.connect()
        let rows = try connection.query("SELECT 'abc'::text AS word, 1.5::float8 AS ratio")
        #expect(throws: PostgresError.decoding(column: "word", type: "Int", value: "abc")) {
            try rows[0].decode("word", as: Int.self)
        }
        #expect(throws: PostgresError.decoding(column: "ratio", type: "Bool", value: "1.5")) {
            try rows[0].decode(1, as: Bool.self)
        }
        #expect(throws: PostgresError.columnNotFound("missing")) {
            try rows[0].decode("missing", as: String.self)
        }
    }

    @Test func row_exposesColumnsInResultOrder() throws {
        let connection = try TestDatabase.connect()
        let rows = try connection.query("SELECT 1 AS one, 'two' AS two UNION ALL SELECT 3, 'four'")
        #expect(rows.count == 2)
        #expect(rows[0].columns == ["one", "two"])
        #expect(try rows[1].decode("two", as: String.self) == "four")
        #expect(try rows[1].decode(0, as: Int.self) == 3)
    }
}

extension Date {
    /// An instant given in whole microseconds since 1970, built exactly as the decoder does.
    init(micros: Int64) {
        self.init(timeIntervalSinceReferenceDate: Double(micros - 978_307_200_000_000) / 1_000_000)
    }
}
