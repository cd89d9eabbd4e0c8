import CivilCalendar
import Testing

struct CivilDaysTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017),
        (2026, 12, 7, 20_794), (1900, 3, 1, -25_508), (2100, 2, 28, 47_540), (1600, 1, 1, -135_140),
    ])
    func dayNumber_andBack(year: Int, month: Int, day: Int, number: Int) {
        #expect(CivilDays.dayNumber(year: year, month: month, day: day) == number)
        let back = CivilDays.date(dayNumber: number)
        #expect(back.year == year && back.month == month && back.day == day)
    }

    @Test func everyDayOf400Years_roundTrips_andFollowsTheDayBefore() {
        var previous = CivilDays.date(dayNumber: -146_097 - 1)
        for number in -146_097...146_097 {
            let date = CivilDays.date(dayNumber: number)
            #expect(CivilDays.dayNumber(year: date.year, month: date.month, day: date.day) == number)
            let next = date.day == 1 ? (date.month == 1 ? previous.year + 1 == date.year : previous.month + 1 == date.month) : previous.day + 1 == date.day
            #expect(next)
            previous = date
        }
    }

    @Test(arguments: [(0, 4), (-1, 3), (20_794, 1), (20_799, 6), (20_800, 7)])
    func weekday_isISO(number: Int, weekday: Int) {
        #expect(CivilDays.weekday(dayNumber: number) == weekday)
    }

    @Test(arguments: [(0, 0, 0), (86_399, 0, 86_399), (86_400, 1, 0), (-1, -1, 86_399), (-86_400, -1, 0), (-86_401, -2, 86_399)])
    func split_roundsTowardsThePast(seconds: Int, day: Int, second: Int) {
        let split = CivilDays.split(secondsSince1970: seconds)
        #expect(split.dayNumber == day && split.secondOfDay == second)
    }
}
