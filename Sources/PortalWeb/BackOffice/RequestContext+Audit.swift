import PortalStore

extension RequestContext {
    /// The signed-in staff member as the audit log names them.
    var staffActor: StaffActor {
        get throws {
            let staff = try staff
            return StaffActor(id: staff.id, name: staff.displayName)
        }
    }
}
