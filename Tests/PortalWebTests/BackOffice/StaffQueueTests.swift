import Dispatch
import Foundation
import Postgres
import PortalCore
import PortalStore
import Synchronization
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct StaffQueueTests {
    /// Agent A decides inside an open transaction and holds the item's lock while agent B,
    /// on another connection, accepts the same item; A commits, then B finishes. Whatever the
    /// interleaving, exactly one decision is kept and B is told who took it.
    static func race(_ queue: DecisionQueue, item: Int64, scene: BackOfficeScene) throws -> (first: QueueResult, second: QueueResult) {
        let world = scene.world
        let alice = try scene.staff(.director, name: "Alice Directrice")
        let bruno = try scene.staff(.director, name: "Bruno Agent")
        let aliceContext = QueueDecisionContext(town: Town(tenant: world.town, database: TenantDatabase(pool: world.pool), baseURL: "http://test", links: WebLinks()), staff: alice, now: world.clock.now, clientAddress: "192.0.2.1")
        let brunoContext = QueueDecisionContext(town: Town(tenant: world.town, database: TenantDatabase(pool: world.pool), baseURL: "http://test", links: WebLinks()), staff: bruno, now: world.clock.now, clientAddress: "192.0.2.2")
        let database = TenantDatabase(pool: world.pool)
        let aliceDecided = DispatchSemaphore(value: 0), brunoStarting = DispatchSemaphore(value: 0), brunoDone = DispatchSemaphore(value: 0)
        let second = ResultBox()
        let first = try database.transaction(schema: world.town.schema) { connection -> QueueResult in
            let result = try queue.decideOne(item, verdict: .accepted, reason: "", context: aliceContext, in: connection)
            aliceDecided.signal()
            Thread.detachNewThread {
                brunoStarting.signal()
                second.set(Result { try database.transaction(schema: world.town.schema) { connection in
                    try queue.decideOne(item, verdict: .accepted, reason: "", context: brunoContext, in: connection)
                } })
                brunoDone.signal()
            }
            brunoStarting.wait()
            return result
        }
        aliceDecided.wait()
        brunoDone.wait()
        return (first, try second.get())
    }

    @Test func twoAgentsAcceptTheSameDocument_oneWinsAndTheOtherIsToldWho() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let id = try scene.document("Attestation CAF")
        let (first, second) = try Self.race(.documents, item: id, scene: scene)
        #expect(first.kind == .done)
        #expect(second.kind == .alreadyDecided)
        #expect(second.message.hasPrefix("Document n° \(id) déjà traité par Alice Directrice le "))
        let decisions = try scene.world.transaction { try QueueDecisions.list(queue: "documents", itemID: id, in: $0) }
        #expect(decisions.map(\.staffName) == ["Alice Directrice"])
        #expect(try scene.world.mails(to: scene.familyEmail).filter { $0.mail.subject.contains("justificatif") }.count == 1)
    }

    @Test func twoAgentsAcceptTheSameDossierChange_oneWinsAndTheOtherIsToldWho() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let world = scene.world
        let id = try world.transaction { connection in
            let dossier = try DossierStore.load(familyID: scene.familyID, in: connection)!
            let accountID: Int64 = try connection.query("SELECT id FROM accounts WHERE email = \(scene.familyEmail)")[0].decode("id")
            let target = FieldTarget(.guardian, .existing(dossier.guardians[0].id!), "mobile_phone")
            let request = ChangeRequest(id: nil, familyID: scene.familyID, submittedBy: DossierActor(.family, id: accountID, name: "Camille Martin"),
                                        submittedAt: world.clock.now, changes: [FieldChange(target: target, oldValue: "0612345678", newValue: "0698765432")],
                                        withdrawnAt: nil, history: [])
            return try ChangeRequestStore.insert(request, summary: "Téléphone", now: world.clock.now, in: connection).request.id!
        }
        let (first, second) = try Self.race(.dossierChanges, item: id, scene: scene)
        #expect(first.kind == .done)
        #expect(second.kind == .alreadyDecided)
        #expect(second.message.hasPrefix("Demande n° \(id) déjà traitée par Alice Directrice le "))
        let phone = try world.transaction { try DossierStore.load(familyID: scene.familyID, in: $0)!.guardians[0].mobilePhone }
        #expect(phone == "0698765432")
        #expect(try world.mails(to: scene.familyEmail).count == 1)
    }

    @Test func twoAgentsAcceptTheSameRegistration_oneWinsAndTheOtherIsToldWho() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let id = try scene.pendingRegistration(scene.leaID)
        let (first, second) = try Self.race(.registrations, item: id, scene: scene)
        #expect(first.kind == .done)
        #expect(first.message == "Pré-inscription n° \(id) acceptée : Léa Martin, Alsh mercredi, année 2026.")
        #expect(second.kind == .alreadyDecided)
        #expect(second.message.hasPrefix("Pré-inscription n° \(id) déjà traitée par Alice Directrice le "))
        let status: String = try scene.world.transaction { try $0.query("SELECT status FROM registrations WHERE id = \(id)")[0].decode("status") }
        #expect(status == "accepted")
        #expect(try scene.world.transaction { try QueueDecisions.list(queue: "registrations", itemID: id, in: $0) }.map(\.staffName) == ["Alice Directrice"])
        #expect(try scene.world.mails(to: scene.familyEmail).map(\.mail.subject) == ["Cayres-Pradelles – Pré-inscription acceptée"])
    }

    @Test func twoAgentsAcceptTheSameBookingRequest_oneWinsAndTheOtherIsToldWho() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let id = try scene.book(scene.leaID, status: .pendingValidation)
        let (first, second) = try Self.race(.bookingRequests, item: id, scene: scene)
        #expect(first.kind == .done)
        #expect(first.message.hasPrefix("Demande n° \(id) acceptée : réservation du mer. 7 janv."))
        #expect(second.kind == .alreadyDecided)
        #expect(second.message.hasPrefix("Demande n° \(id) déjà traitée par Alice Directrice le "))
        let status: String = try scene.world.transaction { try $0.query("SELECT status FROM bookings WHERE id = \(id)")[0].decode("status") }
        #expect(status == "booked")
        let booked: Int = try scene.world.transaction { try $0.query("SELECT booked FROM slots s JOIN bookings b ON b.slot_id = s.id WHERE b.id = \(id)")[0].decode("booked") }
        #expect(booked == 1)
        #expect(try scene.world.transaction { try QueueDecisions.list(queue: "bookings", itemID: id, in: $0) }.map(\.staffName) == ["Alice Directrice"])
        #expect(try scene.world.mails(to: scene.familyEmail).map(\.mail.subject) == ["Cayres-Pradelles – Votre demande de réservation est acceptée"])
    }

    @Test func bulkDecisions_overHTTP_refuseNeedsAReason_thenTheSecondSubmissionIsToldAlreadyDone() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let first = try scene.document("Attestation CAF"), second = try scene.document("Justificatif de domicile")
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let list = agent.get(StaffPaths.documents)
        #expect(list.status.code == 200)
        #expect(list.text.contains("Attestation CAF") && list.text.contains("Justificatif de domicile"))

        let noReason = agent.postPairs(StaffQueue.documents.decisionPath, [("id", "\(first)"), ("decision", "refuser")])
        #expect(noReason.status.code == 422)
        #expect(noReason.text.contains("Indiquez le motif du refus"))

        let done = agent.postPairs(StaffQueue.documents.decisionPath, [("id", "\(first)"), ("id", "\(second)"), ("decision", "refuser"), ("motif", "Illisible")])
        #expect(done.status.code == 200)
        #expect(done.text.contains("Document n° \(first) refusé"))
        #expect(done.text.contains("Document n° \(second) refusé"))
        #expect(done.text.contains("Rien à traiter."))

        var colleague = try scene.signedIn(.admin, name: "Paul Admin")
        colleague.get(StaffPaths.documents)
        let late = colleague.postPairs(StaffQueue.documents.decisionPath, [("id", "\(first)"), ("decision", "accepter")])
        #expect(late.status.code == 409)
        #expect(late.text.contains("déjà traité par Agnès Accueil"))

        let mails = try scene.world.mails(to: scene.familyEmail)
        #expect(mails.count == 2)
        #expect(mails.allSatisfy { $0.mail.body.contains("Illisible") })
        let audit = try scene.world.transaction { try StaffAudit.list(in: $0) }
        #expect(audit.filter { $0.action == "queue.documents.refused" }.count == 2)
        let requests = try scene.world.transaction { connection in
            try connection.query("SELECT status FROM requests WHERE kind = 'document' ORDER BY id").map { try $0.decode("status", as: String.self) }
        }
        #expect(requests == ["refused", "refused"])
    }

    @Test func ageFilter_separatesWhatArrivedToday_fromWhatWaitsForMoreThanAWeek() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        _ = try scene.document("Ancienne attestation")
        scene.world.clock.advance(8 * 86_400)
        _ = try scene.document("Nouvelle attestation")
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let recent = agent.get(StaffPaths.documents + "?recue=24h").text
        #expect(recent.contains("Nouvelle attestation") && !recent.contains("Ancienne attestation"))
        let old = agent.get(StaffPaths.documents + "?recue=ancienne").text
        #expect(old.contains("Ancienne attestation") && !old.contains("Nouvelle attestation"))
        #expect(old.contains("<option value=\"ancienne\" selected>"))
    }

    @Test func dossierQueue_healthFilterAndAgentWithoutHealthRights_leaveHealthChangesToTheDirection() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let world = scene.world
        let id = try world.transaction { connection in
            let accountID: Int64 = try connection.query("SELECT id FROM accounts WHERE email = \(scene.familyEmail)")[0].decode("id")
            let request = ChangeRequest(id: nil, familyID: scene.familyID, submittedBy: DossierActor(.family, id: accountID, name: "Camille Martin"),
                                        submittedAt: world.clock.now,
                                        changes: [FieldChange(target: FieldTarget(.health, .existing(scene.leaID), "allergies"), oldValue: "Arachide", newValue: "Arachide, kiwi")],
                                        withdrawnAt: nil, history: [])
            return try ChangeRequestStore.insert(request, summary: "Allergies", now: world.clock.now, in: connection).request.id!
        }
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        #expect(agent.get(StaffDossierPaths.queue + "?sante=non").text.contains("Rien à traiter."))
        #expect(agent.get(StaffDossierPaths.queue + "?sante=oui").text.contains("Santé"))
        let refused = agent.postPairs(StaffQueue.dossierChanges.decisionPath, [("id", "\(id)"), ("decision", "accepter")])
        #expect(refused.status.code == 409)
        #expect(refused.text.contains("la décision revient à la direction"))
        var director = try scene.signedIn(.director, name: "Dominique Direction")
        director.get(StaffDossierPaths.queue)
        let accepted = director.postPairs(StaffQueue.dossierChanges.decisionPath, [("id", "\(id)"), ("decision", "accepter")])
        #expect(accepted.status.code == 200)
        #expect(accepted.text.contains("Demande n° \(id) acceptée : MARTIN."))
    }
}

/// The second agent's outcome, handed from its thread.
final class ResultBox: Sendable {
    private let value = Mutex<Result<QueueResult, any Error>?>(nil)

    func set(_ result: Result<QueueResult, any Error>) { value.withLock { $0 = result } }
    func get() throws -> QueueResult { try value.withLock { $0 }!.get() }
}
