import Foundation
import Postgres
import Testing

@Suite struct DateDecodingTests {
    @Test(arguments: [
        ("2024-03-31 02:30:00.5+02", 1_711_845_000_500_000),
        ("2024-03-31 00:30:00.5+00", 1_711_845_000_500_000),
        ("2024-03-30 19:30:00.5-05", 1_711_845_000_500_000),
        ("2024-01-01 05:30:00+05:30", 1_704_067_200_000_000),
        ("1900-01-01 00:09:21+00:09:21", -2_208_988_800_000_000),
        ("2024-01-01T00:00:00.000001Z", 1_704_067_200_000_001),
        ("2024-01-01 00:00:00.12", 1_704_067_200_120_000),
        ("1969-12-31 23:59:59.999999+00", -1),
    ] as [(String, Int64)])
    func timestamptzText_isReadWithItsOffset(text: String, micros: Int64) {
        #expect(Date(postgresText: text) == Date(micros: micros))
    }

    @Test(arguments: ["", "2024-01-01", "2024-13-01 00:00:00+00", "2024-01-01 24:00:00+00", "2024-01-01 00:00:00.1234567+00",
                      "2024-01-01 00:00:00+0", "infinity", "2024-01-01 00:00:00+00 BC"])
    func malformedTimestamp_isRejected(text: String) {
        #expect(Date(postgresText: text) == nil)
    }
}
