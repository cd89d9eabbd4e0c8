import Foundation
import PortalCore
import PortalStore
import Postgres
import Testing
@testable import PortalFlows

/// A town on a freshly migrated schema of the test database, for one test.
private struct TeamTown {
    let migrated: MigratedTown
    var town: Town { migrated.town }

    init() throws { migrated = try MigratedTown("cayres-pradelles", schemaPrefix: "t_team") }

    func drop() { migrated.drop() }

    func member(_ name: String, _ role: StaffRole) throws -> StaffAccount {
        try town.transaction { connection in
            let id = try StaffStore.invite(email: EmailAddress("\(name.lowercased())@example.org")!, displayName: name, role: role, now: Date(), in: connection)!
            return try StaffStore.find(id: id, in: connection)!
        }
    }
}

@Suite struct ChangeTeamMemberTests {
    @Test func theLastAdministratorStays_andEveryChangeIsInTheAuditLog() throws {
        let fixture = try TeamTown()
        defer { fixture.drop() }
        let flow = ChangeTeamMember(town: fixture.town)
        let alice = try fixture.member("Alice", .admin), bruno = try fixture.member("Bruno", .agent)

        #expect(try flow.run(member: alice.id, .deactivate, by: alice, clientAddress: "192.0.2.1", now: Date()) == .lastAdministrator)
        #expect(try fixture.town.transaction { try StaffStore.find(id: alice.id, in: $0) } != nil)

        #expect(try flow.run(member: bruno.id, .role(.admin), by: alice, clientAddress: "192.0.2.1", now: Date()) == .changed)
        #expect(try flow.run(member: alice.id, .deactivate, by: bruno, clientAddress: "192.0.2.2", now: Date()) == .changed)
        #expect(try fixture.town.transaction { try StaffStore.find(id: alice.id, in: $0) } == nil)

        let audit = try fixture.town.transaction { try StaffAudit.list(in: $0) }
        #expect(Set(audit.map(\.action)) == ["staff.role", "staff.deactivate"])
        #expect(audit.contains { $0.action == "staff.role" && $0.target == "staff/\(bruno.id)" && $0.staffName == "Alice" })
    }

    @Test func aMemberTheTownDoesNotHave_isNotFound() throws {
        let fixture = try TeamTown()
        defer { fixture.drop() }
        let alice = try fixture.member("Alice", .admin)
        #expect(throws: FlowError.notFound) {
            try ChangeTeamMember(town: fixture.town).run(member: alice.id + 1000, .reactivate, by: alice, clientAddress: "192.0.2.1", now: Date())
        }
    }
}
