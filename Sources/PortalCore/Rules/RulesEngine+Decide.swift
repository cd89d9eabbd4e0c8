public import Foundation

extension RulesEngine {
    /// May this action be taken on this slot at `now`? Checks, in order: the activity runs on
    /// `date` (calendar, closures, public holidays); for a booking, the unit is open that day, no
    /// exclusive unit is already booked (`alreadyBooked`) and booking has opened for the family's
    /// residency; then the holiday window or the deadline rule with its late policy.
    /// `quotient` prices a surcharge based on the unit price (unknown: the highest bracket).
    public func decide(activity code: String, unit unitCode: String, date: LocalDate, action: BookingAction,
                       residency: Residency, now: Date, quotient: Int? = nil,
                       alreadyBooked: [String] = []) throws(RulesError) -> RuleDecision {
        let activity = try self.activity(code)
        guard let unit = activity.unit(unitCode) else { throw .unknownUnit(activity: code, unit: unitCode) }
        return decide(activity, unit: unit, date: date, action: action, residency: residency, now: now, quotient: quotient,
                      alreadyBooked: alreadyBooked)
    }

    /// `decide` for an activity and unit already found in the town's file.
    func decide(_ activity: Activity, unit: ActivityUnit, date: LocalDate, action: BookingAction,
                residency: Residency, now: Date, quotient: Int? = nil, alreadyBooked: [String] = []) -> RuleDecision {
        if let reason = notRunningReason(activity, on: date) {
            return RuleDecision(allowed: false, ruleID: reason.ruleID, message: reason.frenchMessage(activity: activity, date: date))
        }
        if action == .book {
            if let refusal = refusalBeforeTime(activity, unit: unit, date: date, residency: residency, now: now, alreadyBooked: alreadyBooked) {
                return refusal
            }
        }
        let unitPrice = activity.price(of: unit, quotient: quotient, residency: residency)
        return decideOnTime(activity, date: date, action: action, now: now, unitPrice: unitPrice)
    }

    private func refusalBeforeTime(_ activity: Activity, unit: ActivityUnit, date: LocalDate, residency: Residency,
                                   now: Date, alreadyBooked: [String]) -> RuleDecision? {
        // Written only into refusals.
        func day() -> String { FrenchDateFormat.long(date) }
        if let supplement = activity.supplement(on: date), supplement.closedUnits.contains(unit.code) {
            return RuleDecision(allowed: false, ruleID: "unitClosed",
                                message: "« \(unit.label) » n'est pas proposé le \(day()) : \(supplement.label).")
        }
        if !alreadyBooked.isEmpty, let conflict = activity.unitsExcluded(by: unit.code).first(where: alreadyBooked.contains),
           let other = activity.unit(conflict) {
            return RuleDecision(allowed: false, ruleID: "exclusivity",
                                message: "« \(unit.label) » ne peut pas s'ajouter à « \(other.label) », déjà réservé le \(day()).")
        }
        if let opening = activity.booking.opening, let opens = opensAt(activity, date: date, residency: residency), now < opens {
            let span = bookingPeriod(opening.period, containing: date)
            let who = opening.residentDaysBefore == opening.nonResidentDaysBefore ? "" : " \(RuleWording.residency(residency))"
            return RuleDecision(allowed: false, ruleID: "opening.\(residency.rawValue)", opensAt: opens,
                                message: "Les réservations pour \(RuleWording.span(span, kind: opening.period)) ouvrent le \(FrenchDateFormat.longWithTime(opens))\(who).")
        }
        return nil
    }

    private func decideOnTime(_ activity: Activity, date: LocalDate, action: BookingAction, now: Date, unitPrice: Money?) -> RuleDecision {
        let noun = RuleWording.noun(action)
        switch timing(activity, date: date, action: action) {
        case .unlimited:
            return RuleDecision(allowed: true, ruleID: "noDeadline", message: "\(noun) possible.")
        case .noWindow(let holiday):
            return RuleDecision(allowed: false, ruleID: "window.\(holiday.kind.rawValue)",
                                message: "Aucune période de réservation en ligne n'est prévue pour \(RuleWording.holiday(holiday.kind)) \(holiday.schoolYear) : contactez le service.")
        case let .window(window, holiday, opens, closes):
            let ruleID = "window.\(holiday.kind.rawValue)"
            if let opens, now < opens {
                return RuleDecision(allowed: false, ruleID: ruleID, deadline: closes, opensAt: opens,
                                    message: "\(RuleWording.plural(action)) pour \(RuleWording.holiday(holiday.kind)) ouvrent le \(FrenchDateFormat.longWithTime(opens)).")
            }
            guard isAtOrBefore(now, closes) else {
                let span = window.from.map { "du \(FrenchDateFormat.numeric($0)) au \(FrenchDateFormat.numeric(window.to))" }
                    ?? "jusqu'au \(FrenchDateFormat.numeric(window.to))"
                return RuleDecision(allowed: false, ruleID: ruleID, deadline: closes,
                                    message: "\(noun) close depuis le \(FrenchDateFormat.longWithTime(closes)) (période de réservation \(RuleWording.ofHoliday(holiday.kind)) : \(span)).")
            }
            return RuleDecision(allowed: true, ruleID: ruleID, deadline: closes,
                                message: "\(noun) possible jusqu'au \(FrenchDateFormat.longWithTime(closes)).")
        case let .deadline(rule, deadline):
            let ruleID = ruleID(rule, action: action)
            if isAtOrBefore(now, deadline) {
                return RuleDecision(allowed: true, ruleID: ruleID, deadline: deadline,
                                    message: "\(noun) possible jusqu'au \(FrenchDateFormat.longWithTime(deadline)).")
            }
            return late(rule, ruleID: ruleID, deadline: deadline, action: action, unitPrice: unitPrice)
        }
    }

    private func late(_ rule: DeadlineRule, ruleID: String, deadline: Date, action: BookingAction, unitPrice: Money?) -> RuleDecision {
        let passed = "depuis le \(FrenchDateFormat.longWithTime(deadline)) (délai : \(rule.frenchDescription))"
        let amount = rule.late.surcharge?.amount(unitPrice: unitPrice)
        switch rule.late {
        case .refuse:
            return RuleDecision(allowed: false, ruleID: ruleID, deadline: deadline,
                                message: "\(RuleWording.noun(action)) close \(passed).")
        case .request:
            let billing = amount.map { amount in
                action == .book ? " En cas d'accord, l'ajout sera facturé au tarif majoré de \(amount.french)."
                                : " En cas d'accord, l'annulation sera facturée \(amount.french)."
            } ?? ""
            return RuleDecision(allowed: true, ruleID: ruleID, deadline: deadline, surchargeCents: amount?.cents,
                                lateOutcome: rule.late,
                                message: "Délai dépassé \(passed) : votre demande sera transmise au service pour accord.\(billing)")
        case .surcharge:
            let price = (amount ?? .zero).french
            let outcome = action == .book ? "réservation possible au tarif majoré de \(price)"
                                          : "annulation possible, mais la prestation reste facturée \(price)"
            return RuleDecision(allowed: true, ruleID: ruleID, deadline: deadline, surchargeCents: amount?.cents,
                                lateOutcome: rule.late, message: "Délai dépassé \(passed) : \(outcome).")
        }
    }
}
