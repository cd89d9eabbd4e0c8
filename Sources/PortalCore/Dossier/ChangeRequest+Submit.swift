#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A value a family typed for one field.
public struct ProposedChange: Hashable, Sendable {
    public let target: FieldTarget
    public let typed: String

    public init(_ target: FieldTarget, _ typed: String) {
        self.target = target
        self.typed = typed
    }
}

/// Why a submission was refused: a French message per field, or one for the whole form.
public struct SubmissionRefusal: Error, Hashable, Sendable {
    public let fieldProblems: [FieldTarget: String]
    public let general: String?

    public init(fieldProblems: [FieldTarget: String], general: String?) {
        self.fieldProblems = fieldProblems
        self.general = general
    }

    public static let nothingChanged = "Aucune modification à envoyer : les valeurs saisies sont celles de votre dossier."
}

extension ChangeRequest {
    /// Checks what the family typed against its own file and makes a pending request of the
    /// fields that really change. Records of another family, staff-only fields, fields already
    /// waiting for validation and invalid values are refused with a message each.
    public static func submit(_ proposals: [ProposedChange], to dossier: Family, by actor: DossierActor,
                              at now: Date, today: LocalDate, alreadyPending: Set<FieldTarget> = []) throws(SubmissionRefusal) -> ChangeRequest {
        var problems: [FieldTarget: String] = [:]
        var changes: [FieldChange] = []
        var seen: Set<FieldTarget> = []
        for proposal in proposals {
            let target = proposal.target
            guard seen.insert(target).inserted else { problems[target] = "Ce champ est modifié deux fois."; continue }
            guard let field = target.field else { problems[target] = "Champ inconnu."; continue }
            guard field.isEditableByFamily else { problems[target] = "Ce champ est renseigné par le service : il ne se modifie pas en ligne."; continue }
            let oldValue: String
            switch target.record {
            case .existing:
                guard let current = dossier.value(at: target) else { problems[target] = "Fiche introuvable dans votre dossier."; continue }
                oldValue = current
            case .proposed:
                guard !target.isRemoval else { problems[target] = "Fiche introuvable dans votre dossier."; continue }
                guard target.entity != .guardian else { problems[target] = "Un nouveau responsable s'ajoute par le service."; continue }
                oldValue = ""
            }
            switch field.normalise(proposal.typed, today: today) {
            case .failure(let problem):
                problems[target] = problem.frenchMessage
            case .success(let value) where value == oldValue:
                continue
            case .success(let value):
                guard !alreadyPending.contains(target) else {
                    problems[target] = "Une modification de ce champ attend déjà la validation du service."
                    continue
                }
                changes.append(FieldChange(target: target, oldValue: oldValue, newValue: value))
            }
        }
        if problems.isEmpty {
            do {
                _ = try dossier.applying(changes.map { ($0.target, $0.newValue) })
            } catch {
                if case .incompleteRecord(let target) = error { problems[target] = FieldProblem.required.frenchMessage }
            }
        }
        guard problems.isEmpty else { throw SubmissionRefusal(fieldProblems: problems, general: nil) }
        guard !changes.isEmpty else { throw SubmissionRefusal(fieldProblems: [:], general: SubmissionRefusal.nothingChanged) }
        return ChangeRequest(id: nil, familyID: dossier.familyID, submittedBy: actor, submittedAt: now, changes: changes,
                             history: [DossierHistoryEntry(at: now, actor: actor, action: .submitted(fieldCount: changes.count))])
    }
}
