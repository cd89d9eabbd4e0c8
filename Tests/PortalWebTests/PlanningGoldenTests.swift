import Foundation
import PortalCore
import Testing
@testable import PortalWeb

/// The planning pages render the very bytes they rendered before the use cases moved to
/// PortalFlows (issue 18), for the same data and the same clock. The fixtures were written by
/// this scenario on the code before the move; only what differs between two runs of it by
/// construction (the form token, the unique e-mail) is replaced by a placeholder.
@Suite(.serialized) struct PlanningGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func planningPages_areByteIdenticalToTheRecordedOnes() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        for (name, page) in try Self.pages(&scene) {
            let recorded = try String(contentsOf: Self.fixtures.appendingPathComponent("planning-\(name).html"), encoding: .utf8)
            #expect(page == recorded, "planning-\(name).html differs")
        }
    }

    /// Two children on the Wednesdays, one also on the evening périscolaire, a day left in the
    /// basket: booked, pending and basket states all show.
    static func pages(_ scene: inout BookingScene) throws -> [(String, String)] {
        try scene.register(family: scene.martinFamily, children: [scene.lea, scene.tom], to: "alsh-mercredis")
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "periscolaire-soir")
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketJoursTypes, [
            ("enfant", String(scene.lea)), ("enfant", String(scene.tom)), ("prestation", "alsh-mercredis|journee"), ("jour", "3"),
            ("du", "2026-01-12"), ("au", "2026-01-31"), ("operation", "book"),
        ])
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-08|\(scene.lea)|periscolaire-soir|soir|book")])
        let family = scene.martinFamily
        let views: [(String, String)] = [
            ("month", BookingPaths.planning(family: family, view: .month, anchor: LocalDate(iso: "2026-01-14"))),
            ("week", BookingPaths.planning(family: family, view: .week, anchor: LocalDate(iso: "2026-01-05"))),
            ("day", BookingPaths.planning(family: family, view: .day, anchor: LocalDate(iso: "2026-01-14"))),
            ("child", BookingPaths.planning(family: family, view: .month, anchor: LocalDate(iso: "2026-01-14"), child: scene.tom)),
        ]
        return views.map { name, path in
            var page = scene.martin.get(path).text
            if let token = scene.martin.hiddenFields()["csrf"] { page = page.replacingOccurrences(of: token, with: "{csrf}") }
            page = page.replacingOccurrences(of: scene.martinEmail, with: "{email}")
            return (name, page)
        }
    }
}
