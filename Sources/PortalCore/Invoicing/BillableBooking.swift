/// A booking as invoicing sees it: what was booked, what became of it, and whether the child came.
public struct BillableBooking: Sendable, Equatable {
    public let bookingID: Int64
    public let childID: Int64
    public let childName: String
    public let activity: String
    public let unit: String
    public let day: LocalDate
    public let status: BookingStatus
    /// How the booking was made: at the unit price, late with a surcharge, or cancelled late.
    public let tariff: Tariff
    /// Taken by staff in the back-office; nil until then.
    public let attendance: Attendance?

    public init(bookingID: Int64, childID: Int64, childName: String, activity: String, unit: String, day: LocalDate,
                status: BookingStatus, tariff: Tariff, attendance: Attendance? = nil) {
        self.bookingID = bookingID
        self.childID = childID
        self.childName = childName
        self.activity = activity
        self.unit = unit
        self.day = day
        self.status = status
        self.tariff = tariff
        self.attendance = attendance
    }
}

/// What staff recorded on the day (the back-office's pointage; « en retard » counts as present).
public enum Attendance: String, Sendable, Equatable, CaseIterable {
    case present, absentExcused, absentUnexcused

    /// The back-office's mark: `present`, `late`, `absentExcused`, `absentUnexcused`.
    public init?(mark: String) {
        switch mark {
        case "present", "late": self = .present
        case "absentExcused": self = .absentExcused
        case "absentUnexcused": self = .absentUnexcused
        default: return nil
        }
    }
}
