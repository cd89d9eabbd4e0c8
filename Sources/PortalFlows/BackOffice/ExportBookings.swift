public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// The rows of a CSV export (every booking, or only the children expected, for the attendance
/// sheet), and the export written to the audit log with how many rows left.
public struct ExportBookings: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The rows are read in one transaction and the audit line is written in a second one.
    public func run(from: LocalDate, to: LocalDate, activity: String?, expectedOnly: Bool, by staff: StaffAccount,
                    clientAddress: String, now: Date) throws -> [BookingExportRow] {
        let rows = try town.transaction { try ExportStore.bookings(from: from, to: to, activity: activity, expectedOnly: expectedOnly, in: $0) }
        try town.transaction { connection in
            try StaffAudit.record(StaffActor(id: staff.id, name: staff.displayName), action: expectedOnly ? "export.attendance" : "export.bookings",
                                  target: activity ?? "",
                                  detail: "du \(FrenchDateFormat.numeric(from)) au \(FrenchDateFormat.numeric(to)), \(rows.count) ligne(s)",
                                  ip: clientAddress, now: now, in: connection)
        }
        return rows
    }
}
