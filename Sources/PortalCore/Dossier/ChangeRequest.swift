#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Who acted on a change request: a family member's account or a staff member.
public struct DossierActor: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case family, staff }

    public let kind: Kind
    public let id: Int64
    public let name: String

    public init(_ kind: Kind, id: Int64, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }
}

public enum FieldDecision: Hashable, Sendable {
    case pending
    case accepted(by: DossierActor, at: Date)
    case refused(reason: String, by: DossierActor, at: Date)
}

/// One field a family asks to change, with the value it saw when asking.
public struct FieldChange: Hashable, Sendable {
    public let target: FieldTarget
    /// The value when the family submitted; "" for a proposed record.
    public let oldValue: String
    public let newValue: String
    public var decision: FieldDecision

    public init(target: FieldTarget, oldValue: String, newValue: String, decision: FieldDecision = .pending) {
        self.target = target
        self.oldValue = oldValue
        self.newValue = newValue
        self.decision = decision
    }

    public var isPending: Bool { decision == .pending }
}

/// The status « Mes demandes » shows, derived from the fields' decisions.
public enum ChangeRequestStatus: String, Hashable, Sendable, CaseIterable {
    case pending, accepted, partiallyAccepted, refused, withdrawn

    public var frenchLabel: String {
        switch self {
        case .pending: "Demande en cours"
        case .accepted: "Acceptée"
        case .partiallyAccepted: "Acceptée partiellement"
        case .refused: "Refusée"
        case .withdrawn: "Retirée"
        }
    }
}

/// What happened to a request, by whom and when.
public struct DossierHistoryEntry: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case submitted(fieldCount: Int)
        case withdrawn
        case accepted([FieldTarget])
        case refused([FieldTarget], reason: String)
    }

    public let at: Date
    public let actor: DossierActor
    public let action: Action

    public init(at: Date, actor: DossierActor, action: Action) {
        self.at = at
        self.actor = actor
        self.action = action
    }
}

/// A family's submission: field changes that staff accept or refuse one by one or together.
/// A value type: every operation returns the next state or throws and changes nothing.
public struct ChangeRequest: Hashable, Sendable {
    public var id: Int64?
    public let familyID: Int64
    public let submittedBy: DossierActor
    public let submittedAt: Date
    public private(set) var changes: [FieldChange]
    public private(set) var withdrawnAt: Date?
    public private(set) var history: [DossierHistoryEntry]

    /// Rebuilds a stored request as it was saved.
    public init(id: Int64?, familyID: Int64, submittedBy: DossierActor, submittedAt: Date, changes: [FieldChange],
                withdrawnAt: Date? = nil, history: [DossierHistoryEntry]) {
        self.id = id
        self.familyID = familyID
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.changes = changes
        self.withdrawnAt = withdrawnAt
        self.history = history
    }

    public var status: ChangeRequestStatus {
        if withdrawnAt != nil { return .withdrawn }
        if changes.contains(where: \.isPending) { return .pending }
        let accepted = changes.filter { if case .accepted = $0.decision { true } else { false } }.count
        if accepted == changes.count { return .accepted }
        return accepted == 0 ? .refused : .partiallyAccepted
    }

    public var isOpen: Bool { status == .pending }

    /// Targets still waiting for staff, to show « en attente de validation » beside them.
    public var pendingTargets: Set<FieldTarget> {
        isOpen ? Set(changes.filter(\.isPending).map(\.target)) : []
    }

    public enum WithdrawProblem: Error, Hashable, Sendable {
        case alreadyWithdrawn
        case alreadyAnswered
        case notTheFamily

        public var frenchMessage: String {
            switch self {
            case .alreadyWithdrawn: "Cette demande a déjà été retirée."
            case .alreadyAnswered: "Le service a déjà répondu à une partie de cette demande : elle ne peut plus être retirée."
            case .notTheFamily: "Seule la famille peut retirer sa demande."
            }
        }
    }

    /// A family may withdraw its request as long as no field has been answered.
    public func withdrawing(by actor: DossierActor, at now: Date) throws(WithdrawProblem) -> ChangeRequest {
        guard withdrawnAt == nil else { throw .alreadyWithdrawn }
        guard actor.kind == .family else { throw .notTheFamily }
        guard changes.allSatisfy(\.isPending) else { throw .alreadyAnswered }
        var next = self
        next.withdrawnAt = now
        next.history.append(DossierHistoryEntry(at: now, actor: actor, action: .withdrawn))
        return next
    }

    mutating func record(_ decision: FieldDecision, for target: FieldTarget) {
        guard let index = changes.firstIndex(where: { $0.target == target }) else { return }
        changes[index].decision = decision
    }

    mutating func append(_ entry: DossierHistoryEntry) { history.append(entry) }
}
