public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Waiting lists per slot, as staff read them: the slots that have one, and one slot's list
/// in the order promotion follows with the trace of every promotion.
public struct WaitingLists: Sendable {
    public struct SlotList: Sendable {
        public let slot: SlotOverview
        public let waiting: [WaitingChild]
        public let promotions: [PromotionTrace]
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// Slots from `today` on with at least one child waiting.
    public func slots(from today: LocalDate) throws -> [SlotOverview] {
        try town.transaction { try SlotOverviewStore.withWaitingList(from: today, in: $0) }
    }

    /// Throws `FlowError.notFound` for a slot the town does not have.
    public func slot(_ id: Int64) throws -> SlotList {
        try town.transaction { connection in
            guard let slot = try SlotOverviewStore.slot(id: id, in: connection) else { throw FlowError.notFound }
            return SlotList(slot: slot, waiting: try SlotOverviewStore.waitingList(slotID: id, in: connection),
                            promotions: try SlotOverviewStore.promotions(slotID: id, in: connection))
        }
    }
}

/// A manual promotion from a waiting list, out of order if staff choose: the booking gets the
/// place, the family is told by e-mail and the audit log keeps who did it, in one transaction.
public struct PromoteFromWaitingList: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(bookingID: Int64, slotID: Int64, by actor: StaffActor, clientAddress: String, now: Date) throws -> SlotOverviewStore.PromotionOutcome {
        let tenant = town.tenant
        return try town.transaction { connection in
            let outcome = try SlotOverviewStore.promote(bookingID: bookingID, slotID: slotID, by: actor, now: now, in: connection)
            if case .promoted(let familyID, let child) = outcome, let slot = try SlotOverviewStore.slot(id: slotID, in: connection) {
                let name = ActivityNames.label(tenant, activity: slot.activity, unit: slot.unit)
                for email in try FamilyRecipients.emails(familyID: familyID, in: connection) {
                    try Outbox.enqueue(MailComposer.mail(tenant, to: email, subject: "Une place s'est libérée pour \(child)", paragraphs: [
                        "Une place s'est libérée le \(FrenchDateFormat.long(slot.day)) (\(name.activity), \(name.unit.lowercased())) : la réservation de \(child) est confirmée.",
                        "Retrouvez-la sur votre planning : \(town.url(town.links.planning()))",
                    ]), now: now, in: connection)
                }
                try StaffAudit.record(actor, action: "waiting_list.promote", target: "booking/\(bookingID)",
                                      detail: "\(child) promu(e) sur le créneau \(slotID)", ip: clientAddress, now: now, in: connection)
            }
            return outcome
        }
    }
}
