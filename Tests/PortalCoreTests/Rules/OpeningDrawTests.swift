import Foundation
import Testing
@testable import PortalCore

private let atOpening: [JSONStep] = ["activities", 0, "booking", "atOpening"]
private let prefix = "tenants/test.json: activities[0].booking.atOpening"

/// The tenant file's choice between first come, first served and a draw at opening (issue 11).
@Suite struct OpeningDrawTests {
    @Test(arguments: [
        ValidationCase(atOpening, #"{"mode": "lottery"}"#, "\(prefix).mode: must be one of first-come, draw"),
        ValidationCase(atOpening, #"{"mode": "draw"}"#, "\(prefix).windowMinutes: is required"),
        ValidationCase(atOpening, #"{"mode": "draw", "windowMinutes": 0}"#, "\(prefix).windowMinutes: must be a positive integer"),
        ValidationCase(atOpening, #"{"mode": "draw", "windowMinutes": 10081}"#, "\(prefix).windowMinutes: must be at most 10080 (one week)"),
        ValidationCase(atOpening, #"{"mode": "draw", "windowMinutes": 30, "priorities": ["resident", "resident"]}"#, "\(prefix).priorities: must not repeat a priority"),
        ValidationCase(atOpening, #"{"mode": "draw", "windowMinutes": 30, "priorities": ["age"]}"#, "\(prefix).priorities[0]: must be one of resident, sibling"),
        ValidationCase(atOpening, #"{"mode": "draw", "windowMinutes": 30, "periods": []}"#, "\(prefix).periods: must not be empty (leave it out to draw every period)"),
        ValidationCase(atOpening, #"{"mode": "draw", "windowMinutes": 30, "publish": "everyone"}"#, "\(prefix).publish: must be one of public, families"),
        ValidationCase(atOpening, #"{"mode": "first-come", "windowMinutes": 30}"#, "\(prefix).windowMinutes: only applies to mode draw"),
        ValidationCase(atOpening, #"{"mode": "draw", "windowMinute": 30}"#, "\(prefix).windowMinutes: is required"),
    ])
    func invalidOpening_isReportedWithItsPath(_ row: ValidationCase) {
        let broken = TenantFixture.baseValue.setting(row.path, to: row.value.map(JSONValue.json))
        #expect(TenantFixture.errors(broken.text).first == row.expected)
    }

    @Test func draw_withoutAnOpeningInstant_isRefused() {
        let broken = TenantFixture.baseValue
            .setting(["activities", 0, "booking", "opens"], to: nil)
            .setting(["activities", 0, "booking", "windows", 0, "from"], to: nil)
            .setting(atOpening, to: .json(#"{"mode": "draw", "windowMinutes": 30}"#))
        #expect(TenantFixture.errors(broken.text)
            == ["\(prefix): a draw needs an opening instant: the windows of hiver have no from date (list the drawn holidays in periods)"])
    }

    static func engine(_ opening: String?) throws -> RulesEngine {
        let value = TenantFixture.baseValue.setting(atOpening, to: opening.map(JSONValue.json))
        return RulesEngine(tenant: try TenantFixture.decode(value.text).get())
    }

    /// The fixture's activity opens 21 days (residents) before the first day it runs in the
    /// period, and its winter holiday window opens on 5 January 2026.
    @Test(arguments: [
        // Winter holiday (zone A, from 7 February 2026): the later of the window (5 January) and 21 days before 9 February.
        ("2026-02-10", #"{"mode": "draw", "periods": ["hiver"], "windowMinutes": 30}"#, "2026-01-19T00:00:00+01:00", "2026-01-19T00:30:00+01:00"),
        // A school-term Wednesday is not in the drawn periods: first come, first served.
        ("2026-01-14", #"{"mode": "draw", "periods": ["hiver"], "windowMinutes": 30}"#, nil, nil),
        // Without periods every opening is drawn: the term stretch from 5 January opens 21 days before its first Wednesday.
        ("2026-01-14", #"{"mode": "draw", "windowMinutes": 60}"#, "2025-12-17T00:00:00+01:00", "2025-12-17T01:00:00+01:00"),
        ("2026-02-10", #"{"mode": "first-come"}"#, nil, nil),
        ("2026-02-10", nil, nil, nil),
    ])
    func drawWindow_derivesTheOpeningFromTheBookingRules(_ day: String, _ opening: String?, _ opens: String?, _ drawn: String?) throws {
        let window = try Self.engine(opening).drawWindow(activity: "alsh", date: LocalDate(iso: day)!)
        #expect(window.map { ParisTime.iso8601($0.opensAt) } == opens)
        #expect(window.map { ParisTime.iso8601($0.policy.drawTime(opensAt: $0.opensAt)) } == drawn)
    }

    @Test func seedText_namesTheSlot() throws {
        #expect(try Self.engine(nil).drawSeedText(activity: "alsh", unit: "journee", date: LocalDate(iso: "2026-02-10")!)
            == "test/alsh/2026-02-10/journee")
    }
}
