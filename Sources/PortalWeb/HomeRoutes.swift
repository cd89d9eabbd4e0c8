import HTTPServer
import PortalCore
import PortalFlows

/// The town's home page and colours; every family tab has its own area's pages (DossierRoutes,
/// BookingRoutes, InvoicingRoutes, MessagingRoutes, NewsRoutes, TownDocumentRoutes).
enum HomeRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", "/", .anyone) { context in
            .html(HomePage.render(context.chrome, news: try PublishedNews(town: context.town).latest(limit: 5, now: context.now)))
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
