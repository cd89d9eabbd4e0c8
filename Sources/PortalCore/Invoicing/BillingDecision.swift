/// Whether a booking is billed, under which tariff, according to its activity's basis
/// (« au réservé » or « au présent ») and the town's rule for excused absences.
public enum BillingDecision: Sendable, Equatable {
    case bill(Tariff, note: String?)
    case skip(SkipReason)

    public enum SkipReason: String, Sendable, Equatable {
        /// Cancelled in time, refused, withdrawn, waiting: nothing was consumed.
        case notConsumed
        /// Waiting for staff (validation or cancellation request): billed once answered.
        case pending
        /// Billed at attendance and the child did not come.
        case notAttended
        /// Billed at attendance and staff have not taken it yet: billed by a later run.
        case attendanceNotTaken
        /// A declared absence the town does not bill.
        case excusedAbsence
    }

    public static func decide(_ booking: BillableBooking, basis: BillingBasis, policy: InvoicingPolicy) -> BillingDecision {
        switch booking.status {
        case .cancelled, .withdrawn:
            // Late cancellations are billed at the service price whatever the basis (seed 002).
            return booking.tariff == .lateCancellation ? .bill(.lateCancellation, note: nil) : .skip(.notConsumed)
        case .refused, .waitingList:
            return .skip(.notConsumed)
        case .pendingValidation, .cancellationRequested:
            return .skip(.pending)
        case .absent:
            // Declared by the family: an excused absence.
            if basis == .attended { return .skip(.notAttended) }
            return policy.excusedAbsences == .billed ? .bill(booking.tariff, note: "absence déclarée") : .skip(.excusedAbsence)
        case .booked:
            let tariff: Tariff = booking.tariff == .lateSurcharge ? .lateSurcharge : .unit
            switch (basis, booking.attendance) {
            case (.booked, .absent?): return .bill(tariff, note: "absence non justifiée")
            case (.booked, _): return .bill(tariff, note: nil)
            case (.attended, .present?): return .bill(tariff, note: nil)
            case (.attended, .absent?): return .skip(.notAttended)
            case (.attended, nil): return .skip(.attendanceNotTaken)
            }
        }
    }
}
