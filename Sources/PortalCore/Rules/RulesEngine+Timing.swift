import Foundation

/// What limits an action on a slot, whatever the time now.
enum SlotTiming {
    /// A deadline rule (calendar days, working days, monthly cut-off).
    case deadline(DeadlineRule, at: Date)
    /// A holiday booking window, open from `opens` (nil: from the start) until `closes`.
    case window(BookingWindow, holiday: SchoolHoliday, opens: Date?, closes: Date)
    /// The activity books holidays through windows, and this holiday has none.
    case noWindow(SchoolHoliday)
    /// Neither rule applies (only possible for a hand-built configuration).
    case unlimited
}

extension RulesEngine {
    /// Windows govern the days of a school holiday when the activity has any; otherwise the
    /// action's deadline rule does.
    func timing(_ activity: Activity, date: LocalDate, action: BookingAction) -> SlotTiming {
        if !activity.booking.windows.isEmpty, let holiday = FrenchCalendar.schoolHoliday(on: date, zone: tenant.schoolZone) {
            guard let window = activity.booking.windows.first(where: { $0.period == holiday.kind && $0.schoolYear == holiday.schoolYear }) else {
                return .noWindow(holiday)
            }
            return .window(window, holiday: holiday,
                           opens: window.from.map { ParisTime.instant($0, .midnight) },
                           closes: ParisTime.instant(window.to, .endOfDay))
        }
        guard let rule = activity.booking.deadline(for: action) else { return .unlimited }
        return .deadline(rule, at: rule.deadline(for: date))
    }

    /// `booking.calendarDaysBefore(5)`, `cancellation.workingDaysBefore(2)`.
    func ruleID(_ rule: DeadlineRule, action: BookingAction) -> String {
        "\(action == .book ? "booking" : "cancellation").\(rule.idSuffix)"
    }
}

/// The French words of the rules' messages.
enum RuleWording {
    static func noun(_ action: BookingAction) -> String {
        action == .book ? "Réservation" : "Annulation"
    }

    static func plural(_ action: BookingAction) -> String {
        action == .book ? "Les réservations" : "Les annulations"
    }

    /// « les vacances d'hiver »
    static func holiday(_ kind: SchoolHolidayKind) -> String {
        switch kind {
        case .toussaint: return "les vacances de la Toussaint"
        case .noel: return "les vacances de Noël"
        case .hiver: return "les vacances d'hiver"
        case .printemps: return "les vacances de printemps"
        case .ete: return "les vacances d'été"
        case .pontAscension: return "le pont de l'Ascension"
        }
    }

    /// « des vacances d'hiver » (after « de »).
    static func ofHoliday(_ kind: SchoolHolidayKind) -> String {
        kind == .pontAscension ? "du pont de l'Ascension" : "des" + holiday(kind).dropFirst(3)
    }

    /// What booking opens for: « les vacances d'hiver », « mars 2026 », « la période du 05/01/2026 au 06/02/2026 ».
    static func span(_ span: BookingSpan, kind: BookingPeriod) -> String {
        if let period = span.holiday { return holiday(period.kind) }
        if kind == .month { return "\(FrenchDateFormat.monthName(span.firstDay.month)) \(span.firstDay.year)" }
        return "la période du \(FrenchDateFormat.numeric(span.firstDay)) au \(FrenchDateFormat.numeric(span.lastDay))"
    }

    static func residency(_ residency: Residency) -> String {
        residency == .resident ? "pour les résidents" : "pour les familles hors territoire"
    }
}
