import CivilCalendar

/// A calendar day with no time and no zone: the unit every town rule speaks in
/// ("the 20th of the month", "5 days before"). Arithmetic is done on a day number
/// (days since 1970-01-01, proleptic Gregorian) so that it never depends on a time zone.
public struct LocalDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a day that does not exist (30 February, month 13...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits), on the bytes: dates arrive by the hundred
    /// from every query.
    public init?(iso: String) {
        var text = iso
        let parts = text.withUTF8 { bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- 0x30
                    guard digit <= 9 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let (y, m, d) = parts else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(dayNumber: Int) {
        (year, month, day) = CivilDays.date(dayNumber: dayNumber)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { CivilDays.dayNumber(year: year, month: month, day: day) }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int { CivilDays.weekday(dayNumber: dayNumber) }

    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The same day number in another month, clamped to the month's last day (31 March − 1 month = 28/29 February).
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))!
    }

    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public var iso: String {
        guard (0...9999).contains(year) else {
            func pad(_ v: Int, _ width: Int) -> String {
                let s = String(v)
                return String(repeating: "0", count: max(0, width - s.count)) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        // Ten ASCII bytes: a small string, written in place.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digit(_ value: Int) -> UInt8 { 0x30 + UInt8(value % 10) }
            bytes[0] = digit(year / 1000)
            bytes[1] = digit(year / 100)
            bytes[2] = digit(year / 10)
            bytes[3] = digit(year)
            bytes[4] = 0x2D
            bytes[5] = digit(month / 10)
            bytes[6] = digit(month)
            bytes[7] = 0x2D
            bytes[8] = digit(day / 10)
            bytes[9] = digit(day)
            return 10
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Field by field: the same order as the day numbers, without computing them.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return lhs.month < rhs.month }
        return lhs.day < rhs.day
    }
}

extension LocalDate: CustomStringConvertible {
    public var description: String { iso }
}

extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "date attendue au format AAAA-MM-JJ, reçu « \(text) »")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension LocalDate {
    /// Every day from `self` to `end`, both included.
    public func through(_ end: LocalDate) -> [LocalDate] {
        guard self <= end else { return [] }
        return (dayNumber...end.dayNumber).map(LocalDate.init(dayNumber:))
    }
}
