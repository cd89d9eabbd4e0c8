public import Foundation

/// Decides basket lines for a family: registration, age and the family's own bookings here,
/// then the town's calendar and deadline rules through the `RulesEngine`. Capacity is left to
/// the database, which alone sees every family.
public struct BookingJudge: Sendable {
    public let engine: RulesEngine

    public init(engine: RulesEngine) { self.engine = engine }

    public func decide(_ line: BasketLine, context: FamilyBookingContext, now: Date) -> LineDecision {
        var cache = RuleDecisionCache()
        return decide(line, context: context, now: now, remembering: &cache)
    }

    /// `decide`, taking the rules' answers already in `cache` and leaving its own there.
    public func decide(_ line: BasketLine, context: FamilyBookingContext, now: Date, remembering cache: inout RuleDecisionCache) -> LineDecision {
        let slot = line.slot
        guard let child = context.child(slot.childID) else {
            return .refused(line, "unknown", "Cet enfant ne fait pas partie du dossier famille.")
        }
        guard let activity = engine.tenant.activity(slot.activity), let unit = activity.unit(slot.unit) else {
            return .refused(line, "unknown", "Cette activité ou cette unité n'existe pas.")
        }
        switch line.action {
        case .book: return decideBooking(line, child: child, activity: activity, unit: unit, context: context, now: now, cache: &cache)
        case .cancel: return decideCancellation(line, child: child, activity: activity, unit: unit, context: context, now: now, cache: &cache)
        }
    }

    private func decideBooking(_ line: BasketLine, child: BookableChild, activity: Activity, unit: ActivityUnit,
                               context: FamilyBookingContext, now: Date, cache: inout RuleDecisionCache) -> LineDecision {
        let slot = line.slot
        // Written only into refusals, which most lines are not.
        func day() -> String { FrenchDateFormat.long(slot.date) }
        let registrations = context.registrations.filter { $0.childID == child.id && $0.activityCode == activity.code && $0.period.contains(slot.date) }
        if !registrations.contains(where: { $0.status == .accepted }) {
            if registrations.contains(where: { $0.status == .pending }) {
                return .refused(line, "registrationPending", "La pré-inscription de \(child.firstName) à « \(activity.label) » est en cours de traitement : la réservation sera possible une fois acceptée.")
            }
            return .refused(line, "notRegistered", "\(child.firstName) n'a pas de pré-inscription acceptée à « \(activity.label) » pour le \(day()).")
        }
        if !activity.audience.admits(birthDate: child.birthDate, schoolLevel: child.schoolLevel, on: slot.date) {
            return .refused(line, "audience", "« \(activity.label) » est réservé aux \(activity.audience.label) : ce n'est pas le cas de \(child.firstName) le \(day()).")
        }
        if let status = context.status(slot), status.isActive {
            return .refused(line, "alreadyBooked", "\(child.firstName) : \(BookingTransitionError.alreadyBooked(status).frenchMessage)")
        }
        let quotient = context.quotient(on: slot.date)
        let held = context.unitsHeld(childID: child.id, activity: activity.code, on: slot.date)
        let key = RuleDecisionCache.Key(activity: activity.code, unit: unit.code, date: slot.date, question: .action(.book),
                                        residency: context.residency, quotient: quotient, alreadyBooked: held, now: now)
        let decision = cache.decision(key) {
            engine.decide(activity, unit: unit, date: slot.date, action: .book, residency: context.residency, now: now,
                          quotient: quotient, alreadyBooked: held)
        }
        guard decision.allowed else { return .refused(line, decision.ruleID, decision.message, deadline: decision.deadline) }
        let unitPrice = activity.price(of: unit, quotient: quotient, residency: context.residency)
        let supplement = activity.supplement(on: slot.date).flatMap { $0.units.contains(unit.code) ? $0.amount : nil }
        let late = decision.lateOutcome != nil
        let base = late ? Money(cents: decision.surchargeCents ?? 0) : (unitPrice ?? .zero)
        return LineDecision(line: line, allowed: true, ruleID: decision.ruleID, message: decision.message,
                            deadline: decision.deadline, needsValidation: activity.requiresValidation || isRequest(decision),
                            unitPrice: unitPrice, supplement: supplement, amount: base + (supplement ?? .zero),
                            tariff: late ? .lateSurcharge : .unit, pricingNote: context.quotientNote(on: slot.date))
    }

