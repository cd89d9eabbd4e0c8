// Full Foundation, not FoundationEssentials: named time zones need the tz database support
// that lives in FoundationInternationalization on Linux.
public import Foundation

/// Conversions between instants and Europe/Paris wall time, daylight saving time included.
/// Every town rule ("before 10:00 the day before") is stated in this wall time.
public enum ParisTime {
    public static let identifier = "Europe/Paris"

    /// Falls back to a fixed UTC+1 only so that the value exists; `check()` refuses to start
    /// a server where the real zone is missing.
    public static let timeZone: TimeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 3600)!

    /// A Gregorian calendar in Paris time, for callers that need Foundation's calendar arithmetic.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    public struct TimeZoneUnavailable: Error, CustomStringConvertible {
        public let detail: String
        public var description: String { "Europe/Paris time zone unavailable: \(detail)" }
    }

    /// For the server's start-up: throws when the tz database does not know Europe/Paris or
    /// gives it offsets other than +01:00 in winter and +02:00 in summer.
    public static func check() throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw TimeZoneUnavailable(detail: "TimeZone(identifier:) returned nil (is tzdata installed?)")
        }
        let winter = Date(timeIntervalSince1970: 1_768_435_200)  // 2026-01-15T00:00:00Z
        let summer = Date(timeIntervalSince1970: 1_784_073_600)  // 2026-07-15T00:00:00Z
        guard zone.secondsFromGMT(for: winter) == 3600, zone.secondsFromGMT(for: summer) == 7200 else {
            throw TimeZoneUnavailable(detail: "unexpected offsets \(zone.secondsFromGMT(for: winter))/\(zone.secondsFromGMT(for: summer)) s")
        }
    }

    /// Seconds east of UTC in Paris at that instant (3600 or 7200 nowadays).
    public static func offset(at instant: Date) -> Int {
        timeZone.secondsFromGMT(for: instant)
    }

    /// The instant at which Paris clocks show `time` on `date`. A wall time skipped by the spring
    /// change (02:30 on 29 March 2026) gives the next valid instant, the change itself
    /// (03:00+02:00); a wall time shown twice in autumn (02:30 on 25 October 2026) gives the
    /// first one (02:30+02:00).
    public static func instant(_ date: LocalDate, _ time: LocalTime) -> Date {
        let wall = date.dayNumber * 86_400 + time.secondsSinceMidnight
        // No zone changes offset twice within two days, so the offsets a day either side are
        // the only candidates.
        let offsetBefore = offset(atSeconds: wall - 86_400)
        let offsetAfter = offset(atSeconds: wall + 86_400)
        let valid = [wall - offsetBefore, wall - offsetAfter].filter { wall - offset(atSeconds: $0) == $0 }
        if let first = valid.min() {
            return Date(timeIntervalSince1970: TimeInterval(first))
        }
        // In the gap: the change happened in (wall − offsetAfter, wall − offsetBefore]; find it.
        var low = wall - offsetAfter
        var high = wall - offsetBefore
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(atSeconds: middle) == offsetBefore { low = middle } else { high = middle }
        }
        return Date(timeIntervalSince1970: TimeInterval(high))
    }

    public static func localDate(of instant: Date) -> LocalDate {
        LocalDate(dayNumber: floorDivide(localSeconds(of: instant), 86_400))
    }

    /// The wall time, seconds truncated.
    public static func localTime(of instant: Date) -> LocalTime {
        let seconds = localSeconds(of: instant) - floorDivide(localSeconds(of: instant), 86_400) * 86_400
        return LocalTime(hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60)!
    }

    /// "2026-01-09T23:59:59+01:00": Paris wall time with its offset, seconds truncated.
    public static func iso8601(_ instant: Date) -> String {
        let time = localTime(of: instant)
        let zoneOffset = offset(atSeconds: wholeSeconds(instant))
        let sign = zoneOffset < 0 ? "-" : "+"
        let minutes = abs(zoneOffset) / 60
        return "\(localDate(of: instant).iso)T\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))\(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    /// Parses an ISO 8601 / RFC 3339 date-time with its zone: `2026-01-09T23:59:59+01:00`,
    /// `…Z`, `…+0100`, `…+01`, fractional seconds (`.123` or `,123`), seconds optional.
    /// A date-time without zone is refused (nil): it would be ambiguous.
    public static func parseISO8601(_ text: String) -> Date? {
        var scanner = ASCIIScanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.skip("-"), let month = scanner.digits(2), scanner.skip("-"),
              let day = scanner.digits(2), let date = LocalDate(year: year, month: month, day: day),
              scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.digits(2), scanner.skip(":"), let minute = scanner.digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.skip(":") {
            guard let s = scanner.digits(2) else { return nil }
            second = s
            if scanner.skip(".") || scanner.skip(",") {
                guard let f = scanner.fraction() else { return nil }
                fraction = f
            }
        }
        guard let time = LocalTime(hour: hour, minute: minute, second: second) else { return nil }
        let zoneOffset: Int
        if scanner.skip("Z") || scanner.skip("z") {
            zoneOffset = 0
        } else {
            let sign: Int
            if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return nil }
            guard let hours = scanner.digits(2), hours <= 23 else { return nil }
            var minutes = 0
            if !scanner.atEnd {
                _ = scanner.skip(":")
                guard let m = scanner.digits(2), m <= 59 else { return nil }
                minutes = m
            }
            zoneOffset = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        let seconds = date.dayNumber * 86_400 + time.secondsSinceMidnight - zoneOffset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    private static func offset(atSeconds seconds: Int) -> Int {
        guard let last = offsetChanges.last, seconds >= offsetChanges[0].from, seconds < offsetTableEnd else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        guard seconds < last.from else { return last.offset }
        // The last change at or before `seconds`.
        var low = 0
        var high = offsetChanges.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsetChanges[middle].from <= seconds { low = middle } else { high = middle - 1 }
        }
        return offsetChanges[low].offset
    }

    /// The zone's offsets from 2000 to 2100, read once from the tz database as its transitions:
    /// a rule is judged for every slot of a page, and asking the zone each time is slow.
    private static let offsetTableEnd = 4_102_444_800  // 2100-01-01T00:00:00Z
    private static let offsetChanges: [(from: Int, offset: Int)] = {
        let start = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01T00:00:00Z
        var changes = [(from: Int(start.timeIntervalSince1970), offset: timeZone.secondsFromGMT(for: start))]
        var cursor = start
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < Double(offsetTableEnd) {
            changes.append((Int(next.timeIntervalSince1970.rounded(.down)), timeZone.secondsFromGMT(for: next)))
            cursor = next
        }
        return changes
    }()

    private static func wholeSeconds(_ instant: Date) -> Int {
        Int(instant.timeIntervalSince1970.rounded(.down))
    }

    private static func localSeconds(of instant: Date) -> Int {
        let seconds = wholeSeconds(instant)
        return seconds + offset(atSeconds: seconds)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A cursor over ASCII bytes for the hand-written ISO 8601 parser.
private struct ASCIIScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    /// Exactly `count` decimal digits.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    /// One or more digits read as the decimals of a fraction of a second; digits past the
    /// nanosecond are read and ignored.
    mutating func fraction() -> Double? {
        var nanoseconds = 0
        var read = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            if read < 9 { nanoseconds = nanoseconds * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
            read += 1
            index += 1
        }
        guard read > 0 else { return nil }
        for _ in read..<max(read, 9) { nanoseconds *= 10 }
        return Double(nanoseconds) / 1_000_000_000
    }
}
