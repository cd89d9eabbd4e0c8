import Testing
import HTML
import HTTPServer
import Postgres
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct TownPageTests {
    @Test func home_showsEachTownsOwnNameContactAndTabs() throws {
        let (app, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        #expect(tenants.count >= 2)
        for tenant in tenants {
            let response = app.handle(WebTestSupport.get("/", host: "\(tenant.hosts.subdomain).localhost:8080"))
            #expect(response.status.code == 200)
            #expect(response.text.contains(HTMLEscape.escape(tenant.name)))
            #expect(response.text.contains(tenant.contact.email))
            for tab in tenant.tabs { #expect(response.text.contains(tab.label)) }
            for other in tenants where other.id != tenant.id {
                #expect(!response.text.contains(HTMLEscape.escape(other.name)))
            }
        }
    }

    @Test func unknownHost_is404_andTouchesNoDatabase() throws {
        // A pool to a port nobody listens on: any query would fail, so a 404 proves none was made.
        let unreachable = try PostgresPool(url: "postgresql://portal@127.0.0.1:9/none?connect_timeout=1", maxSize: 1)
        let app = PortalApplication(
            directory: TenantDirectory(tenants: WebTestSupport.tenants(schemaSuffix: "x"), baseDomains: ["localhost"]),
            database: TenantDatabase(pool: unreachable))
        for host in ["evil.example", "localhost", "cayres-pradelles.localhost.evil.example", "x.cayres-pradelles.localhost"] {
            let response = app.handle(WebTestSupport.get("/", host: host))
            #expect(response.status.code == 404)
            #expect(response.text.contains("Portail introuvable"))
        }
    }

    @Test func healthz_is200WithTheDatabase_and503Without() throws {
        let (app, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        #expect(app.handle(WebTestSupport.get("/healthz", host: "any")).status.code == 200)

        let unreachable = try PostgresPool(url: "postgresql://portal@127.0.0.1:9/none?connect_timeout=1", maxSize: 1)
        let down = PortalApplication(directory: TenantDirectory(tenants: tenants, baseDomains: ["localhost"]),
                                     database: TenantDatabase(pool: unreachable))
        #expect(down.handle(WebTestSupport.get("/healthz", host: "any")).status.code == 503)
    }

    @Test func themeStylesheet_carriesTheTownsColours() throws {
        let (app, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        let tenant = tenants[0]
        let response = app.handle(WebTestSupport.get("/theme.css", host: "\(tenant.hosts.subdomain).localhost"))
        #expect(response.headers["content-type"] == "text/css; charset=utf-8")
        #expect(response.text.contains("--primary: \(tenant.branding.primaryColor)"))
    }

    @Test func newsTitle_withMarkup_isShownAsText() throws {
        let (app, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        let tenant = tenants[0]
        try TenantDatabase(pool: pool).transaction(schema: tenant.schema) {
            try NewsStore.insert(title: "<script>alert('x')</script>", body: "a & b", publishedOn: LocalDate(year: 2026, month: 1, day: 2)!, in: $0)
        }
        let page = app.handle(WebTestSupport.get("/", host: "\(tenant.hosts.subdomain).localhost")).text
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
    }

    @Test func postOnHome_is405WithAllow() throws {
        let (app, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        let response = app.handle(WebTestSupport.get("/", host: "\(tenants[0].hosts.subdomain).localhost", method: "POST"))
        #expect(response.status.code == 405)
        #expect(response.headers["allow"]?.contains("GET") == true)
    }

    @Test func unknownPath_onATown_isAFrench404InTheTownsLayout() throws {
        let (app, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        let response = app.handle(WebTestSupport.get("/nulle-part", host: "\(tenants[0].hosts.subdomain).localhost"))
        #expect(response.status.code == 404)
        #expect(response.text.contains("Page introuvable"))
        #expect(response.text.contains(tenants[0].shortName))
    }
}
