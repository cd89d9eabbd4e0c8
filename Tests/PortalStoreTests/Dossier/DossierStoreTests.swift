import Foundation
import Testing
import Postgres
import PortalCore
import PortalStore

@Suite(.serialized) struct DossierStoreTests {
    @Test func everyField_roundTripsThroughPostgres() throws {
        let world = try DossierWorld.make("dossier_roundtrip")
        defer { world.drop() }
        var full = world.martin
        for binding in DossierField.guardianBindings { binding.write(sample(binding.field), into: &full.guardians[0]) }
        for binding in DossierField.childBindings + DossierField.healthBindings { binding.write(sample(binding.field), into: &full.children[0]) }
        for binding in DossierField.contactBindings { binding.write(sample(binding.field), into: &full.contacts[0]) }
        full.fiscal = FiscalData(familyQuotient: 850, validFrom: LocalDate(iso: "2026-01-01")!, validUntil: LocalDate(iso: "2026-12-31")!)
        let loaded = try world.transaction { connection throws in
            try DossierStore.save(full, previous: world.martin, in: connection)
            return try DossierStore.load(familyID: world.martin.familyID, in: connection)
        }
        #expect(loaded == full)
        #expect(loaded?.children[0].health.vaccinations.count == Vaccine.allCases.count)
    }

    /// A value each kind accepts, different from the defaults.
    private func sample(_ field: DossierField) -> String {
        switch field.kind {
        case .text, .multiline: "Valeur \(field.key)"
        case .phone: "0698765432"
        case .email: "test@example.fr"
        case .postcode: "43490"
        case .iban: "FR7630006000011234567890189"
        case .bic: "BNPAFRPPXXX"
        case .pastDate: "2020-02-29"
        case .yesNo: "oui"
        case .choice(let choices): choices.last!.value
        case .photo: "photo-1"
        }
    }

    @Test func anotherFamilysRecord_isNeverWritten() throws {
        let world = try DossierWorld.make("dossier_isolation")
        defer { world.drop() }
        // Martin's file carrying Durand's child id, as a forged form would.
        var forged = world.martin
        var intruder = world.durand.children[0]
        intruder.firstNames = "Piraté"
        forged.children.append(intruder)
        try world.transaction { connection throws in
            try DossierStore.save(forged, previous: world.martin, in: connection)
            #expect(try DossierStore.load(familyID: world.durand.familyID, in: connection)?.children[0].firstNames == "Hugo")
            #expect(try DossierStore.load(familyID: world.martin.familyID, in: connection)?.children.map(\.firstNames) == ["Léa"])
            #expect(try DossierStore.setResidency(true, guardianID: world.durand.guardians[0].id!, familyID: world.martin.familyID, in: connection) == false)
        }
    }

    @Test(arguments: [("martin", "MARTIN"), ("hugo", "DURAND"), ("Marie Martin", "MARTIN"), ("lÉa", "MARTIN")])
    func staffSearch_findsFamiliesByNameOrChild(query: String, family: String) throws {
        let world = try DossierWorld.make("dossier_search")
        defer { world.drop() }
        let hits = try world.transaction { try DossierStore.search(query, in: $0) }
        #expect(hits.map(\.name) == [family])
    }

    @Test func staffSearch_findsAFamilyByItsCode_typedAnyHow() throws {
        let world = try DossierWorld.make("dossier_code")
        defer { world.drop() }
        let typed = world.durand.subscriberCode.lowercased().replacing("-", with: " ")
        let hits = try world.transaction { try DossierStore.search(typed, in: $0) }
        #expect(hits.first?.familyID == world.durand.familyID)
        #expect(try SubscriberCode(typed: world.durand.subscriberCode).value == world.durand.subscriberCode)
    }

    @Test func anonymisation_keepsInvoiceNames_andRemovesTheRest() throws {
        let world = try DossierWorld.make("dossier_erasure")
        defer { world.drop() }
        try world.transaction { connection throws in
            let request = try ChangeRequest.submit([ProposedChange(FieldTarget(.health, .existing(world.martinChild), "allergies"), "Kiwi")],
                                                   to: world.martin, by: world.martinAccount, at: DossierWorld.now, today: DossierWorld.today)
            _ = try ChangeRequestStore.insert(request, summary: "x", now: DossierWorld.now, in: connection)
            #expect(try DossierStore.anonymise(familyID: world.martin.familyID, now: DossierWorld.now, in: connection))
            let erased = try #require(try DossierStore.load(familyID: world.martin.familyID, in: connection))
            #expect(erased.name == "MARTIN")
            #expect(erased.guardians.map(\.displayName) == ["Marie Martin"])
            #expect(erased.guardians[0].mobilePhone.isEmpty)
            #expect(erased.children.map(\.displayName) == ["Enfant 1 Anonymisé"])
            #expect(erased.children[0].health == HealthRecord())
            #expect(erased.contacts.isEmpty)
            #expect(erased.subscriberCode != world.martin.subscriberCode)
            #expect(try ChangeRequestStore.list(familyID: world.martin.familyID, in: connection).isEmpty)
            #expect(try FamilyStore.subscriptions(accountID: world.martinAccount.id, in: connection).isEmpty)
            #expect(try connection.query("SELECT count(*)::int AS n FROM child_health WHERE child_id = \(world.martinChild)")[0].decode("n", as: Int.self) == 0)
            #expect(try DossierStore.isAnonymised(familyID: world.martin.familyID, in: connection))
            #expect(try DossierStore.load(familyID: world.durand.familyID, in: connection) == world.durand)
        }
    }

    @Test func healthViews_areLoggedWithWhoWhenAndWhose() throws {
        let world = try DossierWorld.make("dossier_healthlog")
        defer { world.drop() }
        let access = HealthAccess(staffID: 9, staffName: "Dana Direction", familyID: world.martin.familyID, childID: world.martinChild,
                                  purpose: "Fiche famille", ip: "192.0.2.1", viewedAt: DossierWorld.now)
        try world.transaction { connection throws in
            try HealthAccessLog.record(access, in: connection)
            #expect(try HealthAccessLog.list(familyID: world.martin.familyID, in: connection) == [access])
            #expect(try HealthAccessLog.list(familyID: world.durand.familyID, in: connection).isEmpty)
        }
    }
}
