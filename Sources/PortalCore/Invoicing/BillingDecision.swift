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
            // Declared past the town's absence deadline: not excused, billed the rule's charge.
            if booking.tariff == .lateAbsence { return .bill(.lateAbsence, note: "absence déclarée hors délai") }
            // Declared in time: an excused absence.
            return excused(booking, basis: basis, policy: policy, note: "absence déclarée")
        case .booked:
            let tariff: Tariff = booking.tariff == .lateSurcharge ? .lateSurcharge : .unit
            switch (basis, booking.attendance) {
            case (_, .absentExcused?): return excused(booking, basis: basis, policy: policy, note: "absence justifiée")
            case (.booked, .absentUnexcused?): return .bill(tariff, note: "absence non justifiée")
            case (.booked, _): return .bill(tariff, note: nil)
            case (.attended, .present?): return .bill(tariff, note: nil)
            case (.attended, .absentUnexcused?): return .skip(.notAttended)
            case (.attended, nil): return .skip(.attendanceNotTaken)
            }
        }
    }

    /// At attendance an absent child costs nothing; on the booked basis the town's rule decides.
    private static func excused(_ booking: BillableBooking, basis: BillingBasis, policy: InvoicingPolicy, note: String) -> BillingDecision {
        if basis == .attended { return .skip(.notAttended) }
        let tariff: Tariff = booking.tariff == .lateSurcharge ? .lateSurcharge : .unit
        return policy.excusedAbsences == .billed ? .bill(tariff, note: note) : .skip(.excusedAbsence)
    }
}
