import HTML
import PortalCore

/// The frame of every town page: header with the town's name, its tabs, the content, and the
/// contact block in the footer so that a family can always reach a person.
enum Layout {
    static func page(tenant: TenantConfig, title: String, currentTab: PortalTab? = nil, content: [Node]) -> Node {
        .fragment([
            .doctype,
            .el("html", [.lang("fr")], [
                .el("head", [], [
                    .meta([Attribute("charset", "utf-8")]),
                    .meta([.name("viewport"), Attribute("content", "width=device-width, initial-scale=1")]),
                    .el("title", [], [.text("\(title) – \(tenant.branding.portalTitle) \(tenant.shortName)")]),
                    .link([.rel("stylesheet"), .href(AssetPaths.stylesheet)]),
                    .link([.rel("stylesheet"), .href(AssetPaths.theme)]),
                ]),
                .el("body", [], [
                    .a([.class("skip"), .href("#contenu")], ["Aller au contenu"]),
                    header(tenant),
                    tabs(tenant, current: currentTab),
                    .main([.id("contenu")], content),
                    footer(tenant),
                ]),
            ]),
        ])
    }

    private static func header(_ tenant: TenantConfig) -> Node {
        .header([.class("site-header")], [
            .a([.class("brand"), .href("/")], [
                .span([.class("brand-portal")], [.text(tenant.branding.portalTitle)]),
                .span([.class("brand-town")], [.text(tenant.shortName)]),
            ]),
        ])
    }

    private static func tabs(_ tenant: TenantConfig, current: PortalTab?) -> Node {
        .when(!tenant.tabs.isEmpty, .nav([.class("tabs"), .aria("label", "Rubriques du portail")], [
            .ul([], tenant.tabs.map { tab in
                .li([], [.a([.href(TabPaths.path(for: tab))] + (tab == current ? [.aria("current", "page")] : []), [.text(tab.label)])])
            }),
        ]))
    }

    private static func footer(_ tenant: TenantConfig) -> Node {
        .footer([.class("site-footer")], [
            .div([.class("inner")], [ContactBlock.render(tenant.contact, headingLevel: "h2")]),
        ])
    }
}

enum AssetPaths {
    static let stylesheet = "/static/portail.css"
    static let theme = "/theme.css"
}

/// One path per family tab, so links are printed from the tab rather than typed twice.
enum TabPaths {
    static func path(for tab: PortalTab) -> String {
        switch tab {
        case .dossier: return "/dossier"
        case .inscriptions: return "/inscriptions"
        case .planning: return "/planning"
        case .facturation: return "/facturation"
        case .messagerie: return "/messagerie"
        case .actualites: return "/actualites"
        case .documents: return "/documents"
        }
    }
}