    private func decideCancellation(_ line: BasketLine, child: BookableChild, activity: Activity, unit: ActivityUnit,
                                    context: FamilyBookingContext, now: Date, cache: inout RuleDecisionCache) -> LineDecision {
        let slot = line.slot
        let free = LineDecision(line: line, allowed: true, ruleID: "", message: "", deadline: nil, needsValidation: false,
                                unitPrice: nil, supplement: nil, amount: .zero, tariff: .none)
        switch context.status(slot) {
        case .waitingList?:
            return free.with(ruleID: "waitingList", message: "\(child.firstName) sera retiré(e) de la liste d'attente.")
        case .pendingValidation?:
            return free.with(ruleID: "withdraw", message: "La demande de réservation de \(child.firstName) sera retirée.")
        case .cancellationRequested?:
            return .refused(line, "cancellationPending", "Une demande d'annulation est déjà en attente de réponse pour ce créneau.")
        case .booked?, .absent?:
            break
        default:
            return .refused(line, "notBooked", "Aucune réservation de \(child.firstName) à annuler le \(FrenchDateFormat.long(slot.date)).")
        }
        let quotient = context.quotient(on: slot.date)
        let key = RuleDecisionCache.Key(activity: activity.code, unit: unit.code, date: slot.date, question: .action(.cancel),
                                        residency: context.residency, quotient: quotient, alreadyBooked: [], now: now)
        let decision = cache.decision(key) {
            engine.decide(activity, unit: unit, date: slot.date, action: .cancel, residency: context.residency, now: now, quotient: quotient)
        }
        guard decision.allowed else { return .refused(line, decision.ruleID, decision.message, deadline: decision.deadline) }
        let late = decision.lateOutcome != nil
        return LineDecision(line: line, allowed: true, ruleID: decision.ruleID, message: decision.message,
                            deadline: decision.deadline, needsValidation: activity.requiresValidation || isRequest(decision),
                            unitPrice: activity.price(of: unit, quotient: quotient, residency: context.residency),
                            supplement: nil, amount: late ? Money(cents: decision.surchargeCents ?? 0) : .zero,
                            tariff: late && (decision.surchargeCents ?? 0) > 0 ? .lateCancellation : .none)
    }

    /// May the family declare the child absent on this booked slot now? The town's absence
    /// deadline decides; a late absence it accepts carries its charge in `surchargeCents`.
    public func decideAbsence(_ slot: SlotKey, context: FamilyBookingContext, now: Date) -> RuleDecision {
        var cache = RuleDecisionCache()
        return decideAbsence(slot, context: context, now: now, remembering: &cache)
    }

    public func decideAbsence(_ slot: SlotKey, context: FamilyBookingContext, now: Date, remembering cache: inout RuleDecisionCache) -> RuleDecision {
        guard context.status(slot) == .booked else {
            return RuleDecision(allowed: false, ruleID: "notBooked", message: BookingTransitionError.notBooked.frenchMessage)
        }
        let quotient = context.quotient(on: slot.date)
        let key = RuleDecisionCache.Key(activity: slot.activity, unit: slot.unit, date: slot.date, question: .absence,
                                        residency: context.residency, quotient: quotient, alreadyBooked: [], now: now)
        do {
            return try cache.decision(key) { () throws(RulesError) in
                try engine.decideAbsence(activity: slot.activity, unit: slot.unit, date: slot.date, residency: context.residency,
                                         now: now, quotient: quotient)
            }
        } catch {
            return RuleDecision(allowed: false, ruleID: "unknown", message: error.frenchMessage)
        }
    }

    private func isRequest(_ decision: RuleDecision) -> Bool {
        if case .request? = decision.lateOutcome { return true }
        return false
    }
}

extension LineDecision {
    func with(ruleID: String, message: String) -> LineDecision {
        LineDecision(line: line, allowed: allowed, ruleID: ruleID, message: message, deadline: deadline,
                     needsValidation: needsValidation, unitPrice: unitPrice, supplement: supplement, amount: amount, tariff: tariff,
                     pricingNote: pricingNote)
    }
}
