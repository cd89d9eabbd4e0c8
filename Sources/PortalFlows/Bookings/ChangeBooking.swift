public import Foundation
public import PortalCore
import PortalStore
import Postgres

/// A change the family makes to one of its bookings from the planning: an absence, judged
/// against the town's absence deadline and recorded in « Mes demandes », or the withdrawal of
/// a request still waiting for staff, whose line in « Mes demandes » follows (done once nothing
/// of the confirmation waits). Places it frees go to the waiting list in the same transaction.
public struct ChangeBooking: Sendable {
    public enum Change: Sendable {
        case absence, withdrawal
    }

    public enum Outcome: Sendable {
        case done
        /// The booking changed meanwhile: this change no longer applies.
        case stale
        /// The rule's own sentence names the deadline that passed.
        case refused(RuleDecision)
    }

    public struct Result: Sendable {
        public let familyID: Int64
        /// The day of the booking, for the planning to open on.
        public let date: LocalDate
        public let outcome: Outcome
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// Another family's booking id reads as not found. Retried on deadlock or serialization failure.
    public func run(_ change: Change, bookingID: Int64, accountID: Int64, family asked: Int64??, now: Date) throws -> Result {
        let judge = town.judge
        return try town.transaction(retries: 4) { connection -> Result in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection),
                  let found = try BookingStore.find(bookingID: bookingID, in: connection), found.familyID == family.id else { throw FlowError.notFound }
            do {
                let applied = try apply(change, bookingID: bookingID, family: family, accountID: accountID, judge: judge, now: now, in: connection)
                try BookingEffects(town: town).notify(applied.promotions, now: now, in: connection)
                return Result(familyID: family.id, date: found.booking.slot.date, outcome: .done)
            } catch BookingStoreError.transition {
                return Result(familyID: family.id, date: found.booking.slot.date, outcome: .stale)
            } catch BookingStoreError.refused(let decision) {
                return Result(familyID: family.id, date: found.booking.slot.date, outcome: .refused(decision))
            }
        }
    }

    private func apply(_ change: Change, bookingID id: Int64, family: BookingFamily, accountID: Int64, judge: BookingJudge, now: Date,
                       in connection: PostgresConnection) throws -> BookingChange {
        switch change {
        case .absence:
            let applied = try BookingStore.declareAbsence(bookingID: id, familyID: family.id, judge: judge, families: BookingEffects.profiles,
                                                          now: now, in: connection)
            if let found = try BookingStore.find(bookingID: id, in: connection) {
                try BookingEffects(town: town).afterAbsence(found.booking, familyID: family.id, childName: family.childName(found.booking.slot.childID),
                                                            accountID: accountID, now: now, in: connection)
            }
            return applied
        case .withdrawal:
            let applied = try BookingStore.withdraw(bookingID: id, familyID: family.id, judge: judge, families: BookingEffects.profiles,
                                                    now: now, in: connection)
            if let (requestID, open) = try ConfirmationStore.request(ofBooking: id, in: connection),
               let slot = try BookingStore.find(bookingID: id, in: connection)?.booking.slot {
                try Requests.update(requestID: requestID, status: open > 0 ? .pending : .done,
                                    note: "\(FrenchDateFormat.short(slot.date)), \(family.childName(slot.childID)) : demande retirée",
                                    actor: .family, now: now, in: connection)
            }
            return applied
        }
    }
}
