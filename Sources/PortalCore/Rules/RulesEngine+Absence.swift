public import Foundation

extension RulesEngine {
    /// May the family declare an absence on a booked day at `now`? Only the activity's absence
    /// deadline limits it: an absence frees no place, so opening and holiday windows do not apply.
    /// Without a rule in the file, until the end of the day itself. Late, the rule's policy says
    /// whether it is refused or recorded as a late absence billed the surcharge
    /// (`quotient`: the family's valid quotient, nil for the highest bracket).
    public func decideAbsence(activity code: String, unit unitCode: String, date: LocalDate, residency: Residency,
                              now: Date, quotient: Int? = nil) throws(RulesError) -> RuleDecision {
        let activity = try self.activity(code)
        guard let unit = activity.unit(unitCode) else { throw .unknownUnit(activity: code, unit: unitCode) }
        let rule = activity.booking.absenceDeadline ?? DeadlineRule(kind: .calendarDaysBefore(0))
        let ruleID = "absence.\(rule.idSuffix)"
        let deadline = rule.deadline(for: date)
        let until = FrenchDateFormat.longWithTime(deadline)
        if isAtOrBefore(now, deadline) {
            return RuleDecision(allowed: true, ruleID: ruleID, deadline: deadline, message: "Absence à déclarer au plus tard le \(until).")
        }
        let passed = "depuis le \(until) (délai : \(rule.frenchDescription))"
        guard case .surcharge(let surcharge) = rule.late else {
            return RuleDecision(allowed: false, ruleID: ruleID, deadline: deadline,
                                message: "Déclaration d'absence close \(passed) : contactez le service.")
        }
        let unitPrice = activity.price(of: unit, quotient: quotient, residency: residency)
        let amount = surcharge.amount(unitPrice: unitPrice)
        return RuleDecision(allowed: true, ruleID: ruleID, deadline: deadline, surchargeCents: amount.cents, lateOutcome: rule.late,
                            message: "Délai dépassé \(passed) : l'absence sera enregistrée hors délai, non excusée, et facturée \(amount.french).")
    }
}
