import Foundation
import Testing
import HTTPServer
import PortalCore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// What the browser gets to help with passwords (ASVS 2.1.8, 2.1.11, 2.1.12): every new-password
/// field carries the town's rule for the strength the page script tells; fields say what they
/// hold so password managers fill them; nothing stops pasting or cuts a long password.
@Suite(.serialized) struct PasswordFieldTests {
    @Test func newPasswordFields_carryTheTownsRule_andPasswordManagersKnowEveryField() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var visitor = world.browser()
        let signUp = visitor.get(AccountPaths.signUp).text
        #expect(signUp.contains("<script src=\"\(AssetPaths.script)\" defer></script>"))
        #expect(signUp.contains("autocomplete=\"new-password\" required aria-describedby=\"champ-mot_de_passe-aide\" data-entropie-min=\"50\" data-longueur-min=\"8\" data-classes=\"lower upper digit special\""))
        let signIn = visitor.get(AccountPaths.signIn).text
        #expect(signIn.contains("name=\"courriel\"") && signIn.contains("autocomplete=\"current-password\""))
        var family = try world.signedInFamily()
        let account = family.get(SpacePaths.account).text
        #expect(account.contains("autocomplete=\"username\"") && account.contains("name=\"nouveau_mot_de_passe\""))
        var staff = try world.signedInStaff(role: .agent)
        #expect(staff.get(StaffPaths.account).text.contains("data-entropie-min=\"50\""))
        for page in [signUp, signIn, account] {
            #expect(!page.contains("onpaste") && !page.contains("maxlength") && !page.contains("autocomplete=\"off\" type=\"password\""))
        }
        // Clermontais asks for the CNIL's default: no kind of character required.
        var other = world.browser(world.otherTown)
        #expect(other.get(AccountPaths.signUp).text.contains("data-classes=\"\""))
    }

    @Test func passwordScript_isServedAsJavaScript_andKeepsNothingInTheBrowser() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var visitor = world.browser()
        let script = visitor.get(AssetPaths.script)
        #expect(script.status.code == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8" && script.text.contains(PasswordScript.javascript))
        for forbidden in ["localStorage", "sessionStorage", "document.cookie", "fetch(", "XMLHttpRequest", "paste"] {
            #expect(!script.text.contains(forbidden), "\(forbidden)")
        }
    }
}
