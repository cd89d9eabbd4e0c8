import Foundation
import Testing
import Postgres
import PortalCore
import PortalStore
import PortalFlows

/// « Mon dossier » through its flows on a migrated town schema: the family's change requests,
/// which another account's family can neither see nor touch.
@Suite(.serialized) struct DossierFlowsTests {
    static let now = Date(timeIntervalSince1970: 1_788_249_600)  // 2026-09-01 08:00 UTC

    @Test func aFamilyWithdrawsItsPendingChange_onlyOnce_andNeverAnotherFamilys() throws {
        let world = try DossierFlowsWorld.make("flows_withdraw")
        defer { world.drop() }
        let guardian = world.martin.guardians[0].id!
        let submitted = try SubmitDossierChange(town: world.town).run(
            familyID: world.martin.familyID, entity: .guardian, recordID: guardian, values: ["mobile_phone": "07 11 22 33 44"],
            photo: PhotoUpload(file: nil, entity: .guardian, recordID: guardian), account: world.account, now: Self.now)
        guard case .submitted(let familyID) = submitted else { Issue.record("refused: \(submitted)"); return }
        #expect(familyID == world.martin.familyID)
        let overview = try MyDossier(town: world.town).overview(familyID: familyID, accountID: world.account.id)
        let request = try #require(overview.requests.first?.id)
        #expect(overview.pending[FieldTarget(.guardian, .existing(guardian), "mobile_phone")]?.newValue == "0711223344")

        #expect(throws: FlowError.notFound) {
            try WithdrawDossierChange(town: world.town).run(familyID: world.durand.familyID, requestID: request, account: world.account, now: Self.now)
        }
        let withdraw = WithdrawDossierChange(town: world.town)
        #expect(try withdraw.run(familyID: familyID, requestID: request, account: world.account, now: Self.now) == .withdrawn(familyID: familyID))
        #expect(try withdraw.run(familyID: familyID, requestID: request, account: world.account, now: Self.now) == .alreadyAnswered(familyID: familyID))
        #expect(try MyDossier(town: world.town).overview(familyID: familyID, accountID: world.account.id).pending.isEmpty)
    }

    @Test func aRemovalAskedTwice_waitsOnce() throws {
        let world = try DossierFlowsWorld.make("flows_removal")
        defer { world.drop() }
        let contact = world.martin.contacts[0].id!
        let removal = RequestRecordRemoval(town: world.town)
        #expect(try removal.run(familyID: world.martin.familyID, entity: .contact, recordID: contact, account: world.account, now: Self.now)
            == .requested(familyID: world.martin.familyID))
        #expect(try removal.run(familyID: world.martin.familyID, entity: .contact, recordID: contact, account: world.account, now: Self.now)
            == .alreadyPending(familyID: world.martin.familyID))
        #expect(throws: FlowError.notFound) {
            try removal.run(familyID: world.martin.familyID, entity: .guardian, recordID: world.martin.guardians[0].id!, account: world.account, now: Self.now)
        }
    }
}

/// A migrated schema with two families, Martin (whose guardian has the account) and Durand.
private struct DossierFlowsWorld {
    let migrated: MigratedTown
    var town: Town { migrated.town }
    let martin: Family
    let durand: Family
    let account: Account

    static func make(_ name: String) throws -> DossierFlowsWorld {
        let migrated = try MigratedTown("val-de-lauze", schemaPrefix: "t_\(name)", links: Links(), platform: true)
        let tenant = migrated.town.tenant
        let database = migrated.town.database
        let (martin, durand, account) = try database.transaction(schema: tenant.schema) { connection in
            let martin = try family("Martin", "Marie", in: connection)
            let durand = try family("Durand", "Jean", in: connection)
            let accountID = try AccountStore.create(email: EmailAddress("marie.\(tenant.schema)@example.fr")!, password: "Un-mot-de-passe-de-test-2026",
                                                    lastName: "Martin", firstNames: "Marie", now: now, in: connection)!
            try FamilyStore.subscribe(accountID: accountID, familyID: martin.familyID, now: now, in: connection)
            return (martin, durand, try AccountStore.find(id: accountID, in: connection)!)
        }
        return DossierFlowsWorld(migrated: migrated, martin: martin, durand: durand, account: account)
    }

    private static var now: Date { DossierFlowsTests.now }

    private static func family(_ lastName: String, _ guardianName: String, in connection: PostgresConnection) throws -> Family {
        var guardian = Guardian()
        guardian.lastName = lastName
        guardian.firstNames = guardianName
        guardian.relation = "mere"
        guardian.mobilePhone = "0612345678"
        let created = try DossierStore.createFamily(name: lastName.uppercased(), firstGuardian: guardian, now: now, in: connection)
        var full = created
        var contact = AuthorizedContact()
        contact.lastName = "Roux"
        contact.firstNames = "Paul"
        contact.relation = "Grand-parent"
        contact.phone = "0471000000"
        full.contacts = [contact]
        return try DossierStore.save(full, previous: created, in: connection)
    }

    func drop() { migrated.drop() }

    private struct Links: PortalLinks {
        func planning() -> String { "/planning" }
        func planning(family: Int64, anchor: LocalDate?) -> String { "/planning?famille=\(family)" }
        func registrations(family: Int64) -> String { "/inscriptions?famille=\(family)" }
        func draws() -> String { "/tirages" }
        func documents() -> String { "/mon-espace/documents" }
        func dossier(family: Int64) -> String { "/dossier/\(family)" }
        func messageThread(_ id: Int64) -> String { "/messagerie/fils/\(id)" }
    }
}
