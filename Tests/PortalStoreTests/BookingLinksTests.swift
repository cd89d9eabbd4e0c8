import Foundation
import Testing
import Postgres
import PortalCore
@testable import PortalStore

/// Bookings tied to the dossier: profiles read from its tables, foreign keys, the late
/// cancellation charge surviving a staff answer, and first days of a pré-inscription.
@Suite struct BookingLinksTests {
    @Test func dossierProfile_readsQuotientResidencyAndChildrenWithBirthDateAndLevel() throws {
        let fixture = try BookingFixture("profile", town: "clermontais")
        defer { fixture.drop() }
        let familyID = try fixture.transaction { connection -> Int64 in
            var guardian = Guardian()
            guardian.lastName = "Martin"
            guardian.firstNames = "Camille"
            guardian.isResident = true
            let created = try DossierStore.createFamily(name: "MARTIN", firstGuardian: guardian, now: Date(), in: connection)
            var full = created
            var lea = Child()
            lea.lastName = "Martin"
            lea.firstNames = "Léa"
            lea.birthDate = LocalDate(iso: "2018-05-04")
            lea.schoolClass = "CE1"
            var baby = Child()
            baby.lastName = "Martin"
            baby.firstNames = "Noé"
            full.children = [lea, baby]
            _ = try DossierStore.save(full, previous: created, in: connection)
            try DossierStore.setFiscal(FiscalData(familyQuotient: 640, validFrom: LocalDate(iso: "2026-01-01")!, validUntil: LocalDate(iso: "2026-12-31")!),
                                       familyID: created.familyID, in: connection)
            return created.familyID
        }
        let profile = try #require(try fixture.transaction { try DossierBookingProfiles().profile(familyID: familyID, in: $0) })
        #expect(profile.quotient == 640)
        #expect(profile.residency == .resident)
        #expect(profile.children.map(\.firstName) == ["Léa"])
        #expect(profile.children.first?.schoolLevel == .ce1)
        #expect(try fixture.transaction { try DossierBookingProfiles().profile(familyID: familyID + 999, in: $0) } == nil)
    }

