/// A bookable service line of a town (« Alsh mercredi », « Restauration Élémentaire »).
public struct Activity: Sendable, Equatable {
    /// Unique within the tenant; used in URLs and the CLI.
    public var code: String
    public var label: String
    public var description: String
    public var audience: Audience
    public var schedule: ActivitySchedule
    /// No activity runs on a public holiday unless its file says so.
    public var runsOnPublicHolidays: Bool
    /// What can be booked on a day the activity runs, in display order.
    public var units: [ActivityUnit]
    public var exclusions: [UnitExclusion]
    public var supplements: [DaySupplement]
    /// Bookings wait for staff to accept them (« demande en attente de validation »).
    public var requiresValidation: Bool
    public var billing: BillingBasis
    /// Price tables by price code; every unit names one.
    public var prices: [String: PriceTable]
    public var booking: BookingPolicy

    public init(code: String, label: String, description: String, audience: Audience, schedule: ActivitySchedule,
                runsOnPublicHolidays: Bool, units: [ActivityUnit], exclusions: [UnitExclusion],
                supplements: [DaySupplement], requiresValidation: Bool, billing: BillingBasis,
                prices: [String: PriceTable], booking: BookingPolicy) {
        self.code = code
        self.label = label
        self.description = description
        self.audience = audience
        self.schedule = schedule
        self.runsOnPublicHolidays = runsOnPublicHolidays
        self.units = units
        self.exclusions = exclusions
        self.supplements = supplements
        self.requiresValidation = requiresValidation
        self.billing = billing
        self.prices = prices
        self.booking = booking
    }

    public func unit(_ code: String) -> ActivityUnit? {
        units.first { $0.code == code }
    }

    /// The price of one unit for a family; an unknown quotient pays the highest bracket.
    public func price(of unit: ActivityUnit, quotient: Int?, residency: Residency) -> Money? {
        prices[unit.priceCode]?.price(quotient: quotient, residency: residency)
    }

    public func supplement(on date: LocalDate) -> DaySupplement? {
        supplements.first { $0.date == date }
    }

    /// Units that may not be booked together with `unit` on the same day, in both directions.
    public func unitsExcluded(by unit: String) -> [String] {
        var excluded: [String] = []
        for exclusion in exclusions {
            if exclusion.unit == unit { excluded += exclusion.excludes }
            if exclusion.excludes.contains(unit) { excluded.append(exclusion.unit) }
        }
        return units.map(\.code).filter(excluded.contains)
    }
}

/// Who may attend.
public enum Audience: Sendable, Equatable {
    /// Age in whole years on the day of the slot, both bounds included (« 3-17 ans »).
    case ageRange(min: Int, max: Int)
    case schoolLevels([SchoolLevel])

    /// Whether a child born on `birthDate` (at `schoolLevel`, when known) may attend on `date`.
    public func admits(birthDate: LocalDate, schoolLevel: SchoolLevel?, on date: LocalDate) -> Bool {
        switch self {
        case let .ageRange(min, max):
            let age = Audience.age(birthDate: birthDate, on: date)
            return min <= age && age <= max
        case let .schoolLevels(levels):
            return schoolLevel.map(levels.contains) ?? false
        }
    }

    /// Whole years completed on `date`; a child born on 29 February has a birthday on 1 March in other years.
    public static func age(birthDate: LocalDate, on date: LocalDate) -> Int {
        let hadBirthday = (date.month, date.day) >= (birthDate.month, birthDate.day)
        return date.year - birthDate.year - (hadBirthday ? 0 : 1)
    }

    /// « 3-17 ans », « CP, CE1 »
    public var label: String {
        switch self {
        case let .ageRange(min, max): return "\(min)-\(max) ans"
        case let .schoolLevels(levels): return levels.map(\.label).joined(separator: ", ")
        }
    }
}

public enum SchoolLevel: String, Sendable, Equatable, CaseIterable {
    case tps, ps, ms, gs, cp, ce1, ce2, cm1, cm2

    public var label: String { rawValue.uppercased() }
}

/// The days an activity runs; a day qualifies when any listed kind matches.
public struct ActivitySchedule: Sendable, Equatable {
    /// Wednesdays outside school holidays (« mercredi période scolaire »).
    public var schoolTermWednesdays: Bool
    /// Monday to Friday during school holidays, minus the listed periods (« hors Noël »).
    public var schoolHolidayWeekdays: HolidayWeekdays?
    /// Monday, Tuesday, Thursday and Friday outside school holidays.
    public var schoolDays: Bool
    public var dates: [LocalDate]

    public init(schoolTermWednesdays: Bool = false, schoolHolidayWeekdays: HolidayWeekdays? = nil,
                schoolDays: Bool = false, dates: [LocalDate] = []) {
        self.schoolTermWednesdays = schoolTermWednesdays
        self.schoolHolidayWeekdays = schoolHolidayWeekdays
        self.schoolDays = schoolDays
        self.dates = dates
    }
}

public struct HolidayWeekdays: Sendable, Equatable {
    public var exceptHolidays: [SchoolHolidayKind]

    public init(exceptHolidays: [SchoolHolidayKind]) { self.exceptHolidays = exceptHolidays }
}

/// A bookable unit on a day (« matin », « journée avec repas »).
public struct ActivityUnit: Sendable, Equatable {
    public var code: String
    public var label: String
    public var start: LocalTime
    public var end: LocalTime
    /// Places per day; enforced by the database, shown by the planning.
    public var capacity: Int
    public var priceCode: String

    public init(code: String, label: String, start: LocalTime, end: LocalTime, capacity: Int, priceCode: String) {
        self.code = code
        self.label = label
        self.start = start
        self.end = end
        self.capacity = capacity
        self.priceCode = priceCode
    }
}

/// `unit` and each of `excludes` cannot both be booked for a child on the same day.
public struct UnitExclusion: Sendable, Equatable {
    public var unit: String
    public var excludes: [String]

    public init(unit: String, excludes: [String]) {
        self.unit = unit
        self.excludes = excludes
    }
}

/// Something special on one day: an outing billed extra, which may close some units
/// (« Non disponible lors de sortie à la journée »).
public struct DaySupplement: Sendable, Equatable {
    public var date: LocalDate
    /// « Sortie luge au Mont Bar »
    public var label: String
    public var amount: Money
    /// Units billed the supplement.
    public var units: [String]
    /// Units not offered that day.
    public var closedUnits: [String]

    public init(date: LocalDate, label: String, amount: Money, units: [String], closedUnits: [String]) {
        self.date = date
        self.label = label
        self.amount = amount
        self.units = units
        self.closedUnits = closedUnits
    }
}

public enum BillingBasis: String, Sendable, Equatable, CaseIterable {
    /// Every booked unit is billed, attended or not.
    case booked
    /// Only units the child attended are billed.
    case attended
}
