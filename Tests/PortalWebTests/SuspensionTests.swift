import Testing
import HTTPServer
import PortalCore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct SuspensionTests {
    @Test func suspendedTown_answersEveryPageWithTheFrenchMaintenancePage_503RetryAfter_andResumeReopensIt() throws {
        let operated = try OperatedApplication()
        defer { operated.tearDown() }
        let town = operated.tenants[0], other = operated.tenants[1]

        try operated.setSuspended(town, true)
        for path in ["/", "/theme.css", "/nulle-part"] {
            let response = operated.app.handle(WebTestSupport.get(path, host: operated.host(town)))
            #expect(response.status.code == 503)
            #expect(response.headers["retry-after"] == "3600")
            #expect(response.text.contains("Portail en maintenance"))
            #expect(response.text.contains("Vos informations sont conservées"))
            #expect(response.text.contains(town.contact.email))
        }
        #expect(operated.app.handle(WebTestSupport.get("/", host: operated.host(other))).status.code == 200)

        try operated.setSuspended(town, false)
        #expect(operated.app.handle(WebTestSupport.get("/", host: operated.host(town))).status.code == 200)
    }

    @Test func statusCache_keepsItsAnswerForItsLifetime_soAFlagCostsNoQueryPerRequest() throws {
        let operated = try OperatedApplication()
        defer { operated.tearDown() }
        let town = operated.tenants[0]
        let cache = TenantStatusCache(databases: TenantDatabasesFixture.single(operated.pool), lifetime: .seconds(3600))
        #expect(!cache.isSuspended(town))

        try operated.setSuspended(town, true)

        #expect(!cache.isSuspended(town))
        #expect(TenantStatusCache(databases: TenantDatabasesFixture.single(operated.pool), lifetime: .seconds(3600)).isSuspended(town))
    }
}
