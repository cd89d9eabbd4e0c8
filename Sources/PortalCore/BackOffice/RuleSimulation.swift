public import Foundation

/// One check the simulator shows: its French name, whether it lets the booking through, and
/// the rule, message and instants behind it.
public struct RuleVerdict: Sendable, Equatable {
    public let check: String
    public let passed: Bool
    public let ruleID: String
    public let message: String
    public let deadline: Date?
    public let opensAt: Date?

    public init(check: String, passed: Bool, ruleID: String = "", message: String, deadline: Date? = nil, opensAt: Date? = nil) {
        self.check = check
        self.passed = passed
        self.ruleID = ruleID
        self.message = message
        self.deadline = deadline
        self.opensAt = opensAt
    }
}

/// Every rule's verdict on one slot for one family at a chosen « now », so that staff can
/// answer « why can't I book? »: each check on its own, then the judge's overall answer for a
/// booking and for a cancellation, exactly as a confirmation would decide them.
public struct RuleSimulation: Sendable, Equatable {
    public let verdicts: [RuleVerdict]
    public let booking: LineDecision
    public let cancellation: LineDecision

    public init(judge: BookingJudge, context: FamilyBookingContext, slot: SlotKey, now: Date) {
        let engine = judge.engine
        var verdicts: [RuleVerdict] = []
        let child = context.child(slot.childID)
        let activity = engine.tenant.activity(slot.activity)
        let day = FrenchDateFormat.long(slot.date)
        if let child, let activity {
            let registrations = context.registrations.filter { $0.childID == child.id && $0.activityCode == activity.code && $0.period.contains(slot.date) }
            let accepted = registrations.contains { $0.status == .accepted }
            verdicts.append(RuleVerdict(check: "Pré-inscription", passed: accepted, ruleID: accepted ? "registered" : "notRegistered",
                                        message: accepted ? "Pré-inscription acceptée couvrant le \(day)."
                                            : registrations.isEmpty ? "Aucune pré-inscription couvrant le \(day)."
                                            : "Pré-inscription « \(registrations[0].displayStatus(today: slot.date).label) » pour le \(day) : il faut une pré-inscription acceptée."))
            let admitted = activity.audience.admits(birthDate: child.birthDate, schoolLevel: child.schoolLevel, on: slot.date)
            verdicts.append(RuleVerdict(check: "Âge ou niveau scolaire", passed: admitted, ruleID: "audience",
                                        message: "Activité réservée aux \(activity.audience.label) ; \(child.firstName) est né(e) le \(FrenchDateFormat.numeric(child.birthDate))\(child.schoolLevel.map { ", en \($0.label)" } ?? "")."))
            let status = context.status(slot)
            verdicts.append(RuleVerdict(check: "Réservations existantes", passed: !(status?.isActive ?? false), ruleID: "alreadyBooked",
                                        message: status.flatMap(PlanningSlotState.init).map { "Déjà sur ce créneau : \($0.label)." } ?? "Rien sur ce créneau."))
        } else {
            verdicts.append(RuleVerdict(check: "Enfant et activité", passed: false, ruleID: "unknown",
                                        message: child == nil ? "Cet enfant ne fait pas partie du dossier famille." : "Cette activité n'existe pas."))
        }
        let quotientMessage = context.quotientNote(on: slot.date).map { "Quotient" + $0.dropFirst("quotient".count) + "." }
            ?? context.quotient.map { "Quotient familial \($0) appliqué le \(day)." } ?? "Aucun quotient familial : tarif maximum appliqué."
        verdicts.append(RuleVerdict(check: "Quotient familial", passed: true, ruleID: "quotient", message: quotientMessage))
        for action in [BookingAction.book, .cancel] {
            let held = action == .book ? context.unitsHeld(childID: slot.childID, activity: slot.activity, on: slot.date) : []
            let check = action == .book ? "Calendrier et délai de réservation" : "Calendrier et délai d'annulation"
            do {
                let decision = try engine.decide(activity: slot.activity, unit: slot.unit, date: slot.date, action: action,
                                                 residency: context.residency, now: now, quotient: context.quotient(on: slot.date), alreadyBooked: held)
                verdicts.append(RuleVerdict(check: check, passed: decision.allowed, ruleID: decision.ruleID, message: decision.message,
                                            deadline: decision.deadline, opensAt: decision.opensAt))
            } catch {
                verdicts.append(RuleVerdict(check: check, passed: false, ruleID: "unknown", message: error.frenchMessage))
            }
        }
        self.verdicts = verdicts
        booking = judge.decide(BasketLine(slot: slot, action: .book), context: context, now: now)
        cancellation = judge.decide(BasketLine(slot: slot, action: .cancel), context: context, now: now)
    }
}
