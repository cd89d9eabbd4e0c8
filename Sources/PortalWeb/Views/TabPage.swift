import HTML
import PortalCore

/// The page of an enabled tab for a visitor who is not signed in: what the service is for,
/// and that it needs the family's account.
enum TabPage {
    static func render(tenant: TenantConfig, tab: PortalTab) -> Node {
        Layout.page(tenant: tenant, title: tab.label, currentTab: tab, content: [
            .h1([], [.text(tab.label)]),
            .p([], [.text(TabDescriptions.text(for: tab))]),
            .p([.class("notice")], [.text("Ce service est réservé aux familles connectées à leur compte. Pour toute question, contactez \(tenant.contact.service) (coordonnées en bas de page).")]),
        ])
    }
}
