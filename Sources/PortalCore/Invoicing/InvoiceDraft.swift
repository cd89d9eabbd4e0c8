/// A month to invoice: `2026-03`.
public struct BillingMonth: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (2000...2100).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// `2026-03`
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public init(containing date: LocalDate) {
        year = date.year
        month = date.month
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! }
    public var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    /// « mars 2026 »
    public var label: String { "\(FrenchDateFormat.monthName(month)) \(year)" }
    public var previous: BillingMonth { BillingMonth(containing: firstDay.adding(days: -1)) }

    public static func < (lhs: BillingMonth, rhs: BillingMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// What one family would be billed for a month: the preview staff check before issuing.
public struct InvoiceDraft: Sendable, Equatable {
    public let familyID: Int64
    public let month: BillingMonth
    public let lines: [InvoiceLine]
    /// Bookings left out, with why, so that staff can see what a later run will pick up.
    public let skipped: [(bookingID: Int64, reason: BillingDecision.SkipReason)]

    public var total: Money { lines.total(\.amount) }
    public var isEmpty: Bool { lines.isEmpty }

    /// Lines for the family's bookings up to the month's last day that no invoice holds yet
    /// (the caller passes only those): a booking whose attendance came late is billed next month.
    public static func make(familyID: Int64, month: BillingMonth, bookings: [BillableBooking],
                            pricing: InvoicePricing) -> InvoiceDraft {
        let tenant = pricing.tenant
        var lines: [InvoiceLine] = []
        var skipped: [(Int64, BillingDecision.SkipReason)] = []
        let ordered = bookings.filter { $0.day <= month.lastDay }
            .sorted { ($0.day, $0.childName, $0.activity, $0.unit, $0.bookingID) < ($1.day, $1.childName, $1.activity, $1.unit, $1.bookingID) }
        for booking in ordered {
            guard let activity = tenant.activity(booking.activity) else { continue }
            switch BillingDecision.decide(booking, basis: activity.billing, policy: tenant.invoicing) {
            case .skip(let reason):
                skipped.append((booking.bookingID, reason))
            case .bill(let tariff, let note):
                guard let amount = pricing.price(activity: booking.activity, unit: booking.unit, day: booking.day, tariff: tariff) else { continue }
                let supplement = ![.lateCancellation, .lateAbsence].contains(tariff) ? activity.supplement(on: booking.day).flatMap { $0.units.contains(booking.unit) ? $0.label : nil } : nil
                let label = [tariff.label, supplement.map { "+ \($0)" }, note].compactMap { $0 }.joined(separator: ", ")
                lines.append(InvoiceLine(bookingID: booking.bookingID, day: booking.day, childName: booking.childName,
                                         activityLabel: activity.label, unitLabel: activity.unit(booking.unit)?.label ?? booking.unit,
                                         tariffLabel: label, amount: amount))
            }
        }
        return InvoiceDraft(familyID: familyID, month: month, lines: lines, skipped: skipped)
    }

    public static func == (lhs: InvoiceDraft, rhs: InvoiceDraft) -> Bool {
        lhs.familyID == rhs.familyID && lhs.month == rhs.month && lhs.lines == rhs.lines
            && lhs.skipped.map(\.bookingID) == rhs.skipped.map(\.bookingID) && lhs.skipped.map(\.reason) == rhs.skipped.map(\.reason)
    }
}
