#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// French date formatting by hand: `DateFormatter` is costly to create and serialises when
/// shared. Instants are shown in Paris wall time.
public enum FrenchDateFormat {
    private static let months = ["janvier", "février", "mars", "avril", "mai", "juin",
                                 "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    private static let monthAbbreviations = ["janv.", "févr.", "mars", "avr.", "mai", "juin",
                                             "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    private static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    private static let weekdayAbbreviations = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]

    /// « vendredi 9 janvier 2026 », « lundi 1er juin 2026 »
    public static func long(_ date: LocalDate) -> String {
        "\(weekdayName(date.weekday)) \(dayOfMonth(date)) \(monthName(date.month)) \(date.year)"
    }

    /// « vendredi 9 janvier 2026 à 23 h 59 »
    public static func longWithTime(_ instant: Date) -> String {
        "\(long(ParisTime.localDate(of: instant))) à \(time(ParisTime.localTime(of: instant)))"
    }

    /// « ven. 9 janv. », « lun. 1er juin »
    public static func short(_ date: LocalDate) -> String {
        "\(weekdayAbbreviation(date.weekday)) \(dayOfMonth(date)) \(monthAbbreviation(date.month))"
    }

    /// « ven. 9 janv. 23 h 59 »
    public static func shortWithTime(_ instant: Date) -> String {
        "\(short(ParisTime.localDate(of: instant))) \(time(ParisTime.localTime(of: instant)))"
    }

    /// « 09/01/2026 »
    public static func numeric(_ date: LocalDate) -> String {
        "\(pad(date.day))/\(pad(date.month))/\(date.year)"
    }

    /// « 23 h 59 », « 10 h 00 » (French style; seconds are not shown).
    public static func time(_ time: LocalTime) -> String {
        "\(time.hour) h \(pad(time.minute))"
    }

    /// « 1er » for the first of the month, the plain number otherwise.
    public static func dayOfMonth(_ date: LocalDate) -> String {
        date.day == 1 ? "1er" : "\(date.day)"
    }

    /// 1 = « janvier » ... 12 = « décembre ».
    public static func monthName(_ month: Int) -> String { months[month - 1] }

    /// 1 = « janv. » ... 12 = « déc. ».
    public static func monthAbbreviation(_ month: Int) -> String { monthAbbreviations[month - 1] }

    /// ISO weekday: 1 = « lundi » ... 7 = « dimanche ».
    public static func weekdayName(_ isoWeekday: Int) -> String { weekdays[isoWeekday - 1] }

    /// ISO weekday: 1 = « lun. » ... 7 = « dim. ».
    public static func weekdayAbbreviation(_ isoWeekday: Int) -> String { weekdayAbbreviations[isoWeekday - 1] }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
