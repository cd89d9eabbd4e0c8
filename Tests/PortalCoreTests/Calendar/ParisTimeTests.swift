import Foundation
import Testing
import PortalCore

@Suite struct ParisTimeTests {
    @Test func check_acceptsTheInstalledTimeZone() throws {
        try ParisTime.check()
        #expect(ParisTime.timeZone.identifier == "Europe/Paris")
    }

    struct Case: Sendable, CustomStringConvertible {
        let date: String
        let time: String
        let expectedUTC: String
        var description: String { "\(date) \(time) Paris = \(expectedUTC) UTC" }
    }

    @Test(arguments: [
        Case(date: "2026-01-09", time: "23:59:59", expectedUTC: "2026-01-09 22:59:59"),
        Case(date: "2026-07-14", time: "10:00", expectedUTC: "2026-07-14 08:00:00"),
        Case(date: "2026-03-29", time: "01:59:59", expectedUTC: "2026-03-29 00:59:59"),
        // 02:00–02:59 do not exist on 29 March 2026: the next valid instant is the change, 03:00+02:00.
        Case(date: "2026-03-29", time: "02:00", expectedUTC: "2026-03-29 01:00:00"),
        Case(date: "2026-03-29", time: "02:30", expectedUTC: "2026-03-29 01:00:00"),
        Case(date: "2026-03-29", time: "03:00", expectedUTC: "2026-03-29 01:00:00"),
        Case(date: "2026-03-29", time: "03:30", expectedUTC: "2026-03-29 01:30:00"),
        // 02:00–02:59 happen twice on 25 October 2026: the first one (+02:00) is taken.
        Case(date: "2026-10-25", time: "01:59:59", expectedUTC: "2026-10-24 23:59:59"),
        Case(date: "2026-10-25", time: "02:30", expectedUTC: "2026-10-25 00:30:00"),
        Case(date: "2026-10-25", time: "03:00", expectedUTC: "2026-10-25 02:00:00"),
        Case(date: "2026-03-28", time: "23:59:59", expectedUTC: "2026-03-28 22:59:59"),
        Case(date: "2026-03-29", time: "23:59:59", expectedUTC: "2026-03-29 21:59:59"),
        Case(date: "2026-03-29", time: "00:00", expectedUTC: "2026-03-28 23:00:00"),
    ])
    func instant_convertsParisWallTimeAcrossDaylightSavingChanges(c: Case) {
        #expect(ParisTime.instant(day(c.date), time(c.time)) == utc(c.expectedUTC))
    }

    @Test func endOfDay_beforeAndOnTheSpringChange_areTwentyThreeHoursApart() {
        let saturday = ParisTime.instant(day("2026-03-28"), .endOfDay)
        let sunday = ParisTime.instant(day("2026-03-29"), .endOfDay)
        #expect(sunday.timeIntervalSince(saturday) == 23 * 3600)
        #expect(ParisTime.iso8601(saturday) == "2026-03-28T23:59:59+01:00")
        #expect(ParisTime.iso8601(sunday) == "2026-03-29T23:59:59+02:00")
    }

    @Test(arguments: [
        ("2026-01-09 22:59:59", "2026-01-09T23:59:59+01:00"),
        ("2026-03-29 00:59:59", "2026-03-29T01:59:59+01:00"),
        ("2026-03-29 01:00:00", "2026-03-29T03:00:00+02:00"),
        ("2026-10-25 00:59:59", "2026-10-25T02:59:59+02:00"),
        ("2026-10-25 01:00:00", "2026-10-25T02:00:00+01:00"),
        ("2026-07-14 22:30:00", "2026-07-15T00:30:00+02:00"),
        ("2026-12-31 23:00:00", "2027-01-01T00:00:00+01:00"),
        ("1960-06-01 12:00:00", "1960-06-01T13:00:00+01:00"),
        ("1969-12-31 23:30:00", "1970-01-01T00:30:00+01:00"),
    ])
    func iso8601_showsParisWallTimeWithItsOffset(instantUTC: String, expected: String) {
        #expect(ParisTime.iso8601(utc(instantUTC)) == expected)
    }

    @Test(arguments: [
        ("2026-01-09 23:30:00", "2026-01-10", "00:30"),
        ("2026-01-09 22:59:59", "2026-01-09", "23:59:59"),
        ("2026-07-14 21:59:59", "2026-07-14", "23:59:59"),
        ("2026-07-14 22:00:00", "2026-07-15", "00:00"),
        ("1960-06-01 23:00:00", "1960-06-02", "00:00"),
    ])
    func localDateAndTime_followTheParisDayNotTheUTCDay(instantUTC: String, expectedDate: String, expectedTime: String) {
        #expect(ParisTime.localDate(of: utc(instantUTC)) == day(expectedDate))
        #expect(ParisTime.localTime(of: utc(instantUTC)) == time(expectedTime))
    }

    @Test func localTime_truncatesFractionalSeconds() {
        let instant = utc("2026-01-09 22:59:59").addingTimeInterval(0.999)
        #expect(ParisTime.localTime(of: instant) == .endOfDay)
        #expect(ParisTime.iso8601(instant) == "2026-01-09T23:59:59+01:00")
    }

    @Test(arguments: [
        ("2026-01-09T23:59:59+01:00", "2026-01-09 22:59:59", 0.0),
        ("2026-01-09T22:59:59Z", "2026-01-09 22:59:59", 0.0),
        ("2026-01-09t22:59:59z", "2026-01-09 22:59:59", 0.0),
        ("2026-01-09 22:59:59Z", "2026-01-09 22:59:59", 0.0),
        ("2026-01-09T23:59:59+0100", "2026-01-09 22:59:59", 0.0),
        ("2026-01-09T23:59:59+01", "2026-01-09 22:59:59", 0.0),
        ("2026-01-09T17:29:59-05:30", "2026-01-09 22:59:59", 0.0),
        ("2026-01-09T23:59+01:00", "2026-01-09 22:59:00", 0.0),
        ("2026-01-09T22:59:59.5Z", "2026-01-09 22:59:59", 0.5),
        ("2026-01-09T22:59:59,250Z", "2026-01-09 22:59:59", 0.25),
        ("2026-01-09T22:59:59.123456789123Z", "2026-01-09 22:59:59", 0.123456789),
        ("2026-03-29T03:00:00+02:00", "2026-03-29 01:00:00", 0.0),
    ])
    func parseISO8601_acceptsOffsetsZuluAndFractions(text: String, expectedUTC: String, fraction: Double) throws {
        let parsed = try #require(ParisTime.parseISO8601(text))
        #expect(abs(parsed.timeIntervalSince(utc(expectedUTC)) - fraction) < 1e-6)
    }

    @Test(arguments: [
        "2026-01-09T23:59:59", "2026-02-30T00:00:00Z", "2026-01-09T24:00:00Z", "2026-01-09T23:60:00Z",
        "2026-01-09T23:59:59+01:00x", "2026-01-09T23:59:59.Z", "2026-1-09T23:59:59Z", "2026-01-09",
        "2026-01-09T23:59:59+24:00", "garbage", "",
    ])
    func parseISO8601_refusesMalformedOrZonelessText(text: String) {
        #expect(ParisTime.parseISO8601(text) == nil)
    }

    @Test(arguments: ["2026-01-09T23:59:59+01:00", "2026-03-29T03:00:00+02:00", "2026-10-25T02:30:00+01:00", "2028-02-29T12:00:00+01:00"])
    func iso8601_roundTripsThroughParse(text: String) throws {
        #expect(ParisTime.iso8601(try #require(ParisTime.parseISO8601(text))) == text)
    }
}
