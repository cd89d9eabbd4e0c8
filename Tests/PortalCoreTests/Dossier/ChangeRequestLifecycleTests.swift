import Foundation
import Testing
import PortalCore

@Suite struct ChangeRequestLifecycleTests {
    @Test func submission_keepsOnlyRealChanges_withTheValuesSeenWhenAsking() throws {
        let request = try ChangeRequest.submit([
            ProposedChange(target(.health, 21, "allergies"), "Arachide, kiwi"),
            ProposedChange(target(.guardian, 11, "mobile_phone"), "06 12 34 56 78"),
            ProposedChange(target(.guardian, 11, "city"), "Costaros"),
        ], to: martinDossier(), by: marieActor, at: submittedAt, today: today)
        #expect(request.changes == [FieldChange(target: target(.health, 21, "allergies"), oldValue: "Arachide", newValue: "Arachide, kiwi")])
        #expect(request.status == .pending)
        #expect(request.history == [DossierHistoryEntry(at: submittedAt, actor: marieActor, action: .submitted(fieldCount: 1))])
        #expect(request.summary(in: martinDossier()) == "Modification du dossier : Allergies (Léa Martin)")
    }

    @Test(arguments: [
        (target(.child, 99, "first_names"), "Zoé", "Fiche introuvable dans votre dossier."),
        (target(.contact, 21, "phone"), "0612345678", "Fiche introuvable dans votre dossier."),
        (target(.guardian, 11, "resident"), "oui", "Ce champ est renseigné par le service : il ne se modifie pas en ligne."),
        (target(.guardian, 11, "password"), "x", "Champ inconnu."),
        (target(.guardian, 11, "iban"), "FR76 3000 6000 0112 3456 7890 188", IBAN.Problem.badChecksum.frenchMessage),
        (target(.child, 21, "birth_date"), "02/09/2026", "Cette date est dans le futur."),
        (FieldTarget(.guardian, .proposed(1), "last_name"), "Martin", "Un nouveau responsable s'ajoute par le service."),
    ])
    func submission_refusesWhatTheFamilyMayNotOrCannotChange(target: FieldTarget, typed: String, message: String) {
        #expect(throws: SubmissionRefusal(fieldProblems: [target: message], general: nil)) {
            try ChangeRequest.submit([ProposedChange(target, typed)], to: martinDossier(), by: marieActor, at: submittedAt, today: today)
        }
    }

    @Test func submission_withNothingNew_saysSo() {
        #expect(throws: SubmissionRefusal(fieldProblems: [:], general: SubmissionRefusal.nothingChanged)) {
            try ChangeRequest.submit([ProposedChange(target(.health, 21, "allergies"), " Arachide ")], to: martinDossier(),
                                     by: marieActor, at: submittedAt, today: today)
        }
    }

    @Test func submission_ofAFieldAlreadyWaiting_isRefused() throws {
        let waiting = try allergyAndPhoneRequest().pendingTargets
        let field = target(.health, 21, "allergies")
        #expect(throws: SubmissionRefusal(fieldProblems: [field: "Une modification de ce champ attend déjà la validation du service."], general: nil)) {
            try ChangeRequest.submit([ProposedChange(field, "Aucune")], to: martinDossier(), by: marieActor, at: submittedAt, today: today,
                                     alreadyPending: waiting)
        }
    }

    @Test func withdrawal_beforeAnyAnswer_closesTheRequest() throws {
        let withdrawn = try allergyAndPhoneRequest().withdrawing(by: marieActor, at: decidedAt)
        #expect(withdrawn.status == .withdrawn)
        #expect(withdrawn.status.frenchLabel == "Retirée")
        #expect(withdrawn.pendingTargets.isEmpty)
        #expect(withdrawn.history.last == DossierHistoryEntry(at: decidedAt, actor: marieActor, action: .withdrawn))
        #expect(throws: ChangeRequest.WithdrawProblem.alreadyWithdrawn) { try withdrawn.withdrawing(by: marieActor, at: decidedAt) }
        #expect(throws: DecisionProblem.withdrawn) {
            try withdrawn.decidingAll(.accept, by: agentActor, at: decidedAt, against: martinDossier())
        }
    }

    @Test func withdrawal_afterOneFieldIsAnswered_isRefused() throws {
        let outcome = try allergyAndPhoneRequest().deciding([target(.health, 21, "allergies"): .accept], by: agentActor, at: decidedAt,
                                                            against: martinDossier())
        #expect(outcome.request.status == .pending)
        #expect(throws: ChangeRequest.WithdrawProblem.alreadyAnswered) { try outcome.request.withdrawing(by: marieActor, at: decidedAt) }
        #expect(throws: ChangeRequest.WithdrawProblem.notTheFamily) { try allergyAndPhoneRequest().withdrawing(by: agentActor, at: decidedAt) }
    }

    @Test func partialAcceptance_writesOnlyTheAcceptedField_andSaysAcceptéePartiellement() throws {
        let request = try allergyAndPhoneRequest()
        let outcome = try request.deciding([
            target(.health, 21, "allergies"): .accept,
            target(.guardian, 11, "mobile_phone"): .refuse(reason: "  Numéro injoignable. "),
        ], by: agentActor, at: decidedAt, against: martinDossier())
        #expect(outcome.dossier.children[0].health.allergies == "Arachide, kiwi")
        #expect(outcome.dossier.guardians[0].mobilePhone == "0612345678")
        #expect(outcome.request.status == .partiallyAccepted)
        #expect(outcome.request.status.frenchLabel == "Acceptée partiellement")
        #expect(outcome.accepted.map(\.target) == [target(.health, 21, "allergies")])
        #expect(outcome.refused.map(\.decision) == [.refused(reason: "Numéro injoignable.", by: agentActor, at: decidedAt)])
        #expect(outcome.request.history.dropFirst() == [
            DossierHistoryEntry(at: decidedAt, actor: agentActor, action: .accepted([target(.health, 21, "allergies")])),
            DossierHistoryEntry(at: decidedAt, actor: agentActor, action: .refused([target(.guardian, 11, "mobile_phone")], reason: "Numéro injoignable.")),
        ])
    }

    @Test(arguments: [
        (StaffAnswer.accept, ChangeRequestStatus.accepted, "Arachide, kiwi", "0711223344"),
        (.refuse(reason: "Justificatif manquant"), .refused, "Arachide", "0612345678"),
    ])
    func wholeRequestAnswer_appliesToEveryField(answer: StaffAnswer, status: ChangeRequestStatus, allergies: String, phone: String) throws {
        let outcome = try allergyAndPhoneRequest().decidingAll(answer, by: agentActor, at: decidedAt, against: martinDossier())
        #expect(outcome.request.status == status)
        #expect(outcome.dossier.children[0].health.allergies == allergies)
        #expect(outcome.dossier.guardians[0].mobilePhone == phone)
    }

    @Test func answeringInTwoSteps_endsWithTheDerivedStatus() throws {
        let first = try allergyAndPhoneRequest().deciding([target(.guardian, 11, "mobile_phone"): .refuse(reason: "Doublon")], by: agentActor,
                                                          at: decidedAt, against: martinDossier())
        #expect(first.request.status == .pending)
        let second = try first.request.deciding([target(.health, 21, "allergies"): .refuse(reason: "Certificat médical demandé")],
                                                by: agentActor, at: decidedAt, against: first.dossier)
        #expect(second.request.status == .refused)
        #expect(throws: DecisionProblem.alreadyAnswered(target(.health, 21, "allergies"))) {
            try second.request.deciding([target(.health, 21, "allergies"): .accept], by: agentActor, at: decidedAt, against: second.dossier)
        }
    }

    @Test(arguments: [
        ([target(.guardian, 11, "mobile_phone"): StaffAnswer.refuse(reason: " ")], DecisionProblem.missingReason),
        ([:], .nothingToDecide),
        ([target(.guardian, 11, "email"): .accept], .notInRequest(target(.guardian, 11, "email"))),
    ])
    func invalidDecision_changesNothing(answers: [FieldTarget: StaffAnswer], problem: DecisionProblem) throws {
        let request = try allergyAndPhoneRequest()
        #expect(throws: problem) { try request.deciding(answers, by: agentActor, at: decidedAt, against: martinDossier()) }
    }

    @Test func staleChange_isFlagged_andAcceptingItNeedsStaffConfirmation() throws {
        let request = try allergyAndPhoneRequest()
        var meanwhile = martinDossier()
        meanwhile.children[0].health.allergies = "Arachide, lait"
        let allergies = target(.health, 21, "allergies")
        #expect(request.staleTargets(against: meanwhile) == [allergies])
        #expect(throws: DecisionProblem.staleNotAcknowledged([allergies])) {
            try request.decidingAll(.accept, by: agentActor, at: decidedAt, against: meanwhile)
        }
        let confirmed = try request.decidingAll(.accept, by: agentActor, at: decidedAt, against: meanwhile, acknowledgingStale: [allergies])
        #expect(confirmed.dossier.children[0].health.allergies == "Arachide, kiwi")
        let refused = try request.decidingAll(.refuse(reason: "Valeur déjà mise à jour"), by: agentActor, at: decidedAt, against: meanwhile)
        #expect(refused.request.status == .refused)
    }

    @Test func changeToARecordRemovedMeanwhile_canOnlyBeRefused() throws {
        let request = try ChangeRequest.submit([ProposedChange(target(.contact, 31, "phone"), "0611111111")], to: martinDossier(),
                                               by: marieActor, at: submittedAt, today: today)
        var meanwhile = martinDossier()
        meanwhile.contacts = []
        #expect(throws: DecisionProblem.recordGone(target(.contact, 31, "phone"))) {
            try request.decidingAll(.accept, by: agentActor, at: decidedAt, against: meanwhile, acknowledgingStale: [target(.contact, 31, "phone")])
        }
        #expect(try request.decidingAll(.refuse(reason: "Contact supprimé"), by: agentActor, at: decidedAt, against: meanwhile).request.status == .refused)
    }

    @Test func proposedContact_isCreatedWhole_orNotAtAll() throws {
        let new = RecordRef.proposed(1)
        let fields = [("last_name", "Durand"), ("first_names", "Anne"), ("relation", "Voisine"), ("phone", "06 98 76 54 32"), ("permission", "urgence")]
        let request = try ChangeRequest.submit(fields.map { ProposedChange(FieldTarget(.contact, new, $0.0), $0.1) } +
                                               [ProposedChange(target(.health, 21, "allergies"), "Aucune")],
                                               to: martinDossier(), by: marieActor, at: submittedAt, today: today)
        #expect(throws: DecisionProblem.proposedRecordSplit(FieldTarget(.contact, new, "last_name"))) {
            try request.deciding([FieldTarget(.contact, new, "last_name"): .accept], by: agentActor, at: decidedAt, against: martinDossier())
        }
        let answers = Dictionary(uniqueKeysWithValues: fields.map { (FieldTarget(.contact, new, $0.0), StaffAnswer.accept) })
        let outcome = try request.deciding(answers, by: agentActor, at: decidedAt, against: martinDossier())
        #expect(outcome.dossier.contacts.count == 2)
        #expect(outcome.dossier.contacts[1].id == nil)
        #expect(outcome.dossier.contacts[1].displayName == "Anne Durand")
        #expect(outcome.dossier.contacts[1].phone == "0698765432")
        #expect(outcome.dossier.contacts[1].permission == .emergencyOnly)
        #expect(outcome.request.status == .pending)
    }

    @Test func proposedContact_missingARequiredField_isRefusedAtSubmission() {
        let new = RecordRef.proposed(1)
        #expect(throws: SubmissionRefusal(fieldProblems: [FieldTarget(.contact, new, "relation"): "Ce champ est obligatoire."], general: nil)) {
            try ChangeRequest.submit([
                ProposedChange(FieldTarget(.contact, new, "last_name"), "Durand"),
                ProposedChange(FieldTarget(.contact, new, "first_names"), "Anne"),
                ProposedChange(FieldTarget(.contact, new, "phone"), "0698765432"),
                ProposedChange(FieldTarget(.contact, new, "permission"), "urgence"),
            ], to: martinDossier(), by: marieActor, at: submittedAt, today: today)
        }
    }

    @Test func proposedChild_withItsHealthSheet_isOneRecord() throws {
        let baby = RecordRef.proposed(1)
        let request = try ChangeRequest.submit([
            ProposedChange(FieldTarget(.child, baby, "last_name"), "Martin"),
            ProposedChange(FieldTarget(.child, baby, "first_names"), "Tom"),
            ProposedChange(FieldTarget(.child, baby, "birth_date"), "15/06/2026"),
            ProposedChange(FieldTarget(.health, baby, "allergies"), "Lait"),
        ], to: martinDossier(), by: marieActor, at: submittedAt, today: today)
        #expect(throws: DecisionProblem.proposedRecordSplit(FieldTarget(.child, baby, "last_name"))) {
            try request.deciding([FieldTarget(.health, baby, "allergies"): .refuse(reason: "Non")], by: agentActor, at: decidedAt, against: martinDossier())
        }
        let outcome = try request.decidingAll(.accept, by: agentActor, at: decidedAt, against: martinDossier())
        #expect(outcome.dossier.children.map(\.displayName) == ["Léa Martin", "Tom Martin"])
        #expect(outcome.dossier.children[1].health.allergies == "Lait")
        #expect(outcome.dossier.children[1].birthDate == day("2026-06-15"))
    }
}
