/// Problems visible before confirming, so the family fixes them in the basket rather than
/// reading refusals afterwards.
public struct BasketConflict: Sendable, Equatable {
    public let slot: SlotKey
    public let message: String
}

extension Basket {
    /// Cancellations of nothing, bookings of what is already booked, and units booked together
    /// on one day although exclusive (counting existing bookings not cancelled in the basket).
    public func conflicts(existing: [ExistingBooking], tenant: TenantConfig,
                          childName: (Int64) -> String) -> [BasketConflict] {
        var conflicts: [BasketConflict] = []
        let active = Dictionary(existing.filter { $0.status.isActive }.map { ($0.slot, $0.status) }, uniquingKeysWith: { a, _ in a })
        var taken: [SlotKey] = existing.filter { $0.status.holdsPlace }.map(\.slot)
            .filter { slot in !lines.contains { $0.slot == slot && $0.action == .cancel } }
        for line in lines {
            let name = childName(line.slot.childID)
            let day = FrenchDateFormat.long(line.slot.date)
            switch line.action {
            case .cancel:
                if active[line.slot] == nil {
                    conflicts.append(BasketConflict(slot: line.slot, message: "Aucune réservation de \(name) à annuler le \(day)."))
                }
            case .book:
                if let status = active[line.slot] {
                    conflicts.append(BasketConflict(slot: line.slot, message: "\(name) : \(BookingTransitionError.alreadyBooked(status).frenchMessage)"))
                    continue
                }
                let activity = tenant.activity(line.slot.activity)
                let excluded = activity?.unitsExcluded(by: line.slot.unit) ?? []
                if let clash = taken.first(where: {
                    $0.date == line.slot.date && $0.childID == line.slot.childID && $0.activity == line.slot.activity
                        && excluded.contains($0.unit)
                }) {
                    let label = { (code: String) in activity?.unit(code)?.label ?? code }
                    conflicts.append(BasketConflict(slot: line.slot,
                        message: "\(name) : « \(label(line.slot.unit)) » et « \(label(clash.unit)) » ne peuvent pas être réservés le même jour (\(day))."))
                    continue
                }
                taken.append(line.slot)
            }
        }
        return conflicts
    }
}