    @Test func bookingOfAChildMissingFromTheDossier_isRefusedByForeignKey() throws {
        let fixture = try BookingFixture("fk", town: "val-de-lauze")
        defer { fixture.drop() }
        let lea = family(1, children: [(11, "Léa", "2018-05-04", .ce1)])
        try fixture.insertRows(lea)
        #expect(throws: PostgresError.self) {
            try fixture.transaction { try BasketStore.add([line("2026-01-14", 99, "alsh-mercredi", "journee")], familyID: 1, now: Date(), in: $0) }
        }
    }

    @Test func lateCancellationRequestAcceptedByStaff_billsTheChargeNotedWhenAsked() throws {
        let fixture = try BookingFixture("latecancel", town: "val-de-lauze")
        defer { fixture.drop() }
        let lea = family(1, quotient: 600, children: [(11, "Léa", "2018-05-04", .ce1)])
        let families = TestFamilies(profiles: [1: lea])
        try fixture.register(lea, to: "restauration", on: "2026-01-08")
        try fixture.fill(lea, [line("2026-01-08", 11, "restauration", "repas")], now: paris("2026-01-05T09:00:00+01:00"))
        let booked = try fixture.confirm(lea, families: families, now: paris("2026-01-05T10:00:00+01:00"))
        #expect(booked.lines[0].outcome == .booked)
        let price = booked.lines[0].decision.amount

        try fixture.fill(lea, [line("2026-01-08", 11, "restauration", "repas", .cancel)], now: paris("2026-01-07T12:00:00+01:00"))
        let requested = try fixture.confirm(lea, families: families, now: paris("2026-01-07T12:00:00+01:00"))
        #expect(requested.lines[0].outcome == .cancellationRequested)
        #expect(requested.lines[0].decision.amount == price)

        let answer = try fixture.transaction {
            try BookingStore.answer(bookingID: booked.lines[0].bookingID!, accept: true, note: nil, judge: fixture.judge, families: families,
                                    now: paris("2026-01-07T15:00:00+01:00"), in: $0)
        }
        #expect(answer.to == .cancelled)
        let stored = try fixture.transaction {
            try BookingStore.bookings(familyID: 1, from: LocalDate(iso: "2026-01-08")!, to: LocalDate(iso: "2026-01-08")!, in: $0)
        }
        #expect(stored.map(\.amount) == [price])
        #expect(stored.map(\.tariff) == [.lateCancellation])
    }

    @Test func refusedCancellationRequest_keepsTheBookingAtItsPrice() throws {
        let fixture = try BookingFixture("refusecancel", town: "val-de-lauze")
        defer { fixture.drop() }
        let lea = family(1, quotient: 600, children: [(11, "Léa", "2018-05-04", .ce1)])
        let families = TestFamilies(profiles: [1: lea])
        try fixture.register(lea, to: "restauration", on: "2026-01-08")
        try fixture.fill(lea, [line("2026-01-08", 11, "restauration", "repas")], now: paris("2026-01-05T09:00:00+01:00"))
        let booked = try fixture.confirm(lea, families: families, now: paris("2026-01-05T10:00:00+01:00"))
        try fixture.fill(lea, [line("2026-01-08", 11, "restauration", "repas", .cancel)], now: paris("2026-01-07T12:00:00+01:00"))
        _ = try fixture.confirm(lea, families: families, now: paris("2026-01-07T12:00:00+01:00"))
        _ = try fixture.transaction {
            try BookingStore.answer(bookingID: booked.lines[0].bookingID!, accept: false, note: "Repas commandé", judge: fixture.judge,
                                    families: families, now: paris("2026-01-07T15:00:00+01:00"), in: $0)
        }
        let stored = try fixture.transaction {
            try BookingStore.bookings(familyID: 1, from: LocalDate(iso: "2026-01-08")!, to: LocalDate(iso: "2026-01-08")!, in: $0)
        }
        #expect(stored.map(\.status) == [.booked])
        #expect(stored.map(\.tariff) == [.unit])
        #expect(stored.map(\.amount) == [booked.lines[0].decision.amount])
    }

    @Test func firstDaysOfAPreInscription_areBookedWhenItIsAccepted_andTheBasketIsLeftAlone() throws {
        let fixture = try BookingFixture("regdays", town: "cayres-pradelles")
        defer { fixture.drop() }
        let lea = family(1, children: [(11, "Léa", "2018-05-04", .ce1)])
        let families = TestFamilies(profiles: [1: lea])
        try fixture.insertRows(lea)
        let now = paris("2026-01-05T10:00:00+01:00")
        let period = RegistrationPeriod.containing(LocalDate(iso: "2026-01-14")!, validity: fixture.tenant.registration.validity)
        try fixture.fill(lea, [line("2026-02-04", 11, "alsh-mercredi", "matin")], now: now)
        let confirmation = try fixture.transaction { connection -> PortalStore.Confirmation in
            let id = try RegistrationStore.create(Registration(childID: 11, activityCode: "alsh-mercredi", period: period, status: .pending),
                                                  familyID: 1, now: now, in: connection)
            try RegistrationStore.addDays([("journee", LocalDate(iso: "2026-01-14")!), ("journee", LocalDate(iso: "2026-01-21")!)],
                                          registrationID: id, in: connection)
            let accepted = try RegistrationStore.answer(ids: [id], accept: true, reason: nil, today: LocalDate(iso: "2026-01-05")!, now: now,
                                                        validity: period.validity, in: connection)
            let lines = try RegistrationStore.dayLines(of: accepted[0].registration, in: connection)
            try SlotStore.ensure(lines.map(\.slot), tenant: fixture.tenant, in: connection)
            return try BookingStore.confirm(familyID: 1, lines: lines, judge: fixture.judge, families: families, now: now, in: connection)
        }
        #expect(confirmation.lines.map(\.line.slot.date.iso) == ["2026-01-14", "2026-01-21"])
        #expect(confirmation.lines.map(\.outcome) == [.pendingValidation, .pendingValidation])
        #expect(try fixture.transaction { try BasketStore.load(familyID: 1, in: $0) }.lines.count == 1)
    }
}
