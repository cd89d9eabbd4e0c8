import Foundation
import Testing
import PortalCore

@Suite struct RecordRemovalTests {
    private func removal(_ entity: DossierEntity, _ id: Int64, in dossier: Family = martinDossier()) throws -> ChangeRequest {
        try ChangeRequest.submit([ProposedChange(.removal(of: entity, id: id), FieldKind.yes)], to: dossier, by: marieActor, at: submittedAt, today: today)
    }

    @Test func removalOfAChild_isOnePendingChange_labelledForMesDemandes() throws {
        let request = try removal(.child, 21)
        #expect(request.changes == [FieldChange(target: .removal(of: .child, id: 21), oldValue: FieldKind.no, newValue: FieldKind.yes)])
        #expect(request.summary(in: martinDossier()) == "Modification du dossier : Retrait du dossier (Léa Martin)")
        #expect(martinDossier().children.count == 1)
    }

    @Test(arguments: [(DossierEntity.child, Int64(21)), (.contact, 31)])
    func acceptedRemoval_takesTheWholeRecordOut(entity: DossierEntity, id: Int64) throws {
        let outcome = try removal(entity, id).decidingAll(.accept, by: agentActor, at: decidedAt, against: martinDossier())
        #expect(outcome.request.status == .accepted)
        #expect(!outcome.dossier.contains(entity, id: id))
        #expect(outcome.dossier.guardians == martinDossier().guardians)
        #expect(outcome.dossier.children.count + outcome.dossier.contacts.count == 1)
    }

    @Test func refusedRemoval_keepsTheRecord() throws {
        let outcome = try removal(.contact, 31).decidingAll(.refuse(reason: "Personne encore autorisée cet été"), by: agentActor, at: decidedAt,
                                                               against: martinDossier())
        #expect(outcome.request.status == .refused)
        #expect(outcome.dossier == martinDossier())
    }

    @Test(arguments: [
        (FieldTarget.removal(of: .guardian, id: 11), "Champ inconnu."),
        (FieldTarget.removal(of: .health, id: 21), "Champ inconnu."),
        (FieldTarget.removal(of: .child, id: 99), "Fiche introuvable dans votre dossier."),
        (FieldTarget.removal(of: .contact, id: 21), "Fiche introuvable dans votre dossier."),
        (FieldTarget(.contact, .proposed(1), DossierField.removalKey), "Fiche introuvable dans votre dossier."),
    ])
    func removal_ofAGuardianOrOfAnotherRecord_isRefused(target: FieldTarget, message: String) {
        #expect(throws: SubmissionRefusal(fieldProblems: [target: message], general: nil)) {
            try ChangeRequest.submit([ProposedChange(target, FieldKind.yes)], to: martinDossier(), by: marieActor, at: submittedAt, today: today)
        }
    }

    @Test func secondRemovalOfTheSameRecord_waitsForTheFirst() throws {
        let pending: Set<FieldTarget> = [.removal(of: .child, id: 21)]
        #expect(throws: SubmissionRefusal.self) {
            try ChangeRequest.submit([ProposedChange(.removal(of: .child, id: 21), FieldKind.yes)], to: martinDossier(), by: marieActor,
                                     at: submittedAt, today: today, alreadyPending: pending)
        }
    }

    @Test func changeToARemovedChild_canOnlyBeRefused() throws {
        let allergy = try ChangeRequest.submit([ProposedChange(target(.health, 21, "allergies"), "Kiwi")], to: martinDossier(), by: marieActor,
                                               at: submittedAt, today: today)
        let withoutLea = try removal(.child, 21).decidingAll(.accept, by: agentActor, at: decidedAt, against: martinDossier()).dossier
        #expect(allergy.staleTargets(against: withoutLea) == [target(.health, 21, "allergies")])
        #expect(throws: DecisionProblem.recordGone(target(.health, 21, "allergies"))) {
            try allergy.decidingAll(.accept, by: agentActor, at: decidedAt, against: withoutLea, acknowledgingStale: [target(.health, 21, "allergies")])
        }
        let refused = try allergy.decidingAll(.refuse(reason: "Enfant retiré"), by: agentActor, at: decidedAt, against: withoutLea)
        #expect(refused.request.status == .refused)
    }
}

@Suite struct ChildPhotoTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 100)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 100)

    @Test(arguments: [
        (jpeg, DocumentFormat.jpeg as DocumentFormat?),
        (png, .png),
        ([UInt8](), nil),
    ])
    func picture_isRecognisedByItsFirstBytes(bytes: [UInt8], format: DocumentFormat?) throws {
        #expect(try ChildPhoto.check(bytes) == format)
    }

    @Test(arguments: [
        (Array("%PDF-1.7 a document".utf8), ChildPhoto.Problem.notAPicture),
        (Array("GIF89a".utf8), .notAPicture),
        (Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), .notAPicture),
        (jpeg + Array(repeating: 0, count: ChildPhoto.maximumBytes), .tooLarge),
    ])
    func otherFiles_andPicturesOver2Mo_areRefused(bytes: [UInt8], problem: ChildPhoto.Problem) {
        #expect(throws: problem) { try ChildPhoto.check(bytes) }
    }

    @Test func pictureOfExactly2Mo_isAccepted() throws {
        let bytes = ChildPhotoTests.jpeg + Array(repeating: 0, count: ChildPhoto.maximumBytes - ChildPhotoTests.jpeg.count)
        #expect(try ChildPhoto.check(bytes) == .jpeg)
    }
}
