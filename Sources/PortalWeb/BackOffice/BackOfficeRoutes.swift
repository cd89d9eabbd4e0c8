import HTTPServer
import PortalCore

/// The back-office's own pages under `/gestion`, and the queues that share `StaffQueue`.
enum BackOfficeRoutes {
    static let queues: [StaffQueue] = [.registrations, .bookingRequests, .dossierChanges, .documents]

    static func register(_ table: inout RouteTable) {
        for queue in queues { queue.register(&table) }
        let caseworkers = Access.staff(BackOfficeRoles.caseworkers)
        table.add("GET", BackOfficePaths.attendance, caseworkers) { try AttendancePage.show($0) }
        table.add("POST", BackOfficePaths.attendanceMark, caseworkers) { try AttendancePage.mark($0) }
        table.add("POST", BackOfficePaths.attendanceWalkIn, caseworkers) { try AttendancePage.addWalkIn($0) }
        table.add("GET", BackOfficePaths.waitingLists, caseworkers) { try WaitingListPages.overview($0) }
        table.add("GET", BackOfficePaths.waitingList, caseworkers) { try WaitingListPages.slot($0, id: $1) }
        table.add("POST", BackOfficePaths.promote, caseworkers) { try WaitingListPages.promote($0, slot: $1) }
        table.add("GET", BackOfficePaths.simulator, .anyStaff) { try SimulatorPage.show($0) }
        table.add("GET", BackOfficePaths.exports, .anyStaff) { try ExportPages.form($0) }
        table.add("GET", BackOfficePaths.bookingsCSV, .anyStaff) { try ExportPages.bookings($0) }
        table.add("GET", BackOfficePaths.attendanceCSV, .anyStaff) { try ExportPages.attendance($0) }
        let admins = Access.staff(BackOfficeRoles.administrators)
        table.add("GET", BackOfficePaths.audit, admins) { try AuditPage.audit($0) }
        table.add("POST", BackOfficePaths.staffRole, admins) { try TeamPages.changeRole($0, member: $1) }
        table.add("POST", BackOfficePaths.staffDeactivate, admins) { try TeamPages.deactivate($0, member: $1) }
        table.add("POST", BackOfficePaths.staffReactivate, admins) { try TeamPages.reactivate($0, member: $1) }
    }
}
