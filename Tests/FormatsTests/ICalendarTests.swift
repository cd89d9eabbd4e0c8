import Foundation
import Testing
@testable import Formats

@Suite struct ICalendarTests {
    @Test func feed_isTheExactRFC5545Text() {
        let events = [
            CalendarEvent(uid: "booking-41@cayres-pradelles.portail", start: WallClock(year: 2026, month: 3, day: 29, hour: 8, minute: 30),
                          end: WallClock(year: 2026, month: 3, day: 29, hour: 17, minute: 30),
                          summary: "Léa – Alsh mercredi, Journée avec repas", description: "Réservé\nSortie; prévoir un pique-nique",
                          tentative: false),
            CalendarEvent(uid: "booking-42@cayres-pradelles.portail", start: WallClock(year: 2026, month: 4, day: 1, hour: 13, minute: 30),
                          end: WallClock(year: 2026, month: 4, day: 1, hour: 17, minute: 30),
                          summary: "Tom – Alsh mercredi, Après-midi", description: "Demande en attente de validation", tentative: true),
        ]
        let text = ICalendar.render(events, calendarName: "Réservations – Famille Martin", generatedAt: Date(timeIntervalSince1970: 1_773_998_100))
        let expected = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Portail Famille//Reservations//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Réservations – Famille Martin", "X-WR-TIMEZONE:Europe/Paris",
            "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:booking-41@cayres-pradelles.portail", "DTSTAMP:20260320T091500Z",
            "DTSTART;TZID=Europe/Paris:20260329T083000", "DTEND;TZID=Europe/Paris:20260329T173000",
            "SUMMARY:Léa – Alsh mercredi\\, Journée avec repas", "DESCRIPTION:Réservé\\nSortie\\; prévoir un pique-nique",
            "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT",
            "BEGIN:VEVENT", "UID:booking-42@cayres-pradelles.portail", "DTSTAMP:20260320T091500Z",
            "DTSTART;TZID=Europe/Paris:20260401T133000", "DTEND;TZID=Europe/Paris:20260401T173000",
            "SUMMARY:Tom – Alsh mercredi\\, Après-midi", "DESCRIPTION:Demande en attente de validation",
            "STATUS:TENTATIVE", "TRANSP:OPAQUE", "END:VEVENT",
            "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(text == expected)
    }

    @Test(arguments: [
        ("a\\b;c,d\ne", "a\\\\b\\;c\\,d\\ne"),
        ("ligne\r\nsuivante", "ligne\\nsuivante"),
        ("sans rien", "sans rien"),
    ])
    func text_isEscaped(raw: String, escaped: String) {
        #expect(ICalendar.escape(raw) == escaped)
    }

    @Test func longLine_foldsAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "é", count: 40)  // 8 + 80 octets
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts == ["SUMMARY:" + String(repeating: "é", count: 33), " " + String(repeating: "é", count: 7)])
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func exactly75Octets_isNotFolded() {
        let line = String(repeating: "x", count: 75)
        #expect(ICalendar.fold(line) == line)
        #expect(ICalendar.fold(line + "y") == line + "\r\n y")
    }
}
