import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct WaitingListTests {
    static let day = LocalDate(iso: "2026-01-28")!

    static func slotID(_ scene: BackOfficeScene, capacity: Int) throws -> Int64 {
        try scene.world.transaction { connection in
            let id: Int64 = try connection.query("SELECT id FROM slots WHERE day = \(day.iso)::date AND activity = 'alsh-mercredi' AND unit = 'journee'")[0].decode("id")
            _ = try connection.execute("UPDATE slots SET capacity = \(capacity) WHERE id = \(id)")
            return id
        }
    }

    @Test func staffPromoteAWaitingChildIntoAFreePlace_theFamilyIsToldAndTheTraceNamesTheAgent() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        try scene.book(scene.leaID, day: Self.day)
        let hugo = try scene.book(scene.hugoID, day: Self.day, status: .waitingList, amountCents: 0)
        let slot = try Self.slotID(scene, capacity: 2)
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        #expect(agent.get(BackOfficePaths.waitingLists).text.contains(BackOfficePaths.waitingList(slot)))
        let page = agent.get(BackOfficePaths.waitingList(slot)).text
        #expect(page.contains("Hugo Martin") && page.contains("Donner la place à Hugo Martin"))
        let promoted = agent.postPairs(BackOfficePaths.promote(slot), [("reservation", "\(hugo)")])
        #expect(promoted.headers["location"] == BackOfficePaths.waitingList(slot) + "?ok=promu")
        let trace = try scene.world.transaction { try SlotOverviewStore.promotions(slotID: slot, in: $0) }
        #expect(trace.map(\.promotedBy) == ["Agnès Accueil"])
        #expect(trace.map(\.toStatus) == [.booked])
        let mails = try scene.world.mails(to: scene.familyEmail)
        #expect(mails.map(\.mail.subject) == ["Cayres-Pradelles – Une place s'est libérée pour Hugo Martin"])
        agent.get(BackOfficePaths.waitingList(slot))
        let again = agent.postPairs(BackOfficePaths.promote(slot), [("reservation", "\(hugo)")])
        #expect(again.headers["location"] == BackOfficePaths.waitingList(slot) + "?erreur=plus-en-attente")
    }

    @Test func fullSlot_cannotPromote_andAnAutomaticPromotionIsTracedWithoutAnAgent() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let lea = try scene.book(scene.leaID, day: Self.day, status: .cancellationRequested)
        let hugo = try scene.book(scene.hugoID, day: Self.day, status: .waitingList, amountCents: 0)
        let slot = try Self.slotID(scene, capacity: 1)
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        agent.get(BackOfficePaths.waitingList(slot))
        #expect(!agent.lastPage.contains("Donner la place"))
        #expect(agent.postPairs(BackOfficePaths.promote(slot), [("reservation", "\(hugo)")]).headers["location"] == BackOfficePaths.waitingList(slot) + "?erreur=complet")

        let world = scene.world
        try world.transaction { connection in
            _ = try connection.execute("""
                INSERT INTO registrations (family_id, child_id, activity, first_day, last_day, status, created_at)
                VALUES (\(scene.familyID), \(scene.hugoID), 'alsh-mercredi', '2026-01-01', '2026-12-31', 'accepted', \(world.clock.now))
                """)
            let change = try BookingStore.answer(bookingID: lea, accept: true, note: nil, judge: BookingJudge(engine: RulesEngine(tenant: world.town)),
                                                 families: DossierBookingProfiles(), now: world.clock.now, in: connection)
            #expect(change.promotions.map(\.bookingID) == [hugo])
        }
        let trace = try world.transaction { try SlotOverviewStore.promotions(slotID: slot, in: $0) }
        #expect(trace.count == 1)
        #expect(trace.first?.promotedBy == nil)
        #expect(agent.get(BackOfficePaths.waitingList(slot)).text.contains("automatique, place libérée"))
    }
}
