import HTML
import PortalCore

/// What a family sees first on its town's portal: what it can do here, the latest news,
/// and how to reach the service.
enum HomePage {
    static func render(_ chrome: PageChrome, news: [NewsItem]) -> Node {
        let tenant = chrome.tenant
        return Layout.page(chrome, title: "Accueil", content: [
            .h1([], [.span([.class("kicker")], [.text(tenant.branding.portalTitle)]), .text(tenant.name)]),
            .p([], [.text("\(tenant.branding.serviceName) : inscrivez vos enfants aux activités, réservez ou annulez des journées, suivez vos demandes et vos factures, depuis votre téléphone ou votre ordinateur.")]),
            .div([.class("grid")], [
                .section([.aria("labelledby", "services-titre")], [
                    .h2([.id("services-titre")], ["Vos services en ligne"]),
                    .ul([.class("services")], tenant.tabs.map { tab in
                        .li([], [.a([.href(TabPaths.path(for: tab))], [.strong([], [.text(tab.label)])]), .text(TabDescriptions.text(for: tab)),
                                 .when(tab == .messagerie && (chrome.unreadMessages ?? 0) > 0, .strong([], [.text(unreadLine(chrome.unreadMessages ?? 0))]))])
                    }),
                ]),
                newsSection(news, linked: tenant.tabs.contains(.actualites)),
            ]),
        ])
    }

    /// Seed 004's home: « Vous avez 6 message(s) non lu(s) » under the Messagerie.
    static func unreadLine(_ count: Int) -> String {
        count == 1 ? " Vous avez 1 message non lu." : " Vous avez \(count) messages non lus."
    }

    private static func newsSection(_ news: [NewsItem], linked: Bool) -> Node {
        .when(!news.isEmpty, .section([.class("news"), .aria("labelledby", "actualites-titre")], [
            .h2([.id("actualites-titre")], ["Actualités"]),
            .fragment(news.map { NewsHTML.card($0, headingLevel: "h3", link: linked ? NewsPaths.item($0.id) : nil) }),
            .when(linked, .p([], [.a([.href(NewsPaths.list)], ["Toutes les actualités"])])),
        ]))
    }
}

enum TabDescriptions {
    static func text(for tab: PortalTab) -> String {
        switch tab {
        case .dossier: return "Tenez à jour les informations de votre famille, de vos enfants et les personnes à contacter."
        case .inscriptions: return "Pré-inscrivez vos enfants aux activités et suivez l'état de vos demandes."
        case .planning: return "Réservez ou annulez des journées, avec la date limite affichée sur chaque jour."
        case .facturation: return "Consultez vos factures et payez en ligne."
        case .messagerie: return "Écrivez aux services de la collectivité et suivez leurs réponses."
        case .actualites: return "Les informations et nouveautés de la collectivité."
        case .documents: return "Menus, règlements intérieurs, calendriers et guides à télécharger."
        }
    }
}
