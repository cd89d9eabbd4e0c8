public import Foundation

/// One day an activity runs, as the planning shows it before anyone clicks.
public struct ActivityDay: Sendable, Equatable {
    public let date: LocalDate
    /// Units offered that day, in the activity's order.
    public let units: [UnitDay]
    /// Units not offered that day because of an outing (« Non disponible lors de sortie à la journée »).
    public let closedUnits: [ActivityUnit]
    public let supplement: DaySupplement?
}

/// A unit on one day with the limits of booking it and cancelling it.
public struct UnitDay: Sendable, Equatable {
    public let unit: ActivityUnit
    /// When booking opens for the family's residency; nil when it is not limited or opens with a window.
    public let opensAt: Date?
    /// Last instant to book online; nil when online booking is not offered (holiday without window).
    public let bookingDeadline: Date?
    public let cancellationDeadline: Date?
    /// Id of the rule behind `bookingDeadline` (`booking.calendarDaysBefore(5)`, `window.noel`).
    public let bookingRule: String
}

extension RulesEngine {
    /// The days from `from` to `to` (both included) on which the activity runs, each unit with its deadlines.
    public func calendar(activity code: String, from: LocalDate, to: LocalDate, residency: Residency) throws(RulesError) -> [ActivityDay] {
        let activity = try self.activity(code)
        return from.through(to).compactMap { date in
            guard notRunningReason(activity, on: date) == nil else { return nil }
            let supplement = activity.supplement(on: date)
            let closed = supplement?.closedUnits ?? []
            let book = limits(activity, date: date, action: .book)
            let cancel = limits(activity, date: date, action: .cancel)
            let opens = opensAt(activity, date: date, residency: residency) ?? book.opens
            let units = activity.units.filter { !closed.contains($0.code) }.map {
                UnitDay(unit: $0, opensAt: opens, bookingDeadline: book.deadline,
                        cancellationDeadline: cancel.deadline, bookingRule: book.ruleID)
            }
            return ActivityDay(date: date, units: units, closedUnits: activity.units.filter { closed.contains($0.code) },
                               supplement: supplement)
        }
    }

    private func limits(_ activity: Activity, date: LocalDate, action: BookingAction) -> (opens: Date?, deadline: Date?, ruleID: String) {
        switch timing(activity, date: date, action: action) {
        case let .deadline(rule, at): return (nil, at, ruleID(rule, action: action))
        case let .window(_, holiday, opens, closes): return (opens, closes, "window.\(holiday.kind.rawValue)")
        case let .noWindow(holiday): return (nil, nil, "window.\(holiday.kind.rawValue)")
        case .unlimited: return (nil, nil, "noDeadline")
        }
    }
}

extension ActivityDay {
    /// The text of `portal rules calendar`: one line per day (no final newline), then each unit with its deadlines.
    /// `2026-02-09 lun. 9 févr. | journee 08:30-17:30 réservation ≤ 2026-02-04T23:59:59+01:00 …`
    public static func plainText(_ days: [ActivityDay]) -> String {
        days.map(\.plainLine).joined(separator: "\n")
    }

    var plainLine: String {
        var parts = ["\(date.iso) \(FrenchDateFormat.short(date))"]
        for unitDay in units {
            var text = "\(unitDay.unit.code) \(unitDay.unit.start.hhmm)-\(unitDay.unit.end.hhmm)"
            if let opens = unitDay.opensAt { text += " ouverture \(ParisTime.iso8601(opens))" }
            text += " réservation ≤ \(unitDay.bookingDeadline.map(ParisTime.iso8601) ?? "hors ligne") [\(unitDay.bookingRule)]"
            text += " annulation ≤ \(unitDay.cancellationDeadline.map(ParisTime.iso8601) ?? "hors ligne")"
            parts.append(text)
        }
        if let supplement {
            var text = "\(supplement.label) +\(supplement.amount.french)"
            if !closedUnits.isEmpty { text += " (fermé : \(closedUnits.map(\.code).joined(separator: ", ")))" }
            parts.append(text)
        }
        return parts.joined(separator: " | ")
    }
}
