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

    static let waitingList = RoutePath<Int64>(waitingLists + "/", "slot")
    static let promote = RoutePath<Int64>(waitingLists + "/", "slot", "/promouvoir")
    static let staffRole = RoutePath<Int64>(StaffPaths.team + "/", "id", "/role")
    static let staffDeactivate = RoutePath<Int64>(StaffPaths.team + "/", "id", "/desactiver")
    static let staffReactivate = RoutePath<Int64>(StaffPaths.team + "/", "id", "/reactiver")
}

/// The roles of the back-office pages: who works with children and families, who reads the
/// figures, who runs the team.
enum BackOfficeRoles {
    static let caseworkers: Set<StaffRole> = [.admin, .agent, .director]
    static let everyone = Set(StaffRole.allCases)
    static let administrators: Set<StaffRole> = [.admin]
}
