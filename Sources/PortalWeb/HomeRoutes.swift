import HTTPServer
import PortalCore
import PortalStore

/// The public pages of a town: home, the tab pages and the town's colours.
enum HomeRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", "/", .anyone) { context in
            let news = try context.transaction { try NewsStore.latest(limit: 5, today: ParisTime.localDate(of: context.now), in: $0) }
            return .html(HomePage.render(context, news: news).render())
        }
        // Tabs with pages of their own register them (DossierRoutes, BookingRoutes, MessagingRoutes,
        // NewsRoutes, TownDocumentRoutes); a tab the town has not enabled does not exist on its portal.
        let ownPages: Set<PortalTab> = [.dossier, .inscriptions, .planning, .messagerie, .actualites, .documents]
        for tab in PortalTab.allCases where !ownPages.contains(tab) {
            table.add("GET", TabPaths.path(for: tab), .anyone, tab: tab) { context in
                .html(TabPage.render(context, tab: tab).render())
            }
        }
        table.add("GET", AssetPaths.theme, .anyone) { context in
            var response = HTTPResponse(status: .ok, body: Array(Theme.css(for: context.tenant).utf8))
            response.headers.set("Content-Type", "text/css; charset=utf-8")
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }
    }
}

enum Theme {
    /// Colours are validated as `#RRGGBB` when the tenant file is loaded, so they are safe in CSS.
    static func css(for tenant: TenantConfig) -> String {
        ":root { --primary: \(tenant.branding.primaryColor); --accent: \(tenant.branding.accentColor); }\n"
    }
}
