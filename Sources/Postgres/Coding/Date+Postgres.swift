#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
import CivilCalendar

// `timestamptz` with microsecond precision, PostgreSQL's own. The arithmetic is done on whole
// microseconds since 1970 and calendar days, so no formatter, locale or time zone is involved.
// A `Date` is a Double of seconds since 2001: it holds every microsecond only within about
// a century of 2001; further out, values round to the nearest representable instant.

extension Date: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    private static let microsecondsFrom1970To2001: Int64 = 978_307_200_000_000

    /// ISO 8601 in UTC with six fractional digits: `2024-03-01T08:30:00.250000Z`.
    public var postgresText: String? {
        let micros = Int64((timeIntervalSinceReferenceDate * 1_000_000).rounded()) + Self.microsecondsFrom1970To2001
        let (days, microOfDay) = micros.floorDivided(by: 86_400_000_000)
        let (year, month, day) = CivilDays.date(dayNumber: Int(days))
        let seconds = microOfDay / 1_000_000
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            + "T" + pad(Int(seconds / 3600), 2) + ":" + pad(Int(seconds / 60 % 60), 2) + ":" + pad(Int(seconds % 60), 2)
            + "." + pad(Int(microOfDay % 1_000_000), 6) + "Z"
    }

    /// Reads `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]]` (DateStyle ISO, which every connection
    /// sets), whatever the session time zone; a `T` separator, `Z`, or no offset (UTC) also pass.
    public init?(postgresText: String) {
        var reader = DigitReader(Array(postgresText.utf8))
        guard let year = reader.number(digits: 4...), reader.skip("-"),
              let month = reader.number(digits: 2...2), reader.skip("-"),
              let day = reader.number(digits: 2...2), reader.skip(" ") || reader.skip("T"),
              let hour = reader.number(digits: 2...2), reader.skip(":"),
              let minute = reader.number(digits: 2...2), reader.skip(":"),
              let second = reader.number(digits: 2...2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var micros: Int64 = 0
        if reader.skip(".") {
            let start = reader.position
            guard let fraction = reader.number(digits: 1...6) else { return nil }
            let digits = reader.position - start
            micros = Int64(fraction) * Int64([1, 100_000, 10_000, 1_000, 100, 10, 1][digits])
        }
        var offsetSeconds = 0
        if reader.skip("Z") {
            offsetSeconds = 0
        } else if let sign = reader.sign() {
            guard let hours = reader.number(digits: 2...2) else { return nil }
            offsetSeconds = hours * 3600
            if reader.skip(":") {
                guard let minutes = reader.number(digits: 2...2) else { return nil }
                offsetSeconds += minutes * 60
                if reader.skip(":") {
                    guard let seconds = reader.number(digits: 2...2) else { return nil }
                    offsetSeconds += seconds
                }
            }
            offsetSeconds *= sign
        }
        guard reader.atEnd else { return nil }
        let days = CivilDays.dayNumber(year: year, month: month, day: day)
        let localSeconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let utcMicros = (localSeconds - Int64(offsetSeconds)) * 1_000_000 + micros
        self.init(timeIntervalSinceReferenceDate: Double(utcMicros - Self.microsecondsFrom1970To2001) / 1_000_000)
    }
}

private struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    mutating func number(digits: PartialRangeFrom<Int>) -> Int? {
        number(digits: digits.lowerBound...9)
    }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while position < bytes.count, count < digits.upperBound,
              bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            count += 1
        }
        return digits.contains(count) ? value : nil
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

private extension Int64 {
    /// Quotient rounded down and a non-negative remainder, for instants before 1970.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}
