import Foundation
import PortalCore

/// Dates are written out in tests as ISO strings; a typo must fail loudly, not skip a case.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

func time(_ text: String) -> LocalTime {
    guard let value = LocalTime(hhmm: text) else { fatalError("bad test time \(text)") }
    return value
}

/// An instant written as UTC wall time "YYYY-MM-DD HH:MM:SS", computed without the code under test.
func utc(_ text: String) -> Date {
    let parts = text.split(separator: " ")
    guard parts.count == 2, let date = LocalDate(iso: String(parts[0])), let clock = LocalTime(hhmm: String(parts[1])) else {
        fatalError("bad test instant \(text)")
    }
    return Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 + clock.secondsSinceMidnight))
}
