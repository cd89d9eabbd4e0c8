/// What the staff note for an expected child on the day (pointage).
public enum AttendanceMark: String, Sendable, Equatable, CaseIterable {
    case present
    case late
    case absentExcused
    case absentUnexcused

    public var frenchLabel: String {
        switch self {
        case .present: "Présent"
        case .late: "En retard"
        case .absentExcused: "Absent excusé"
        case .absentUnexcused: "Absent non excusé"
        }
    }

    /// The child came (late or not): counted among those present.
    public var cameIn: Bool { self == .present || self == .late }
}
