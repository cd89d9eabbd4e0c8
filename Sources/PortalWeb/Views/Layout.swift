import HTML
import PortalCore
import PortalStore

/// The frame of every town page: header with the town's name, its tabs, the content, and the
/// contact block in the footer so that a family can always reach a person.
enum Layout {
    static func page(_ chrome: PageChrome, title: String, currentTab: PortalTab? = nil, content: [Node]) -> Node {
        page(tenant: chrome.tenant, title: title, currentTab: currentTab, viewer: chrome.viewer, unreadMessages: chrome.unreadMessages, content: content)
    }

    /// `familyTabs: false` for the back-office, whose own menu replaces the families' tabs.
    static func page(tenant: TenantConfig, title: String, currentTab: PortalTab? = nil, viewer: Viewer = .anonymous,
                     unreadMessages: Int? = nil, familyTabs: Bool = true, content: [Node]) -> Node {
        PageFrame.document(title: "\(title) – \(tenant.branding.portalTitle) \(tenant.shortName)",
                           extraStylesheets: [AssetPaths.theme], script: AssetPaths.script, body: [
            PageFrame.skipLink,
            header(tenant, viewer: viewer),
            .when(familyTabs, tabs(tenant, current: currentTab, unreadMessages: unreadMessages ?? 0)),
            .main([.id("contenu")], content),
            footer(tenant),
        ])
    }

    private static func header(_ tenant: TenantConfig, viewer: Viewer) -> Node {
        .header([.class("site-header")], [
            .a([.class("brand"), .href("/")], [
                .span([.class("brand-portal")], [.text(tenant.branding.portalTitle)]),
                .span([.class("brand-town")], [.text(tenant.shortName)]),
            ]),
            accountBar(viewer),
        ])
    }

    /// Who is signed in, where their space is, and a sign-out button (a POST form: a link
    /// could be triggered by another site).
    static func accountBar(_ viewer: Viewer) -> Node {
        switch viewer {
        case .anonymous:
            return .nav([.class("account-bar"), .aria("label", "Compte")], [
                .a([.href(AccountPaths.signIn)], ["Se connecter"]),
            ])
        case .family(let name, let csrf):
            return .nav([.class("account-bar"), .aria("label", "Compte")], [
                .span([.class("who")], [.text(name)]),
                .a([.href(SpacePaths.home)], ["Mon espace"]),
                signOut(action: AccountPaths.signOut, csrf: csrf),
            ])
        case .staff(let name, let csrf):
            return .nav([.class("account-bar"), .aria("label", "Compte")], [
                .span([.class("who")], [.text(name)]),
                .a([.href(StaffPaths.home)], ["Gestion"]),
                signOut(action: StaffPaths.signOut, csrf: csrf),
            ])
        }
    }

    static func signOut(action: String, csrf: String) -> Node {
        .form([.method("post"), .action(action), .class("inline")], [
            Forms.csrfField(csrf),
            .button([.type("submit"), .class("link-button")], ["Se déconnecter"]),
        ])
    }

    private static func tabs(_ tenant: TenantConfig, current: PortalTab?, unreadMessages: Int) -> Node {
        .when(!tenant.tabs.isEmpty, .nav([.class("tabs"), .aria("label", "Rubriques du portail")], [
            .ul([], tenant.tabs.map { tab in
                .li([], [.a([.href(TabPaths.path(for: tab))] + (tab == current ? [.aria("current", "page")] : []), [
                    .text(tab.label),
                    .when(tab == .messagerie && unreadMessages > 0, .span([.class("badge")], [
                        .span([.aria("hidden", "true")], [.text(" \(unreadMessages)")]),
                        .span([.class("visually-hidden")], [.text(" (\(unreadMessages) non lu\(unreadMessages > 1 ? "s" : ""))")]),
                    ])),
                ])])
            }),
        ]))
    }

    private static func footer(_ tenant: TenantConfig) -> Node {
        .footer([.class("site-footer")], [
            .div([.class("inner")], [ContactBlock.render(tenant.contact, headingLevel: "h2")]),
        ])
    }
}

/// Who the page is shown to, for the header.
enum Viewer: Equatable {
    case anonymous
    case family(name: String, csrf: String)
    case staff(name: String, csrf: String)
}

/// What a town page shows around its content, and the token its forms carry: a view takes this
/// and the values it shows, never the request.
struct PageChrome {
    let tenant: TenantConfig
    let viewer: Viewer
    let unreadMessages: Int?
    let csrf: String
}

extension RequestContext {
    var chrome: PageChrome { PageChrome(tenant: tenant, viewer: viewer, unreadMessages: unreadMessages, csrf: csrfToken) }

    var viewer: Viewer {
        switch principal {
        case .family(let account)?: .family(name: account.displayName, csrf: csrfToken)
        case .staff(let account)?: .staff(name: account.displayName, csrf: csrfToken)
        default: .anonymous
        }
    }
}

enum AssetPaths {
    static let stylesheet = "/static/portail.css"
    static let theme = "/theme.css"
    static let script = "/static/portail.js"
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
