public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Pointage of one activity and unit on one day: the sheet, a mark, a child added on the day.
/// Every change is in the audit log in its own transaction.
public struct Attendance: Sendable {
    /// What the pointage page shows: the day's summary when no slot is chosen, else the
    /// children expected, and the children whose name matches the search for a walk-in.
    public struct Sheet: Sendable {
        public let children: [ExpectedChild]
        public let summary: [AttendanceSummary]
        public let matches: [(id: Int64, name: String, family: String)]
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// `slot` is nil when no activity and unit are chosen. Each health sheet shown is logged
    /// for the family, as the dossier's pages do; `search` looks children up from 2 letters.
    public func sheet(day: LocalDate, slot: (activity: String, unit: String)?, staff: StaffAccount, search: String,
                      clientAddress: String, now: Date) throws -> Sheet {
        let mayViewHealth = HealthDataPolicy.mayView(staff.role)
        return try town.transaction { connection in
            guard let slot else {
                return Sheet(children: [], summary: try AttendanceStore.summary(day: day, in: connection), matches: [])
            }
            let children = try AttendanceStore.expected(activity: slot.activity, unit: slot.unit, day: day,
                                                        includeHealth: mayViewHealth, in: connection)
            for child in children where !(child.health?.isEmpty ?? true) {
                try HealthAccessLog.record(HealthAccess(staffID: staff.id, staffName: staff.displayName, familyID: child.familyID, childID: child.childID,
                                                        purpose: "Pointage du \(FrenchDateFormat.numeric(day)) – \(slot.activity)/\(slot.unit)",
                                                        ip: clientAddress, viewedAt: now), in: connection)
            }
            return Sheet(children: children, summary: [], matches: search.count >= 2 ? try AttendanceStore.findChildren(search, in: connection) : [])
        }
    }

    /// False when the booking is not one expected on that slot.
    public func mark(bookingID: Int64, _ mark: AttendanceMark, activity: String, unit: String, day: LocalDate, by actor: StaffActor,
                     clientAddress: String, now: Date) throws -> Bool {
        try town.transaction { connection in
            guard try AttendanceStore.mark(bookingID: bookingID, activity: activity, unit: unit, day: day,
                                           mark, by: actor, now: now, in: connection) else { return false }
            try StaffAudit.record(actor, action: "attendance.mark", target: "booking/\(bookingID)",
                                  detail: "\(FrenchDateFormat.numeric(day)) \(activity)/\(unit) : \(mark.frenchLabel)",
                                  ip: clientAddress, now: now, in: connection)
            return true
        }
    }

    public func addWalkIn(childID: Int64, activity: String, unit: String, day: LocalDate, by actor: StaffActor,
                          clientAddress: String, now: Date) throws -> AttendanceStore.WalkInOutcome {
        try town.transaction { connection in
            let outcome = try AttendanceStore.addWalkIn(childID: childID, activity: activity, unit: unit, day: day,
                                                        tenant: town.tenant, by: actor, now: now, in: connection)
            if case .added(let bookingID) = outcome {
                try StaffAudit.record(actor, action: "attendance.walk_in", target: "booking/\(bookingID)",
                                      detail: "Enfant \(childID) ajouté sur place le \(FrenchDateFormat.numeric(day)) (\(activity)/\(unit))",
                                      ip: clientAddress, now: now, in: connection)
            }
            return outcome
        }
    }
}
