import CivilCalendar
public import Foundation

/// A wall-clock day and time of day, as a calendar file writes them (`20260114T083000`).
public struct WallClock: Sendable, Equatable {
    public let year: Int, month: Int, day: Int
    public let hour: Int, minute: Int, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }
}

/// One booking in the family's calendar feed.
public struct CalendarEvent: Sendable, Equatable {
    /// Stable across feeds so calendar apps update the event rather than duplicate it.
    public let uid: String
    /// Wall times in Europe/Paris.
    public let start: WallClock
    public let end: WallClock
    public let summary: String
    public let description: String
    /// A request not answered yet is TENTATIVE.
    public let tentative: Bool

    public init(uid: String, start: WallClock, end: WallClock, summary: String, description: String, tentative: Bool) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.tentative = tentative
    }
}

/// RFC 5545 text of a family's bookings: wall times in Europe/Paris with its VTIMEZONE, so a
/// booking at 08:30 stays at 08:30 across the change of time.
public enum ICalendar {
    public static func render(_ events: [CalendarEvent], calendarName: String, generatedAt: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Portail Famille//Reservations//FR",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(calendarName))",
                     "X-WR-TIMEZONE:Europe/Paris"]
        lines += parisTimeZone
        let stamp = utcStamp(generatedAt)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(escape(event.uid))", "DTSTAMP:\(stamp)",
                      "DTSTART;TZID=Europe/Paris:\(local(event.start))",
                      "DTEND;TZID=Europe/Paris:\(local(event.end))",
                      "SUMMARY:\(escape(event.summary))", "DESCRIPTION:\(escape(event.description))",
                      "STATUS:\(event.tentative ? "TENTATIVE" : "CONFIRMED")", "TRANSP:OPAQUE", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (RFC 5545 §3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on lines starting with a space (§3.1), never
    /// splitting a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var result = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(scalar)
            width += size
        }
        return result
    }

    static let parisTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    private static func local(_ time: WallClock) -> String {
        pad(time.year, 4) + pad(time.month) + pad(time.day) + "T" + pad(time.hour) + pad(time.minute) + pad(time.second)
    }

    private static func utcStamp(_ instant: Date) -> String {
        let (days, rest) = CivilDays.split(secondsSince1970: Int(instant.timeIntervalSince1970.rounded(.down)))
        let (year, month, day) = CivilDays.date(dayNumber: days)
        return local(WallClock(year: year, month: month, day: day, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
