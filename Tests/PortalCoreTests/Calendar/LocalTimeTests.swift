import Foundation
import Testing
import PortalCore

@Suite struct LocalTimeTests {
    @Test(arguments: [("10:00", 10, 0, 0), ("23:59:59", 23, 59, 59), ("00:00", 0, 0, 0), ("07:05:09", 7, 5, 9)])
    func initHHMM_parsesHoursMinutesAndOptionalSeconds(text: String, hour: Int, minute: Int, second: Int) {
        #expect(LocalTime(hhmm: text) == LocalTime(hour: hour, minute: minute, second: second))
    }

    @Test(arguments: ["24:00", "9:00", "10:60", "10:00:60", "10h00", "", "10:00:", "+1:00", "10:00:00:00", "１０:００"])
    func initHHMM_refusesAnythingElse(text: String) {
        #expect(LocalTime(hhmm: text) == nil)
    }

    @Test func endOfDay_isTheLastSecond_andOrderingFollowsTheClock() {
        #expect(LocalTime.endOfDay == time("23:59:59"))
        #expect(LocalTime.midnight < time("00:00:01"))
        #expect(time("09:59:59") < time("10:00"))
        #expect(time("10:00").hhmm == "10:00")
        #expect(LocalTime.endOfDay.hhmm == "23:59:59")
    }

    @Test func codable_usesTheHHMMText() throws {
        let data = try JSONEncoder().encode([time("10:00"), .endOfDay])
        #expect(String(decoding: data, as: UTF8.self) == #"["10:00","23:59:59"]"#)
        #expect(try JSONDecoder().decode([LocalTime].self, from: data) == [time("10:00"), .endOfDay])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalTime].self, from: Data(#"["25:00"]"#.utf8)) }
    }
}
