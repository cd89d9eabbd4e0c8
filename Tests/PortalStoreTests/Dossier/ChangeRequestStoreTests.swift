import Foundation
import Testing
import Postgres
import PortalCore
import PortalStore

@Suite(.serialized) struct ChangeRequestStoreTests {
    let staff = DossierActor(.staff, id: 77, name: "Sophie Agent")
    let later = DossierWorld.now.addingTimeInterval(3600)

    private func allergies(_ world: DossierWorld) -> FieldTarget { FieldTarget(.health, .existing(world.martinChild), "allergies") }
    private func phone(_ world: DossierWorld) -> FieldTarget { FieldTarget(.guardian, .existing(world.martinGuardian), "mobile_phone") }

    /// Submits in its own transaction, as the family's page does.
    private func submit(_ world: DossierWorld, _ changes: [ProposedChange]) throws -> StoredChangeRequest {
        try world.transaction { connection throws in
            let dossier = try #require(try DossierStore.load(familyID: world.martin.familyID, lock: true, in: connection))
            let pending = Set(try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection).keys)
            let request = try ChangeRequest.submit(changes, to: dossier, by: world.martinAccount, at: DossierWorld.now,
                                                   today: DossierWorld.today, alreadyPending: pending)
            return try ChangeRequestStore.insert(request, summary: request.summary(in: dossier), now: DossierWorld.now, in: connection)
        }
    }

    /// Decides in one transaction: file and request saved together.
    private func decide(_ world: DossierWorld, _ id: Int64, _ answers: [FieldTarget: StaffAnswer], acknowledging: Set<FieldTarget> = []) throws -> DecisionOutcome {
        try world.transaction { connection throws in
            let stored = try #require(try ChangeRequestStore.find(id: id, lock: true, in: connection))
            let dossier = try #require(try DossierStore.load(familyID: stored.request.familyID, lock: true, in: connection))
            let outcome = try stored.request.deciding(answers, by: staff, at: later, against: dossier, acknowledgingStale: acknowledging)
            try DossierStore.save(outcome.dossier, previous: dossier, in: connection)
            try ChangeRequestStore.update(outcome.request, previous: stored, now: later, note: "", in: connection)
            return outcome
        }
    }

    private func reload(_ world: DossierWorld, _ id: Int64) throws -> (StoredChangeRequest, Family, FamilyRequest) {
        try world.transaction { connection throws in
            let stored = try #require(try ChangeRequestStore.find(id: id, in: connection))
            let dossier = try #require(try DossierStore.load(familyID: world.martin.familyID, in: connection))
            let line = try #require(try Requests.find(id: stored.requestID, visibleTo: world.martinAccount.id, in: connection))
            return (stored, dossier, line)
        }
    }

    @Test func submission_isStoredPending_andListedInMesDemandes() throws {
        let world = try DossierWorld.make("cr_submit")
        defer { world.drop() }
        let stored = try submit(world, [ProposedChange(allergies(world), "Arachide, kiwi"), ProposedChange(phone(world), "07 11 22 33 44")])
        let (reloaded, dossier, line) = try reload(world, stored.request.id!)
        #expect(reloaded == stored)
        #expect(dossier.children[0].health.allergies == "Arachide")
        #expect(line.status == .pending)
        #expect(line.kindLabel == "Modification du dossier famille")
        #expect(line.summary == "Modification du dossier : Allergies (Léa Martin), Téléphone portable (Marie Martin)")
        let pending = try world.transaction { try ChangeRequestStore.pendingChanges(familyID: world.martin.familyID, in: $0) }
        #expect(pending[allergies(world)]?.newValue == "Arachide, kiwi")
        #expect(throws: SubmissionRefusal.self) { try submit(world, [ProposedChange(allergies(world), "Aucune")]) }
    }

    @Test func withdrawal_isStored_andFreesTheField() throws {
        let world = try DossierWorld.make("cr_withdraw")
        defer { world.drop() }
        let stored = try submit(world, [ProposedChange(allergies(world), "Kiwi")])
        try world.transaction { connection throws in
            let current = try #require(try ChangeRequestStore.find(id: stored.request.id!, familyID: world.martin.familyID, lock: true, in: connection))
            let withdrawn = try current.request.withdrawing(by: world.martinAccount, at: later)
            try ChangeRequestStore.update(withdrawn, previous: current, now: later, note: "Retirée par la famille.", in: connection)
        }
        let (reloaded, _, line) = try reload(world, stored.request.id!)
        #expect(reloaded.request.status == .withdrawn)
        #expect(reloaded.request.history.last?.action == .withdrawn)
        #expect(line.status == .withdrawn)
        #expect(line.events.last?.note == "Retirée par la famille.")
        #expect(try submit(world, [ProposedChange(allergies(world), "Kiwi")]).request.status == .pending)
    }

    @Test func partialAcceptance_writesOnlyTheAcceptedField_andKeepsHistory() throws {
        let world = try DossierWorld.make("cr_partial")
        defer { world.drop() }
        let stored = try submit(world, [ProposedChange(allergies(world), "Arachide, kiwi"), ProposedChange(phone(world), "07 11 22 33 44")])
        _ = try decide(world, stored.request.id!, [allergies(world): .accept, phone(world): .refuse(reason: "Numéro déjà connu")])
        let (reloaded, dossier, line) = try reload(world, stored.request.id!)
        #expect(dossier.children[0].health.allergies == "Arachide, kiwi")
        #expect(dossier.guardians[0].mobilePhone == "0612345678")
        #expect(reloaded.request.status == .partiallyAccepted)
        #expect(reloaded.request.history.map(\.action) == [.submitted(fieldCount: 2), .accepted([allergies(world)]),
                                                           .refused([phone(world)], reason: "Numéro déjà connu")])
        #expect(reloaded.request.changes[1].decision == .refused(reason: "Numéro déjà connu", by: staff, at: later))
        #expect(line.status == .accepted)
        #expect(try world.transaction { try DossierStore.load(familyID: world.durand.familyID, in: $0) } == world.durand)
    }

    @Test func refusal_changesNothingInTheFile() throws {
        let world = try DossierWorld.make("cr_refuse")
        defer { world.drop() }
        let stored = try submit(world, [ProposedChange(allergies(world), "Aucune")])
        _ = try decide(world, stored.request.id!, [allergies(world): .refuse(reason: "Certificat médical demandé")])
        let (reloaded, dossier, line) = try reload(world, stored.request.id!)
        #expect(dossier == world.martin)
        #expect(reloaded.request.status == .refused)
        #expect(line.status == .refused)
        #expect(try world.transaction { try ChangeRequestStore.queue(in: $0) }.isEmpty)
    }

    @Test func staleChange_isFlagged_andNothingIsWrittenUntilConfirmed() throws {
        let world = try DossierWorld.make("cr_stale")
        defer { world.drop() }
        let first = try submit(world, [ProposedChange(phone(world), "07 11 22 33 44")])
        // Staff change the same field directly meanwhile.
        try world.transaction { connection throws in
            let dossier = try #require(try DossierStore.load(familyID: world.martin.familyID, in: connection))
            var changed = dossier
            changed.guardians[0].mobilePhone = "0699999999"
            try DossierStore.save(changed, previous: dossier, in: connection)
        }
        #expect(throws: DecisionProblem.staleNotAcknowledged([phone(world)])) {
            try decide(world, first.request.id!, [phone(world): .accept])
        }
        let (unchanged, dossier, _) = try reload(world, first.request.id!)
        #expect(unchanged.request.status == .pending)
        #expect(unchanged.request.staleTargets(against: dossier) == [phone(world)])
        _ = try decide(world, first.request.id!, [phone(world): .accept], acknowledging: [phone(world)])
        #expect(try reload(world, first.request.id!).1.guardians[0].mobilePhone == "0711223344")
    }

    @Test func anotherFamilysRequest_isNotFoundByItsId() throws {
        let world = try DossierWorld.make("cr_isolation")
        defer { world.drop() }
        let stored = try submit(world, [ProposedChange(allergies(world), "Kiwi")])
        try world.transaction { connection throws in
            #expect(try ChangeRequestStore.find(id: stored.request.id!, familyID: world.durand.familyID, in: connection) == nil)
            #expect(try ChangeRequestStore.list(familyID: world.durand.familyID, in: connection).isEmpty)
        }
        #expect(throws: SubmissionRefusal(fieldProblems: [FieldTarget(.health, .existing(world.durandChild), "allergies"): "Fiche introuvable dans votre dossier."], general: nil)) {
            try submit(world, [ProposedChange(FieldTarget(.health, .existing(world.durandChild), "allergies"), "Kiwi")])
        }
    }

    @Test func proposedContact_getsAnIdWhenAccepted_andTheQueueShowsHealthRequests() throws {
        let world = try DossierWorld.make("cr_new_contact")
        defer { world.drop() }
        let new = RecordRef.proposed(1)
        let fields = [("last_name", "Durand"), ("first_names", "Anne"), ("relation", "Voisine"), ("phone", "0698765432"), ("permission", "urgence")]
        let stored = try submit(world, fields.map { ProposedChange(FieldTarget(.contact, new, $0.0), $0.1) } + [ProposedChange(allergies(world), "Kiwi")])
        let queue = try world.transaction { try ChangeRequestStore.queue(in: $0) }
        #expect(queue.map(\.pendingFields) == [6])
        #expect(queue.map(\.touchesHealth) == [true])
        let outcome = try decide(world, stored.request.id!, Dictionary(uniqueKeysWithValues: fields.map { (FieldTarget(.contact, new, $0.0), StaffAnswer.accept) }))
        #expect(outcome.request.status == .pending)
        let contacts = try reload(world, stored.request.id!).1.contacts
        #expect(contacts.map(\.displayName) == ["Paul Roux", "Anne Durand"])
        #expect(contacts.allSatisfy { $0.id != nil })
    }
}
