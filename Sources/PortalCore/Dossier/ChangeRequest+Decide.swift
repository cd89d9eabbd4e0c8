public import Foundation

/// A staff member's answer to one field.
public enum StaffAnswer: Hashable, Sendable {
    case accept
    case refuse(reason: String)
}

/// A decision's result: the request's next state and the family file with the accepted values
/// written, to be saved together.
public struct DecisionOutcome: Hashable, Sendable {
    public let request: ChangeRequest
    public let dossier: Family
    public let accepted: [FieldChange]
    public let refused: [FieldChange]
}

public enum DecisionProblem: Error, Hashable, Sendable {
    case withdrawn
    case nothingToDecide
    case notInRequest(FieldTarget)
    case alreadyAnswered(FieldTarget)
    case missingReason
    /// The value changed since the family asked; staff must confirm they still accept.
    case staleNotAcknowledged([FieldTarget])
    /// The record was removed since the family asked.
    case recordGone(FieldTarget)
    /// A proposed new record is accepted or refused whole.
    case proposedRecordSplit(FieldTarget)

    public var frenchMessage: String {
        switch self {
        case .withdrawn: "La famille a retiré cette demande."
        case .nothingToDecide: "Choisissez au moins un champ à accepter ou à refuser."
        case .notInRequest: "Ce champ ne fait pas partie de la demande."
        case .alreadyAnswered: "Ce champ a déjà reçu une réponse."
        case .missingReason: "Indiquez à la famille la raison du refus."
        case .staleNotAcknowledged: "La valeur du dossier a changé depuis la demande : confirmez que vous acceptez quand même."
        case .recordGone: "Cette fiche n'existe plus dans le dossier : la modification ne peut qu'être refusée."
        case .proposedRecordSplit: "Une nouvelle fiche s'accepte ou se refuse en entier."
        }
    }
}

extension ChangeRequest {
    /// Pending changes whose old value is no longer the file's (someone changed it meanwhile),
    /// or whose record is gone: staff see them flagged before deciding.
    public func staleTargets(against dossier: Family) -> [FieldTarget] {
        changes.filter { change in
            guard change.isPending, case .existing = change.target.record else { return false }
            return dossier.value(at: change.target) != change.oldValue
        }.map(\.target)
    }

    /// Every pending field answered the same way: « accepter tout » / « refuser tout ».
    public func decidingAll(_ answer: StaffAnswer, by staff: DossierActor, at now: Date, against dossier: Family,
                            acknowledgingStale: Set<FieldTarget> = []) throws(DecisionProblem) -> DecisionOutcome {
        let answers = Dictionary(uniqueKeysWithValues: changes.filter(\.isPending).map { ($0.target, answer) })
        return try deciding(answers, by: staff, at: now, against: dossier, acknowledgingStale: acknowledgingStale)
    }

    /// Records the answers and writes the accepted values, all or nothing: on any problem the
    /// request and the file are left as they were.
    public func deciding(_ answers: [FieldTarget: StaffAnswer], by staff: DossierActor, at now: Date, against dossier: Family,
                         acknowledgingStale: Set<FieldTarget> = []) throws(DecisionProblem) -> DecisionOutcome {
        guard withdrawnAt == nil else { throw .withdrawn }
        guard !answers.isEmpty else { throw .nothingToDecide }
        let ordered = changes.filter { answers[$0.target] != nil }
        for target in answers.keys {
            guard let change = changes.first(where: { $0.target == target }) else { throw .notInRequest(target) }
            guard change.isPending else { throw .alreadyAnswered(target) }
        }
        for case .refuse(let reason) in answers.values where reason.allSatisfy(\.isWhitespace) { throw .missingReason }
        try checkProposedRecordsAreWhole(answers)

        let accepting = ordered.filter { answers[$0.target] == .accept }
        let stale = Set(staleTargets(against: dossier))
        for change in accepting where stale.contains(change.target) {
            if dossier.value(at: change.target) == nil { throw .recordGone(change.target) }
        }
        let unacknowledged = accepting.map(\.target).filter { stale.contains($0) && !acknowledgingStale.contains($0) }
        guard unacknowledged.isEmpty else { throw .staleNotAcknowledged(unacknowledged) }

        let updated: Family
        do {
            updated = try dossier.applying(accepting.map { ($0.target, $0.newValue) })
        } catch {
            switch error {
            case .recordNotFound(let target), .unknownField(let target), .incompleteRecord(let target): throw .recordGone(target)
            }
        }

        var next = self
        var refusedByReason: [(reason: String, targets: [FieldTarget])] = []
        for change in ordered {
            switch answers[change.target] {
            case .accept:
                next.record(.accepted(by: staff, at: now), for: change.target)
            case .refuse(let reason):
                let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
                next.record(.refused(reason: reason, by: staff, at: now), for: change.target)
                if let index = refusedByReason.firstIndex(where: { $0.reason == reason }) {
                    refusedByReason[index].targets.append(change.target)
                } else {
                    refusedByReason.append((reason, [change.target]))
                }
            case nil:
                continue
            }
        }
        if !accepting.isEmpty { next.append(DossierHistoryEntry(at: now, actor: staff, action: .accepted(accepting.map(\.target)))) }
        for group in refusedByReason {
            next.append(DossierHistoryEntry(at: now, actor: staff, action: .refused(group.targets, reason: group.reason)))
        }
        let decided = next.changes.filter { answers[$0.target] != nil }
        return DecisionOutcome(request: next, dossier: updated,
                               accepted: decided.filter { if case .accepted = $0.decision { true } else { false } },
                               refused: decided.filter { if case .refused = $0.decision { true } else { false } })
    }

    /// A proposed record (a child with its health sheet, a contact) is answered in one go, the
    /// same way for all its fields, so that no half record is ever created.
    private func checkProposedRecordsAreWhole(_ answers: [FieldTarget: StaffAnswer]) throws(DecisionProblem) {
        let proposed = changes.filter { if case .proposed = $0.target.record { $0.isPending } else { false } }
        let groups = Dictionary(grouping: proposed) { "\($0.target.recordEntity.rawValue)/\($0.target.record)" }
        for members in groups.values {
            let kinds = Set(members.map { change -> String in
                switch answers[change.target] {
                case .accept: "accept"
                case .refuse: "refuse"
                case nil: "none"
                }
            })
            if kinds.count > 1, let first = members.first { throw .proposedRecordSplit(first.target) }
        }
    }
}
