import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// Who a « mot de passe oublié » serves: families on the portal, or staff in the back-office.
/// The journey is the same (`RequestPasswordReset`, `ResetPassword`); the paths and the frame differ.
enum PasswordResetAudience {
    case family, staff

    var kind: PrincipalKind { self == .family ? .family : .staff }
    var forgottenPath: String { self == .family ? AccountPaths.forgotten : StaffPaths.forgotten }
    var sentPath: String { self == .family ? AccountPaths.forgottenSent : StaffPaths.forgottenSent }
    var resetPath: String { self == .family ? AccountPaths.reset : StaffPaths.reset }
    var signInPath: String { self == .family ? AccountPaths.signIn : StaffPaths.signIn }

    func page(_ frame: StaffChrome, title: String, content: [Node]) -> Node {
        self == .family ? Layout.page(frame.chrome, title: title, content: content) : StaffViews.page(frame, title: title, content: content)
    }
}
