import Foundation
import PortalCore
import PortalFlows
import PortalStore

/// One unit of one child on one day as the planning shows it: its state in words, what can be
/// done now (a checkbox adding a booking or a cancellation to the basket, an absence, a
/// withdrawal) and why not when nothing can.
struct PlanningCell {
    let slot: SlotKey
    let unitLabel: String
    let state: PlanningSlotState
    /// The basket line the checkbox adds; nil when the slot cannot be changed now.
    let change: BasketLine?
    let notes: [String]
    let inBasket: BookingAction?
    let absenceBooking: Int64?
    let withdrawBooking: Int64?
    let full: Bool
}

/// A child's activity on a day: its units, or the reason it offers nothing (closure, holiday).
struct PlanningEntry {
    let childID: Int64
    let childName: String
    let activity: Activity
    let date: LocalDate
    let cells: [PlanningCell]
    let dayNotes: [String]
}

struct PlanningModel {
    let range: PlanningRange
    /// Entries by day, for days with something to show.
    let days: [LocalDate: [PlanningEntry]]
    let pairs: [(childID: Int64, activity: Activity)]

    /// The registered (accepted or pending) child–activity pairs covering the range, filtered.
    static func pairs(_ registrations: [StoredRegistration], range: PlanningRange, tenant: TenantConfig,
                      child: Int64?, activity: String?) -> [(childID: Int64, activity: Activity)] {
        var seen = Set<String>()
        var pairs: [(Int64, Activity)] = []
        for stored in registrations {
            let registration = stored.registration
            guard registration.status != .refused, registration.period.lastDay >= range.firstDay, registration.period.firstDay <= range.lastDay,
                  child == nil || child == registration.childID, activity == nil || activity == registration.activityCode,
                  let found = tenant.activity(registration.activityCode),
                  seen.insert("\(registration.childID)/\(registration.activityCode)").inserted else { continue }
            pairs.append((registration.childID, found))
        }
        return pairs.sorted { ($0.0, $0.1.code) < ($1.0, $1.1.code) }
    }

    static func make(range: PlanningRange, pairs: [(childID: Int64, activity: Activity)], family: BookingFamily,
                     context: FamilyBookingContext, stored: [StoredBooking], basket: Basket, occupancy: [SlotOccupancy],
                     judge: BookingJudge, now: Date) -> PlanningModel {
        let engine = judge.engine
        let today = ParisTime.localDate(of: now)
        var latest: [SlotKey: StoredBooking] = [:]
        for booking in stored { latest[booking.slot] = booking }
        var basketActions: [SlotKey: BookingAction] = [:]
        for line in basket.lines { basketActions[line.slot] = line.action }
        var full = Set<Place>()
        for slot in occupancy where slot.isFull { full.insert(Place(activity: slot.activity, unit: slot.unit, date: slot.date)) }
        // Each child asks the rules the same of each day.
        var cache = RuleDecisionCache()
        var days: [LocalDate: [PlanningEntry]] = [:]
        for date in range.days {
            for pair in pairs {
                let activity = pair.activity
                if let reason = activity.notRunningReason(on: date, zone: engine.tenant.schoolZone, closures: engine.tenant.closures) {
                    if case .notScheduled = reason { continue }
                    days[date, default: []].append(PlanningEntry(childID: pair.childID, childName: family.childName(pair.childID), activity: activity,
                                                                 date: date, cells: [], dayNotes: [reason.frenchMessage(activity: activity, date: date)]))
                    continue
                }
                let supplement = activity.supplement(on: date)
                var dayNotes: [String] = []
                if let supplement {
                    let closed = supplement.closedUnits.compactMap { activity.unit($0)?.label }
                    dayNotes.append("\(supplement.label)"
                        + (supplement.amount.cents > 0 ? " : supplément de \(supplement.amount.french)" : "")
                        + (closed.isEmpty ? "." : " ; non proposé ce jour : \(closed.joined(separator: ", ")).") )
                }
                let cells = activity.units.filter { !(supplement?.closedUnits.contains($0.code) ?? false) }.map { unit in
                    cell(SlotKey(date: date, childID: pair.childID, activity: activity.code, unit: unit.code), unit: unit, activity: activity,
                         latest: latest, basket: basketActions, full: full, context: context, judge: judge, now: now, today: today, cache: &cache)
                }
                days[date, default: []].append(PlanningEntry(childID: pair.childID, childName: family.childName(pair.childID), activity: activity,
                                                             date: date, cells: cells, dayNotes: dayNotes))
            }
        }
        return PlanningModel(range: range, days: days, pairs: pairs)
    }

