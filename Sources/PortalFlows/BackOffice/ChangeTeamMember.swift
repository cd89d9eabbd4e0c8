public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// The town administrator's change to one member of the team, with its audit line in the same
/// transaction; a deactivated member's sessions end at once. The town's last administrator stays.
public struct ChangeTeamMember: Sendable {
    public enum Change: Sendable, Equatable {
        case role(StaffRole)
        case deactivate
        case reactivate
    }

    public enum Outcome: Sendable, Equatable {
        case changed
        /// Refused: the town would be left without an active administrator.
        case lastAdministrator
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// Throws `FlowError.notFound` for a member the town does not have.
    public func run(member id: Int64, _ change: Change, by admin: StaffAccount, clientAddress: String, now: Date) throws -> Outcome {
        let (action, detail) = switch change {
        case .role(let role): ("staff.role", "nouveau rôle : \(role.frenchLabel)")
        case .deactivate: ("staff.deactivate", "compte désactivé")
        case .reactivate: ("staff.reactivate", "compte réactivé")
        }
        do {
            try town.transaction { connection in
                switch change {
                case .role(let role): _ = try StaffAdministration.setRole(id: id, role: role, in: connection)
                case .deactivate: try StaffAdministration.deactivate(id: id, now: now, in: connection)
                case .reactivate: try StaffAdministration.reactivate(id: id, in: connection)
                }
                try StaffAudit.record(StaffActor(id: admin.id, name: admin.displayName), action: action, target: "staff/\(id)", detail: detail,
                                      ip: clientAddress, now: now, in: connection)
            }
        } catch StaffAdministrationError.lastAdministrator {
            return .lastAdministrator
        } catch StaffAdministrationError.unknownStaff {
            throw FlowError.notFound
        }
        return .changed
    }
}
