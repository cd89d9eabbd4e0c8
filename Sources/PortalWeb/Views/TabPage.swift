import HTML
import PortalCore

/// The page of an enabled tab for a visitor who is not signed in: what the service is for,
/// and that it needs the family's account.
enum TabPage {
    static func render(_ context: RequestContext, tab: PortalTab) -> Node {
        let tenant = context.tenant
        return Layout.page(context, title: tab.label, currentTab: tab, content: [
            .h1([], [.text(tab.label)]),
            .p([], [.text(TabDescriptions.text(for: tab))]),
            context.principal == nil
                ? .p([.class("notice")], [
                    .text("Ce service est réservé aux familles connectées à leur compte. "),
                    .a([.href(AccountPaths.signIn)], ["Se connecter"]), " ou ", .a([.href(AccountPaths.signUp)], ["créer un compte"]),
                    .text(". Pour toute question, contactez \(tenant.contact.service) (coordonnées en bas de page)."),
                ])
                : .p([.class("notice")], [.text("Ce service arrive bientôt sur votre portail. Pour toute question, contactez \(tenant.contact.service) (coordonnées en bas de page).")]),
        ])
    }
}
