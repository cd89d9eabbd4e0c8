import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// One line of a staff queue as the shared list shows it.
struct QueueItem: Sendable, Equatable {
    let id: Int64
    /// Who asked: the family or the sender.
    let who: String
    let summary: String
    let submittedAt: Date
    /// The item's own page, when it has one (details, per-field decisions).
    let detailPath: String?
    /// Short marks shown beside the line: « Santé », « Tardive »…
    var tags: [String] = []
}

/// A filter of the list, sent as a query parameter: a `<select>` or a date field.
struct QueueFilter: Sendable {
    enum Input: Sendable {
        case choice([(value: String, label: String)])
        case date
    }

    let name: String
    let label: String
    let input: Input

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
}

/// What a queue's decider knows: no HTTP, so the concurrency tests call it directly.
struct QueueDecisionContext: Sendable {
    let town: Town
    var tenant: TenantConfig { town.tenant }
    let staff: StaffAccount
    let now: Date
    /// `scheme://host` for links in the family's e-mail.
    let baseURL: String
    let clientAddress: String

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
struct QueueResult: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case done, alreadyDecided, problem }
    let itemID: Int64
    let kind: Kind
    let message: String
}

/// The behaviour every back-office queue shares: a filtered list, bulk accept / refuse with a
/// reason, the family told by e-mail, the decision kept in `queue_decisions` and the audit log,
/// and no double processing: each `decide` locks its item (`SELECT … FOR UPDATE` or a
/// conditional `UPDATE … WHERE status = pending`) and answers `.alreadyDecided` when it lost,
/// which the agent reads as « déjà traitée par … ». A queue is a value: an area declares one
/// (`StaffQueue+Documents.swift`) and registers it with `StaffQueues.register`.
struct StaffQueue: Sendable {
    /// Its name in `queue_decisions` and in the audit log (`queue.<code>.accepted`).
    let code: String
    let title: String
    let path: String
    let roles: Set<StaffRole>
    /// « Demande », « Document »: how the results speak of one item, and its grammatical gender.
    let itemNoun: String
    var feminine = true
    /// The queue's own filters; options may come from the town file or from what waits.
    var filters: @Sendable (_ tenant: TenantConfig, _ connection: PostgresConnection) throws -> [QueueFilter] = { _, _ in [] }
    /// The notice after a redirect to the list (`?ok=…`), in the area's own words.
    var banner: @Sendable (HTTPRequest) -> Node = { Notices.banner($0) }
    let load: @Sendable (_ filters: [String: String], _ tenant: TenantConfig, _ connection: PostgresConnection) throws -> [QueueItem]
    let decide: @Sendable (_ itemID: Int64, _ verdict: QueueVerdict, _ reason: String, _ context: QueueDecisionContext,
                           _ connection: PostgresConnection) throws -> QueueItemOutcome

    var access: Access { .staff(roles) }

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

    /// Each item in its own transaction: one that lost to another agent does not undo the others.
    func process(_ ids: [Int64], verdict: QueueVerdict, reason: String, context: QueueDecisionContext,
                 transaction: (_ body: (PostgresConnection) throws -> QueueResult) throws -> QueueResult) throws -> [QueueResult] {
        try ids.map { id in try transaction { try decideOne(id, verdict: verdict, reason: reason, context: context, in: $0) } }
    }
}

extension RequestContext {
    var queueDecisionContext: QueueDecisionContext {
        get throws {
            QueueDecisionContext(town: town, staff: try staff, now: now, baseURL: baseURL, clientAddress: clientAddress)
        }
    }
}

extension RequestContext {
    /// The signed-in staff member as the audit log names them.
    var staffActor: StaffActor {
        get throws {
            let staff = try staff
            return StaffActor(id: staff.id, name: staff.displayName)
        }
    }

    /// Writes the signed-in staff member's action to the audit log, in the action's own transaction.
    func audit(_ action: String, target: String, detail: String = "", in connection: PostgresConnection) throws {
        try StaffAudit.record(try staffActor, action: action, target: target, detail: detail, ip: clientAddress, now: now, in: connection)
    }
}
