public import Foundation
import PortalCore
public import PortalStore
import Postgres

/// One line of a staff queue as the shared list shows it.
public struct QueueItem: Sendable, Equatable {
    /// What the item's own page shows (details, per-field decisions); the web prints its path.
    public enum Subject: Sendable, Equatable {
        case document(Int64)
        case changeRequest(Int64)
        case family(Int64)
    }

    public let id: Int64
    /// Who asked: the family or the sender.
    public let who: String
    public let summary: String
    public let submittedAt: Date
    /// The item's own page, when it has one.
    public let subject: Subject?
    /// Short marks shown beside the line: « Santé », « Tardive »…
    public var tags: [String] = []
}

/// A filter of the list, sent as a query parameter: a `<select>` or a date field.
public struct QueueFilter: Sendable {
    public enum Input: Sendable {
        case choice([(value: String, label: String)])
        case date
    }

    public let name: String
    public let label: String
    public let input: Input

    init(name: String, label: String, options: [(value: String, label: String)]) {
        self.init(name: name, label: label, input: .choice(options))
    }

    private init(name: String, label: String, input: Input) {
        self.name = name
        self.label = label
        self.input = input
    }

    static func date(name: String, label: String) -> QueueFilter { QueueFilter(name: name, label: label, input: .date) }

    /// Only a listed option or a real date is kept: anything else reads as no filter.
    func accepts(_ value: String) -> Bool {
        switch input {
        case .choice(let options): options.contains { $0.value == value }
        case .date: value.isEmpty || LocalDate(iso: value) != nil
        }
    }

    /// The age filter every queue has, applied after the queue's own filters.
    static let age = QueueFilter(name: "recue", label: "Reçue", options: [
        ("", "Toutes les dates"), ("24h", "Depuis 24 heures"), ("7j", "Depuis 7 jours"), ("ancienne", "Il y a plus de 7 jours"),
    ])
}

/// Who decides, when and from where: what a queue's decider knows besides the item.
public struct QueueDecisionContext: Sendable {
    public let town: Town
    var tenant: TenantConfig { town.tenant }
    public let staff: StaffAccount
    public let now: Date
    public let clientAddress: String

    public init(town: Town, staff: StaffAccount, now: Date, clientAddress: String) {
        self.town = town
        self.staff = staff
        self.now = now
        self.clientAddress = clientAddress
    }

    var actor: StaffActor { StaffActor(id: staff.id, name: staff.displayName) }
}

/// What deciding one item did.
enum QueueItemOutcome: Sendable, Equatable {
    /// Saved; the e-mails go to the family through the outbox in the same transaction.
    case decided(summary: String, mails: [OutgoingMail])
    /// Another agent decided it first (its row was no longer pending once locked).
    case alreadyDecided
    /// It cannot be decided from the list (open it to decide field by field, for instance).
    case problem(String)
}

/// The answer about one item after a bulk decision, in French for the agent.
public struct QueueResult: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case done, alreadyDecided, problem }
    public let itemID: Int64
    public let kind: Kind
    public let message: String
}

/// What the list of a queue shows: its filters with the values kept, the items that pass
/// them, and the last decisions.
public struct QueueListing: Sendable {
    public let filters: [QueueFilter]
    /// Only values a filter accepts; empty ones are left out.
    public let values: [String: String]
    public let items: [QueueItem]
    public let history: [QueueDecision]
}

/// « Décider une file de demandes », the behaviour every back-office queue shares: a filtered
/// list, bulk accept / refuse with a reason, the family told by e-mail, the decision kept in
/// `queue_decisions` and the audit log, and no double processing: each `decide` locks its item
/// (`SELECT … FOR UPDATE` or a conditional `UPDATE … WHERE status = pending`) and answers
/// `.alreadyDecided` when it lost, which the agent reads as « déjà traitée par … ». A queue is a
/// value: an area declares one (`DecisionQueue+Documents.swift`).
public struct DecisionQueue: Sendable {
    /// Its name in `queue_decisions` and in the audit log (`queue.<code>.accepted`).
    public let code: String
    /// « Demande », « Document »: how the results speak of one item, and its grammatical gender.
    public let itemNoun: String
    public var feminine = true
    /// The queue's own filters; options may come from the town file or from what waits.
    var filters: @Sendable (_ tenant: TenantConfig, _ connection: PostgresConnection) throws -> [QueueFilter] = { _, _ in [] }
    let load: @Sendable (_ filters: [String: String], _ tenant: TenantConfig, _ connection: PostgresConnection) throws -> [QueueItem]
    let decide: @Sendable (_ itemID: Int64, _ verdict: QueueVerdict, _ reason: String, _ context: QueueDecisionContext,
                           _ connection: PostgresConnection) throws -> QueueItemOutcome

