import Foundation
import Testing
import Postgres
import PortalCore
import PortalStore

/// Whole-record removals and children's photos on real PostgreSQL.
@Suite(.serialized) struct RemovalAndPhotoStoreTests {
    let staff = DossierActor(.staff, id: 77, name: "Sophie Agent")
    let later = DossierWorld.now.addingTimeInterval(3600)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 7, count: 64)

    private func submit(_ world: DossierWorld, _ changes: [ProposedChange]) throws -> StoredChangeRequest {
        try world.transaction { connection throws in
            let dossier = try #require(try DossierStore.load(familyID: world.martin.familyID, lock: true, in: connection))
            let pending = Set(try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection).keys)
            let request = try ChangeRequest.submit(changes, to: dossier, by: world.martinAccount, at: DossierWorld.now,
                                                   today: DossierWorld.today, alreadyPending: pending)
            return try ChangeRequestStore.insert(request, summary: request.summary(in: dossier), now: DossierWorld.now, in: connection)
        }
    }

    /// Decides as the staff queue does: file and request saved, removed records' other changes
    /// refused, unused photos pruned.
    private func decideAll(_ world: DossierWorld, _ id: Int64, _ answer: StaffAnswer) throws {
        try world.transaction { connection throws in
            let stored = try #require(try ChangeRequestStore.find(id: id, lock: true, in: connection))
            let dossier = try #require(try DossierStore.load(familyID: stored.request.familyID, lock: true, in: connection))
            let outcome = try stored.request.decidingAll(answer, by: staff, at: later, against: dossier)
            try DossierStore.save(outcome.dossier, previous: dossier, in: connection)
            try ChangeRequestStore.update(outcome.request, previous: stored, now: later, note: "", in: connection)
            try ChangeRequestStore.refusePending(onRemoved: outcome.accepted.map(\.target), in: dossier, by: staff, now: later, in: connection)
            try ChildPhotoStore.prune(familyID: dossier.familyID, in: connection)
        }
    }

    private func addPhoto(_ world: DossierWorld) throws -> (String, StoredChangeRequest) {
        let reference = ChildPhotoStore.newReference()
        try world.transaction { connection in
            try ChildPhotoStore.insert(reference: reference, familyID: world.martin.familyID, childID: world.martinChild, format: .jpeg,
                                       bytes: Self.jpeg, now: DossierWorld.now, in: connection)
        }
        return (reference, try submit(world, [ProposedChange(FieldTarget(.child, .existing(world.martinChild), "photo"), reference)]))
    }

    private func photo(_ world: DossierWorld, _ reference: String, family: Int64? = nil) throws -> (contentType: String, bytes: [UInt8])? {
        try world.transaction { try ChildPhotoStore.content(reference: reference, familyID: family ?? world.martin.familyID, in: $0) }
    }

    @Test func acceptedChildRemoval_leavesTheFile_keepsOnlyTheNamedRow_andRefusesTheChildsOtherChanges() throws {
        let world = try DossierWorld.make("rm_child")
        defer { world.drop() }
        let allergy = try submit(world, [ProposedChange(FieldTarget(.health, .existing(world.martinChild), "allergies"), "Kiwi")])
        let (reference, photoRequest) = try addPhoto(world)
        let removal = try submit(world, [ProposedChange(.removal(of: .child, id: world.martinChild), FieldKind.yes)])
        try decideAll(world, removal.request.id!, .accept)

        let dossier = try #require(try world.transaction { try DossierStore.load(familyID: world.martin.familyID, in: $0) })
        #expect(dossier.children.isEmpty)
        #expect(dossier.contacts == world.martin.contacts)
        let row = try world.transaction { connection in
            try connection.query("""
                SELECT first_names, removed_at IS NOT NULL AS removed,
                       (SELECT count(*) FROM child_health WHERE child_id = \(world.martinChild))::int AS health
                FROM children WHERE id = \(world.martinChild)
                """)[0]
        }
        #expect(try row.decode("first_names", as: String.self) == "Léa")
        #expect(try row.decode("removed", as: Bool.self))
        #expect(try row.decode("health", as: Int.self) == 0)
        #expect(try photo(world, reference) == nil)

        let requests = try world.transaction { try ChangeRequestStore.list(familyID: world.martin.familyID, in: $0) }
        #expect(requests.filter { $0.request.id != removal.request.id }.map(\.request.status) == [.refused, .refused])
        for id in [allergy.request.id, photoRequest.request.id] {
            let request = try #require(requests.first { $0.request.id == id }).request
            #expect(request.changes.allSatisfy { $0.decision == .refused(reason: ChangeRequestStore.removedRecordReason, by: staff, at: later) })
        }
        #expect(try world.transaction { try ChangeRequestStore.pendingChanges(familyID: world.martin.familyID, in: $0) }.isEmpty)
        #expect(try world.transaction { try DossierStore.search("Léa", in: $0) }.isEmpty)
        #expect(try world.transaction { try DossierStore.load(familyID: world.durand.familyID, in: $0) } == world.durand)
    }

    @Test func acceptedContactRemoval_deletesTheContact_andRefusedOneKeepsIt() throws {
        let world = try DossierWorld.make("rm_contact")
        defer { world.drop() }
        let contact = world.martin.contacts[0].id!
        let refused = try submit(world, [ProposedChange(.removal(of: .contact, id: contact), FieldKind.yes)])
        try decideAll(world, refused.request.id!, .refuse(reason: "Appelez-nous d'abord"))
        #expect(try world.transaction { try DossierStore.load(familyID: world.martin.familyID, in: $0) }?.contacts == world.martin.contacts)

        let accepted = try submit(world, [ProposedChange(.removal(of: .contact, id: contact), FieldKind.yes)])
        try decideAll(world, accepted.request.id!, .accept)
        #expect(try world.transaction { try DossierStore.load(familyID: world.martin.familyID, in: $0) }?.contacts.isEmpty == true)
        let left = try world.transaction { try $0.query("SELECT count(*)::int AS n FROM authorized_contacts WHERE id = \(contact)")[0].decode("n", as: Int.self) }
        #expect(left == 0)
    }

    @Test func pendingPhoto_isKept_acceptedOneBecomesTheChilds_andTheOldOneIsDeleted() throws {
        let world = try DossierWorld.make("photo_accept")
        defer { world.drop() }
        let (first, firstRequest) = try addPhoto(world)
        #expect(try world.transaction { try ChildPhotoStore.prune(familyID: world.martin.familyID, in: $0) } == 0)
        #expect(try photo(world, first)?.contentType == "image/jpeg")
        #expect(try photo(world, first)?.bytes == Self.jpeg)
        try decideAll(world, firstRequest.request.id!, .accept)
        #expect(try world.transaction { try DossierStore.load(familyID: world.martin.familyID, in: $0) }?.children[0].photo == first)

        let (second, secondRequest) = try addPhoto(world)
        try decideAll(world, secondRequest.request.id!, .accept)
        #expect(try photo(world, first) == nil)
        #expect(try photo(world, second) != nil)
    }

    @Test func refusedPhoto_isDeleted_andAPhotoIsNeverFoundThroughAnotherFamily() throws {
        let world = try DossierWorld.make("photo_refuse")
        defer { world.drop() }
        let (reference, request) = try addPhoto(world)
        #expect(try photo(world, reference, family: world.durand.familyID) == nil)
        #expect(try photo(world, "not-a-reference") == nil)
        try decideAll(world, request.request.id!, .refuse(reason: "Photo floue"))
        #expect(try photo(world, reference) == nil)
    }

    @Test func anonymisation_deletesTheFamilysPhotos_andNoOtherFamilys() throws {
        let world = try DossierWorld.make("photo_erase")
        defer { world.drop() }
        let (reference, request) = try addPhoto(world)
        try decideAll(world, request.request.id!, .accept)
        let durandPhoto = ChildPhotoStore.newReference()
        try world.transaction { connection in
            try ChildPhotoStore.insert(reference: durandPhoto, familyID: world.durand.familyID, childID: world.durandChild, format: .png,
                                       bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1], now: DossierWorld.now, in: connection)
            _ = try DossierStore.anonymise(familyID: world.martin.familyID, now: later, in: connection)
        }
        #expect(try photo(world, reference) == nil)
        #expect(try world.transaction { try DossierStore.load(familyID: world.martin.familyID, in: $0) }?.children[0].photo == "")
        #expect(try photo(world, durandPhoto, family: world.durand.familyID) != nil)
    }
}
