import PortalCore

/// Every path of the back-office pages this area adds under `/gestion`.
enum BackOfficePaths {
    static let attendance = "/gestion/pointage"
    static let attendanceMark = "/gestion/pointage/marquer"
    static let attendanceWalkIn = "/gestion/pointage/ajout"
    static let waitingLists = "/gestion/listes-attente"
    static let simulator = "/gestion/simulateur"
    static let exports = "/gestion/exports"
    static let bookingsCSV = "/gestion/exports/reservations.csv"
    static let attendanceCSV = "/gestion/exports/pointage.csv"
    static let audit = "/gestion/journal"

    static func attendance(day: LocalDate, activity: String, unit: String) -> String {
        "\(attendance)?jour=\(day.iso)&activite=\(activity)&unite=\(unit)"
    }

    static func waitingList(_ slotID: Int64) -> String { "\(waitingLists)/\(slotID)" }
    static func promote(_ slotID: Int64) -> String { "\(waitingList(slotID))/promouvoir" }
    static func staffRole(_ id: Int64) -> String { "\(StaffPaths.team)/\(id)/role" }
    static func staffDeactivate(_ id: Int64) -> String { "\(StaffPaths.team)/\(id)/desactiver" }
    static func staffReactivate(_ id: Int64) -> String { "\(StaffPaths.team)/\(id)/reactiver" }
}

/// The roles of the back-office pages: who works with children and families, who reads the
/// figures, who runs the team.
enum BackOfficeRoles {
    static let caseworkers: Set<StaffRole> = [.admin, .agent, .director]
    static let everyone = Set(StaffRole.allCases)
    static let administrators: Set<StaffRole> = [.admin]
}