    /// The list in one transaction. `asked` gives the value the request sent for a filter's
    /// name; a value the filter does not accept is dropped, so the list shows everything
    /// rather than an error.
    public func list(in town: Town, asked: (String) -> String?, now: Date) throws -> QueueListing {
        try town.transaction { connection in
            let all = try filters(town.tenant, connection) + [QueueFilter.age]
            var values: [String: String] = [:]
            for filter in all {
                let value = asked(filter.name) ?? ""
                if !value.isEmpty, filter.accepts(value) { values[filter.name] = value }
            }
            return QueueListing(filters: all, values: values, items: try items(values, tenant: town.tenant, now: now, in: connection),
                                history: try QueueDecisions.list(queue: code, limit: 20, in: connection))
        }
    }

    private func items(_ values: [String: String], tenant: TenantConfig, now: Date, in connection: PostgresConnection) throws -> [QueueItem] {
        let all = try load(values, tenant, connection)
        let day: TimeInterval = 86_400
        switch values["recue"] {
        case "24h": return all.filter { $0.submittedAt >= now.addingTimeInterval(-day) }
        case "7j": return all.filter { $0.submittedAt >= now.addingTimeInterval(-7 * day) }
        case "ancienne": return all.filter { $0.submittedAt < now.addingTimeInterval(-7 * day) }
        default: return all
        }
    }

    /// Each item in its own transaction: one that lost to another agent does not undo the
    /// others. Retried on a deadlock: accepting a booking request may promote a waiting child,
    /// whose family lock another confirmation may hold.
    public func decide(_ ids: [Int64], verdict: QueueVerdict, reason: String, context: QueueDecisionContext) throws -> [QueueResult] {
        try ids.map { id in
            try context.town.transaction(retries: 4) { try decideOne(id, verdict: verdict, reason: reason, context: context, in: $0) }
        }
    }

    /// Decides one item inside `connection`'s transaction and records the decision, the audit
    /// line and the e-mail there too, so that all or nothing of it happens.
    func decideOne(_ itemID: Int64, verdict: QueueVerdict, reason: String, context: QueueDecisionContext,
                   in connection: PostgresConnection) throws -> QueueResult {
        let number = "\(itemNoun) n° \(itemID)"
        let ending = feminine ? "e" : ""
        switch try decide(itemID, verdict, reason, context, connection) {
        case .decided(let summary, let mails):
            try QueueDecisions.record(queue: code, itemID: itemID, verdict: verdict, reason: reason, by: context.actor,
                                      now: context.now, in: connection)
            try StaffAudit.record(context.actor, action: "queue.\(code).\(verdict.rawValue)", target: "\(code)/\(itemID)",
                                  detail: reason.isEmpty ? summary : "\(summary) – motif : \(reason)", ip: context.clientAddress,
                                  now: context.now, in: connection)
            for mail in mails { try Outbox.enqueue(mail, now: context.now, in: connection) }
            return QueueResult(itemID: itemID, kind: .done, message: "\(number) \(verdict.frenchStem)\(ending) : \(summary).")
        case .alreadyDecided:
            let message: String
            if let last = try QueueDecisions.latest(queue: code, itemID: itemID, in: connection) {
                message = "\(number) déjà traité\(ending) par \(last.staffName) le \(FrenchDateFormat.longWithTime(last.decidedAt)) (\(last.verdict.frenchStem)\(ending))."
            } else {
                message = "\(number) déjà traité\(ending) (ou retiré\(ending) par la famille)."
            }
            return QueueResult(itemID: itemID, kind: .alreadyDecided, message: message)
        case .problem(let text):
            return QueueResult(itemID: itemID, kind: .problem, message: "\(number) : \(text)")
        }
    }
}
