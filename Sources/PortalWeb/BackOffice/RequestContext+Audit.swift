import PortalStore
import Postgres

extension RequestContext {
    /// The signed-in staff member as the audit log names them.
    var staffActor: StaffActor {
        get throws {
            let staff = try staff
            return StaffActor(id: staff.id, name: staff.displayName)
        }
    }

    /// Writes the signed-in staff member's action to the audit log, in the action's own
    /// transaction. Kept for the handlers of other areas that still open their transaction
    /// here; none of the back-office's own handlers does any more.
    func audit(_ action: String, target: String, detail: String = "", in connection: PostgresConnection) throws {
        try StaffAudit.record(try staffActor, action: action, target: target, detail: detail, ip: clientAddress, now: now, in: connection)
    }
}