    /// A slot whatever the child: what occupancy is counted for.
    private struct Place: Hashable {
        let activity: String
        let unit: String
        let date: LocalDate
    }

    private static func cell(_ slot: SlotKey, unit: ActivityUnit, activity: Activity, latest: [SlotKey: StoredBooking],
                             basket: [SlotKey: BookingAction], full: Set<Place>, context: FamilyBookingContext,
                             judge: BookingJudge, now: Date, today: LocalDate, cache: inout RuleDecisionCache) -> PlanningCell {
        let booking = latest[slot]
        let isFull = full.contains(Place(activity: slot.activity, unit: slot.unit, date: slot.date))
        var notes: [String] = []
        if let supplement = activity.supplement(on: slot.date), supplement.units.contains(unit.code), supplement.amount.cents > 0 {
            notes.append("Sortie : supplément de \(supplement.amount.french).")
        }
        func decided(_ action: BookingAction) -> LineDecision {
            judge.decide(BasketLine(slot: slot, action: action), context: context, now: now, remembering: &cache)
        }
        func deadlineNote(_ decision: LineDecision) {
            if let deadline = decision.deadline { notes.insert(PlanningWording.modifiableUntil(deadline), at: 0) }
            if decision.needsValidation { notes.append(decision.message) }
        }
        if let booking, booking.status.isActive, var state = PlanningSlotState(booking.status) {
            if booking.inDraw, let draw = judge.engine.drawWindow(activity: slot.activity, date: slot.date) {
                state = .awaitingDraw
                notes.append("Tirage au sort le \(FrenchDateFormat.longWithTime(draw.policy.drawTime(opensAt: draw.opensAt))) ; vous serez prévenu(e) du résultat par courriel.")
            }
            var change: BasketLine?
            switch booking.status {
            case .booked, .absent, .waitingList:
                let decision = decided(.cancel)
                if decision.allowed { change = decision.line; deadlineNote(decision) } else { notes.append(decision.message) }
            default:
                break
            }
            var absence: Int64?
            if booking.status == .booked, slot.date >= today {
                let decision = judge.decideAbsence(slot, context: context, now: now, remembering: &cache)
                if decision.allowed { absence = booking.id }
                // Once it can no longer be cancelled, the absence's own limit is what matters.
                if change == nil || decision.lateOutcome != nil || !decision.allowed { notes.append(decision.message) }
            }
            return PlanningCell(slot: slot, unitLabel: unit.label, state: state, change: change, notes: notes, inBasket: basket[slot],
                                absenceBooking: absence,
                                withdrawBooking: [.pendingValidation, .cancellationRequested].contains(booking.status) ? booking.id : nil,
                                full: isFull)
        }
        let decision = decided(.book)
        if decision.allowed {
            deadlineNote(decision)
            let excluded = activity.unitsExcluded(by: unit.code).compactMap { activity.unit($0)?.label }
            if !excluded.isEmpty { notes.append("Ne se cumule pas avec : \(excluded.joined(separator: ", ")).") }
            if isFull { notes.insert("Complet : la demande sera placée sur liste d'attente.", at: 0) }
            return PlanningCell(slot: slot, unitLabel: unit.label, state: .available, change: decision.line, notes: notes,
                                inBasket: basket[slot], absenceBooking: nil, withdrawBooking: nil, full: isFull)
        }
        notes.insert(decision.message, at: 0)
        let state: PlanningSlotState = booking?.status == .refused ? .refused : .notBookable
        return PlanningCell(slot: slot, unitLabel: unit.label, state: state, change: nil, notes: notes, inBasket: basket[slot],
                            absenceBooking: nil, withdrawBooking: nil, full: isFull)
    }
}
