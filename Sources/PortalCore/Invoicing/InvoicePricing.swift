/// The price of a billed unit for one family, from the town's file: unit price by quotient
/// bracket and residency, the day's outing supplement, and the late rules' surcharges.
public struct InvoicePricing: Sendable {
    public let tenant: TenantConfig
    public let quotient: Int?
    public let residency: Residency

    public init(tenant: TenantConfig, quotient: Int?, residency: Residency) {
        self.tenant = tenant
        self.quotient = quotient
        self.residency = residency
    }

    public func unitPrice(activity: Activity, unit: ActivityUnit) -> Money {
        activity.price(of: unit, quotient: quotient, residency: residency) ?? .zero
    }

    /// nil when the activity or unit is no longer in the file (staff must bill it by hand).
    public func price(activity code: String, unit unitCode: String, day: LocalDate, tariff: Tariff) -> Money? {
        guard let activity = tenant.activity(code), let unit = activity.unit(unitCode) else { return nil }
        let base = unitPrice(activity: activity, unit: unit)
        let supplement = activity.supplement(on: day).flatMap { $0.units.contains(unit.code) ? $0.amount : nil } ?? .zero
        switch tariff {
        case .unit:
            return base + supplement
        case .lateSurcharge:
            let surcharge = activity.booking.deadline(for: .book)?.late.surcharge
            return (surcharge?.amount(unitPrice: base) ?? base) + supplement
        case .lateCancellation:
            // « Une annulation vous sera facturée le prix du service » unless the rule says otherwise.
            let surcharge = activity.booking.deadline(for: .cancel)?.late.surcharge
            return surcharge?.amount(unitPrice: base) ?? base
        case .lateAbsence:
            let surcharge = activity.booking.absenceDeadline?.late.surcharge
            return surcharge?.amount(unitPrice: base) ?? base
        case .none:
            return .zero
        }
    }
}
