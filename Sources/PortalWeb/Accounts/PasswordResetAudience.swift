import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// Who a « mot de passe oublié » serves: families on the portal, or staff in the back-office.
/// The journey is the same; the accounts, the links' purpose, the paths and the frame differ.
enum PasswordResetAudience {
    case family, staff

    var kind: PrincipalKind { self == .family ? .family : .staff }
    var purpose: TokenPurpose { self == .family ? .reset : .staffReset }
    var forgottenPath: String { self == .family ? AccountPaths.forgotten : StaffPaths.forgotten }
    var sentPath: String { self == .family ? AccountPaths.forgottenSent : StaffPaths.forgottenSent }
    var resetPath: String { self == .family ? AccountPaths.reset : StaffPaths.reset }
    var signInPath: String { self == .family ? AccountPaths.signIn : StaffPaths.signIn }

    func page(_ context: RequestContext, title: String, content: [Node]) -> Node {
        self == .family ? Layout.page(context.chrome, title: title, content: content) : StaffViews.page(context, title: title, content: content)
    }

    /// The account a link may be sent to: for staff, an active member who has chosen a password
    /// (an invitee uses the invitation's own link).
    func account(email: EmailAddress, in connection: PostgresConnection) throws -> (id: Int64, email: String)? {
        switch self {
        case .family:
            return try AccountStore.find(email: email, in: connection).map { ($0.id, $0.email) }
        case .staff:
            guard let found = try StaffStore.find(email: email, in: connection), found.hasPassword else { return nil }
            return try account(id: found.id, in: connection)
        }
    }

    func account(id: Int64, in connection: PostgresConnection) throws -> (id: Int64, email: String)? {
        switch self {
        case .family: try AccountStore.find(id: id, in: connection).map { ($0.id, $0.email) }
        case .staff: try StaffStore.find(id: id, in: connection).map { ($0.id, $0.email) }
        }
    }

    func setPassword(id: Int64, _ password: String, now: Date, in connection: PostgresConnection) throws {
        switch self {
        case .family:
            try AccountStore.setPassword(id: id, password: password, in: connection)
            // The link proves the mailbox, as activation would.
            try AccountStore.activate(id: id, now: now, in: connection)
        case .staff:
            try StaffStore.setPassword(id: id, password: password, in: connection)
        }
    }
}
