/// When families may book and cancel an activity's slots (issue 3, "Rule semantics").
public struct BookingPolicy: Sendable, Equatable {
    /// Booking for a period opens N days before the activity's first day in it; nil: always open.
    public var opening: OpeningRule?
    public var bookingDeadline: DeadlineRule?
    /// Defaults to the booking deadline when the file gives none.
    public var cancellationDeadline: DeadlineRule?
    /// Until when the family may declare an absence on a booked day; nil: until the day itself.
    /// Its late policy is `refuse` or `surcharge` (recorded as a late absence, billed that amount).
    public var absenceDeadline: DeadlineRule?
    /// Holiday booking windows (seed 004): bookings and cancellations for a holiday period are
    /// possible only inside its window; a period without a window cannot be booked online.
    public var windows: [BookingWindow]
    /// First come, first served, or a draw among the requests of the first minutes.
    public var atOpening: OpeningAllocation

    public init(opening: OpeningRule?, bookingDeadline: DeadlineRule?, cancellationDeadline: DeadlineRule?, windows: [BookingWindow],
                absenceDeadline: DeadlineRule? = nil, atOpening: OpeningAllocation = .firstCome) {
        self.opening = opening
        self.bookingDeadline = bookingDeadline
        self.cancellationDeadline = cancellationDeadline
        self.absenceDeadline = absenceDeadline
        self.windows = windows
        self.atOpening = atOpening
    }

    public func deadline(for action: BookingAction) -> DeadlineRule? {
        action == .book ? bookingDeadline : (cancellationDeadline ?? bookingDeadline)
    }
}

/// The span that booking opens for at once.
public enum BookingPeriod: String, Sendable, Equatable, CaseIterable {
    /// The school holiday containing the date, or the stretch of school term between two holidays.
    case schoolPeriod
    /// The calendar month of the date.
    case month
}

/// `opensDaysBefore N` per residency: opens at 00:00 on (first day the activity runs in the period) − N.
public struct OpeningRule: Sendable, Equatable {
    public var period: BookingPeriod
    public var residentDaysBefore: Int
    public var nonResidentDaysBefore: Int

    public init(period: BookingPeriod, residentDaysBefore: Int, nonResidentDaysBefore: Int) {
        self.period = period
        self.residentDaysBefore = residentDaysBefore
        self.nonResidentDaysBefore = nonResidentDaysBefore
    }

    public func daysBefore(_ residency: Residency) -> Int {
        residency == .resident ? residentDaysBefore : nonResidentDaysBefore
    }
}

public enum DeadlineKind: Sendable, Equatable {
    /// Until the time on D − N days.
    case calendarDaysBefore(Int)
    /// Until the time on the N-th working day before D, counting back from D − 1.
    case workingDaysBefore(Int)
    /// A slot in month M: until the time on day K of month M − 1.
    case monthlyCutoff(day: Int)
}

public struct DeadlineRule: Sendable, Equatable {
    public var kind: DeadlineKind
    /// Time of day of the deadline; nil means 23:59:59.
    public var time: LocalTime?
    public var late: LatePolicy

    public init(kind: DeadlineKind, time: LocalTime? = nil, late: LatePolicy = .refuse) {
        self.kind = kind
        self.time = time
        self.late = late
    }
}

/// What happens past a deadline.
public enum LatePolicy: Sendable, Equatable {
    /// Refused online; the family calls the service.
    case refuse
    /// Sent to staff as a late request, billed with the surcharge if they accept it (seed 002).
    case request(surcharge: Surcharge?)
    /// Accepted at once and billed extra.
    case surcharge(Surcharge)

    public var surcharge: Surcharge? {
        switch self {
        case .refuse: return nil
        case .request(let surcharge): return surcharge
        case .surcharge(let surcharge): return surcharge
        }
    }
}

public enum Surcharge: Sendable, Equatable {
    /// A fixed amount (« 4 € le matin »).
    case fixed(Money)
    /// The unit price plus an amount (« tarif journée + 3 € »); plus zero bills a late
    /// cancellation at the price of the service.
    case unitPricePlus(Money)

    public func amount(unitPrice: Money?) -> Money {
        switch self {
        case .fixed(let amount): return amount
        case .unitPricePlus(let extra): return (unitPrice ?? .zero) + extra
        }
    }
}

/// `window from A to B` for one school-holiday period: allowed from 00:00 on A to 23:59:59 on B.
public struct BookingWindow: Sendable, Equatable {
    public var period: SchoolHolidayKind
    /// « 2025-2026 »
    public var schoolYear: String
    /// nil: open from the start (« Automne : jusqu'au 01/10 »).
    public var from: LocalDate?
    public var to: LocalDate

    public init(period: SchoolHolidayKind, schoolYear: String, from: LocalDate?, to: LocalDate) {
        self.period = period
        self.schoolYear = schoolYear
        self.from = from
        self.to = to
    }
}

public enum BookingAction: String, Sendable, CaseIterable {
    case book, cancel
}
