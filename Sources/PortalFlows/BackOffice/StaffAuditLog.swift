import PortalCore
public import PortalStore
import Postgres

/// `/gestion/journal`: the last staff actions, newest first, for one member or all, with the
/// team the filter lists.
public struct StaffAuditLog: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(staffID: Int64?, limit: Int) throws -> (entries: [StaffAuditEntry], members: [StaffMember]) {
        try town.transaction { connection in
            (try StaffAudit.list(staffID: staffID, limit: limit, in: connection), try StaffAdministration.members(in: connection))
        }
    }
}
