import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct AttendanceTests {
    static let page = BackOfficePaths.attendance(day: BackOfficeScene.wednesday, activity: "alsh-mercredi", unit: "journee")

    static func mark(_ browser: inout Browser, booking: Int64, _ mark: AttendanceMark) -> Int {
        browser.get(page)
        return browser.postPairs(BackOfficePaths.attendanceMark, [("reservation", "\(booking)"), ("marque", mark.rawValue), ("jour", "2026-01-07"),
                                                           ("activite", "alsh-mercredi"), ("unite", "journee")]).status.code
    }

    @Test func director_seesHealthAlertsAndContacts_marksPresentThenLate_andTheMarkIsKeptWithTheAgent() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let booking = try scene.book(scene.leaID)
        var director = try scene.signedIn(.director, name: "Dominique Direction")
        let list = director.get(Self.page).text
        #expect(list.contains("Léa Martin"))
        #expect(list.contains("Arachide") && list.contains("PAI") && list.contains("Trousse d&#39;urgence dans le sac"))
        #expect(list.contains("Paul Roux") && list.contains("tel:0471000000") && list.contains("tel:0612345678"))
        #expect(list.contains("À pointer"))

        #expect(Self.mark(&director, booking: booking, .present) == 303)
        #expect(Self.mark(&director, booking: booking, .late) == 303)
        let marked = try scene.world.transaction {
            try AttendanceStore.expected(activity: "alsh-mercredi", unit: "journee", day: BackOfficeScene.wednesday, includeHealth: false, in: $0)
        }
        #expect(marked.map(\.mark) == [.late])
        #expect(marked.map(\.markedBy) == ["Dominique Direction"])
        #expect(director.get(Self.page).text.contains("aria-pressed=\"true\" aria-label=\"En retard : Léa Martin\""))
        let logged = try scene.world.transaction { try HealthAccessLog.list(familyID: scene.familyID, in: $0) }
        #expect(logged.contains { $0.purpose.hasPrefix("Pointage du 07/01/2026") })
        let audit = try scene.world.transaction { try StaffAudit.list(in: $0) }
        #expect(audit.filter { $0.action == "attendance.mark" }.map(\.detail) == ["07/01/2026 alsh-mercredi/journee : En retard", "07/01/2026 alsh-mercredi/journee : Présent"])
    }

    @Test func agent_seesNoHealthData_andCannotMarkABookingOfAnotherSlot() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        try scene.book(scene.leaID)
        let otherDay = try scene.book(scene.hugoID, day: LocalDate(iso: "2026-01-14")!)
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let list = agent.get(Self.page).text
        #expect(list.contains("Léa Martin"))
        #expect(!list.contains("Arachide"))
        #expect(list.contains("visibles par la direction"))
        #expect(Self.mark(&agent, booking: otherDay, .present) == 404)
    }

    @Test func absences_excusedOrNot_andFamilyDeclaredAbsences_areOnTheList() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let lea = try scene.book(scene.leaID)
        try scene.book(scene.hugoID, status: .absent)
        try scene.book(scene.hugoID, unit: "matin", status: .cancelled)
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        #expect(agent.get(Self.page).text.contains("Absence déclarée par la famille"))
        #expect(Self.mark(&agent, booking: lea, .absentUnexcused) == 303)
        let summary = try scene.world.transaction { try AttendanceStore.summary(day: BackOfficeScene.wednesday, in: $0) }
        #expect(summary.map { [$0.expected, $0.present, $0.absent, $0.unmarked] } == [[2, 0, 1, 1]])
    }

    @Test func childNotBooked_isAddedOnTheDay_withAFlaggedBookingTakingAPlaceAndMarkedPresent() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        try scene.book(scene.leaID)
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        #expect(agent.get(Self.page + "&enfant=Hugo").text.contains("Ajouter Hugo Martin (famille MARTIN)"))
        let added = agent.postPairs(BackOfficePaths.attendanceWalkIn, [("enfant_id", "\(scene.hugoID)"), ("jour", "2026-01-07"),
                                                                       ("activite", "alsh-mercredi"), ("unite", "journee")])
        #expect(added.status.code == 303)
        #expect(added.headers["location"]?.hasSuffix("&ok=ajout") == true)
        let list = try scene.world.transaction {
            try AttendanceStore.expected(activity: "alsh-mercredi", unit: "journee", day: BackOfficeScene.wednesday, includeHealth: false, in: $0)
        }
        let hugo = try #require(list.first { $0.childID == scene.hugoID })
        #expect(hugo.walkIn && hugo.mark == .present && hugo.bookingStatus == .booked)
        let booked = try scene.world.transaction { try SlotStore.occupancy(activity: "alsh-mercredi", unit: "journee", date: BackOfficeScene.wednesday, in: $0) }
        #expect(booked?.booked == 2)
        agent.get(Self.page)
        let again = agent.postPairs(BackOfficePaths.attendanceWalkIn, [("enfant_id", "\(scene.hugoID)"), ("jour", "2026-01-07"),
                                                                       ("activite", "alsh-mercredi"), ("unite", "journee")])
        #expect(again.headers["location"]?.hasSuffix("&erreur=deja-attendu") == true)
        #expect(agent.get(Self.page).text.contains("Ajouté sur place"))
    }

    @Test func dashboard_countsWhatWaitsAndTodaysAttendance() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let today = ParisTime.localDate(of: scene.world.clock.now)
        try scene.book(scene.leaID, activity: "alsh-vacances", unit: "journee", day: today)
        try scene.book(scene.hugoID, day: BackOfficeScene.wednesday, status: .pendingValidation)
        _ = try scene.document("Attestation CAF")
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let page = agent.get(StaffPaths.home).text
        #expect(page.contains("<strong>1</strong> Réservations à valider"))
        #expect(page.contains("<strong>1</strong> Documents reçus"))
        #expect(page.contains("<strong>0</strong> Messages en attente de réponse"))
        #expect(page.contains(BackOfficePaths.attendance(day: today, activity: "alsh-vacances", unit: "journee").replacingOccurrences(of: "&", with: "&amp;")))
        #expect(page.contains("Places dans les 7 prochains jours"))
    }

    @Test func dashboard_placesLeft_showTheCatalogueCapacityOfDaysNobodyBookedYet() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let fresh = agent.get(StaffPaths.home).text
        #expect(fresh.contains("<td>mer. 7 janv.</td><td>Alsh mercredi</td><td>Journée avec repas</td><td>40 / 40</td><td>0</td>"))
        #expect(fresh.contains("<td>mer. 7 janv.</td><td>Alsh mercredi</td><td>Matin</td><td>12 / 12</td><td>0</td>"))
        try scene.book(scene.leaID)
        let booked = agent.get(StaffPaths.home).text
        #expect(booked.contains("<td>mer. 7 janv.</td><td>Alsh mercredi</td><td>Journée avec repas</td><td>39 / 40</td><td>0</td>"))
        #expect(booked.components(separatedBy: "<td>mer. 7 janv.</td><td>Alsh mercredi</td><td>Journée avec repas</td>").count == 2)
    }
}
