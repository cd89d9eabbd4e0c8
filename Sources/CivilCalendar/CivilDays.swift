/// Days since 1970-01-01 in the proleptic Gregorian calendar and back (H. Hinnant's
/// days_from_civil and civil_from_days): the one day arithmetic that PostgreSQL's timestamps,
/// the town rules' calendar days, e-mail dates and calendar files all rest on. No time zone,
/// no formatter, no Foundation.
public enum CivilDays {
    /// The day number of a date (days since 1970-01-01, negative before).
    @inlinable public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number.
    @inlinable public static func date(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day number of the instant `seconds` after 1970-01-01T00:00Z, and the second within it.
    @inlinable public static func split(secondsSince1970 seconds: Int) -> (dayNumber: Int, secondOfDay: Int) {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (day, seconds - day * 86_400)
    }

    /// ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    @inlinable public static func weekday(dayNumber: Int) -> Int {
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }
}
