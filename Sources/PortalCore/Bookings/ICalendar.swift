import Foundation

/// One booking in the family's calendar feed.
public struct CalendarEvent: Sendable, Equatable {
    /// Stable across feeds so calendar apps update the event rather than duplicate it.
    public let uid: String
    public let date: LocalDate
    public let start: LocalTime
    public let end: LocalTime
    public let summary: String
    public let description: String
    /// A request not answered yet is TENTATIVE.
    public let tentative: Bool

    public init(uid: String, date: LocalDate, start: LocalTime, end: LocalTime, summary: String, description: String,
                tentative: Bool) {
        self.uid = uid
        self.date = date
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
                      "DTSTART;TZID=Europe/Paris:\(local(event.date, event.start))",
                      "DTEND;TZID=Europe/Paris:\(local(event.date, event.end))",
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

    private static func local(_ date: LocalDate, _ time: LocalTime) -> String {
        "\(date.iso.replacingOccurrences(of: "-", with: ""))T\(pad(time.hour))\(pad(time.minute))\(pad(time.second))"
    }

    private static func utcStamp(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        return local(LocalDate(dayNumber: days), LocalTime(hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)!) + "Z"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
