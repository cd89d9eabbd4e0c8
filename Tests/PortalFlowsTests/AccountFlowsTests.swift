import Foundation
import PortalCore
import PortalFlows
import PortalStore
import Postgres
import Testing

/// The account flows a family notices: linking a family file with its code abonné, and the
/// password change that ends the other sessions.
@Suite struct AccountFlowsTests {
    @Test func aCodeAbonneLinksItsFamilyOnceAndWritesMesDemandes() throws {
        let fixture = try AccountFlowsFixture("subscribe")
        defer { fixture.drop() }
        let address = try #require(EmailAddress("parent@example.fr"))
        let (created, familyID) = try fixture.transaction { connection in
            (try AccountStore.create(email: address, password: "x", lastName: "Martin", firstNames: "Lou", now: fixture.now, in: connection),
             try FamilyStore.create(name: "Famille Martin", subscriberCode: "MARTIN-42", in: connection))
        }
        let accountID = try #require(created)
        let subscribe = SubscribeWithCode(town: fixture.town)

        guard case .refused(let errors) = try subscribe.run(accountID: accountID, code: "INCONNU", now: fixture.now) else {
            Issue.record("an unknown code must be refused")
            return
        }
        #expect(errors.items.map(\.field) == ["code_abonne"])
        #expect(errors.items.first?.message.hasPrefix("Ce code abonné n'est pas reconnu") == true)

        #expect(try subscribe.run(accountID: accountID, code: "MARTIN-42", now: fixture.now) == .linked)
        #expect(try subscribe.run(accountID: accountID, code: "MARTIN-42", now: fixture.now) == .alreadyLinked)
        #expect(try SubscriptionsPage(town: fixture.town).load(accountID: accountID).map(\.id) == [familyID])

        let requests = try FamilyRequestsPage(town: fixture.town).list(accountID: accountID)
        #expect(requests.map(\.summary) == ["Abonnement au dossier « Famille Martin »"])
        let request = try FamilyRequestsPage(town: fixture.town).request(try #require(requests.first).id, accountID: accountID)
        #expect(request.status == .accepted)
        #expect(throws: FlowError.notFound) { try FamilyRequestsPage(town: fixture.town).request(request.id, accountID: accountID + 1) }
    }

    @Test func aPasswordChangeNeedsTheCurrentOneAndEndsEverySession() throws {
        let fixture = try AccountFlowsFixture("password")
        defer { fixture.drop() }
        let email = "parent@example.fr", client = AccountClient(address: "192.0.2.1", lifetime: .standard)
        let address = try #require(EmailAddress(email))
        let created = try fixture.transaction { connection in
            try AccountStore.create(email: address, password: "ancien mot de passe 2026", lastName: "Martin", firstNames: "Lou",
                                    now: fixture.now, in: connection)
        }
        let accountID = try #require(created)
        let oldSession = try fixture.transaction { connection in
            try SessionStore.create(kind: .family, principalID: accountID, ip: client.address, now: fixture.now, lifetime: .standard, in: connection).token
        }
        let account = SignedInAccount(kind: .family, id: accountID, email: email)
        let change = ChangePassword(town: fixture.town)
        let newPassword = "un tout nouveau mot de passe"

        guard case .refused(let errors) = try change.run(account, current: "pas le bon", new: newPassword, confirmation: newPassword,
                                                         client: client, now: fixture.now) else {
            Issue.record("a wrong current password must be refused")
            return
        }
        #expect(errors.items.map(\.message) == ["Le mot de passe actuel est incorrect."])

        guard case .changed(let token) = try change.run(account, current: "ancien mot de passe 2026", new: newPassword, confirmation: newPassword,
                                                        client: client, now: fixture.now) else {
            Issue.record("the right current password must let the change through")
            return
        }
        let sessions = try AccountSessions(town: fixture.town).load(kind: .family, id: accountID, current: token, lifetime: .standard, now: fixture.now)
        #expect(sessions.count == 1)
        #expect(sessions.first?.isCurrent == true)
        #expect(token != oldSession)
        let matches = try fixture.transaction { try AccountStore.passwordMatches(accountID: accountID, password: newPassword, in: $0) }
        #expect(matches)
    }
}

/// A migrated town schema of its own, and the town a flow is given.
private struct AccountFlowsFixture {
    let migrated: MigratedTown
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    var town: Town { migrated.town }

    init(_ prefix: String) throws { migrated = try MigratedTown("clermontais", schemaPrefix: "t_\(prefix)", platform: true) }

    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try town.database.transaction(schema: town.tenant.schema, body)
    }

    func drop() { migrated.drop() }
}
