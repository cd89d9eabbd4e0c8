import Testing
import HTTPServer
import PortalCore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct MetricsAndLogsTests {
    @Test func metrics_onTheOperatorHost_arePrometheusText_countingRequestsLatencyAndPool() throws {
        let operated = try OperatedApplication()
        defer { operated.tearDown() }
        let town = operated.host(operated.tenants[0])
        for path in ["/", "/", "/nulle-part"] { _ = operated.app.handle(WebTestSupport.get(path, host: town)) }

        let response = operated.app.handle(WebTestSupport.get("/metrics", host: "operateur.localhost:8080"))

        #expect(response.status.code == 200)
        #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        let lines = response.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("portal_http_requests_total{code=\"2xx\"} 2"))
        #expect(lines.contains("portal_http_requests_total{code=\"4xx\"} 1"))
        #expect(lines.contains("portal_http_request_duration_seconds_bucket{le=\"+Inf\"} 3"))
        #expect(lines.contains("portal_http_request_duration_seconds_count 3"))
        #expect(lines.contains("# TYPE portal_http_request_duration_seconds histogram"))
        #expect(lines.contains { $0.hasPrefix("portal_db_pool_connections{cluster=\"default\",state=\"idle\"} ") })
        #expect(lines.contains("portal_db_pool_waiting{cluster=\"default\"} 0"))
        let buckets = lines.filter { $0.hasPrefix("portal_http_request_duration_seconds_bucket") }.map { Int($0.split(separator: " ").last!)! }
        #expect(buckets == buckets.sorted())
        // Every sample line is `name{labels} value` or `name value` with a number.
        for line in lines where !line.hasPrefix("#") {
            #expect(line.split(separator: " ").count == 2 && Double(line.split(separator: " ")[1]) != nil, "\(line)")
        }
    }

    @Test func metrics_areNotFound_onATownHost_norOnAnUnknownHost() throws {
        let operated = try OperatedApplication()
        defer { operated.tearDown() }
        let onTown = operated.app.handle(WebTestSupport.get("/metrics", host: operated.host(operated.tenants[0])))
        #expect(onTown.status.code == 404)
        #expect(!onTown.text.contains("portal_http"))
        for host in ["operateur.example.org", "operateur.cayres-pradelles.localhost", "localhost"] {
            #expect(operated.app.handle(WebTestSupport.get("/metrics", host: host)).status.code == 404)
        }
    }

    @Test func logLine_namesTownRouteStatusAndDuration_withoutPathIdsQueryCookiesOrAddress() throws {
        let operated = try OperatedApplication()
        defer { operated.tearDown() }
        let tenant = operated.tenants[0]
        let request = try HTTPRequest(
            method: "GET", target: "/?email=marie.dupont%40example.fr", version: .http1_1,
            headers: HTTPHeaders([("Host", operated.host(tenant)), ("Cookie", "session=SECRET-TOKEN")]), body: [],
            remoteAddress: "203.0.113.7")
        _ = operated.app.handle(request)
        _ = operated.app.handle(WebTestSupport.get("/familles/424242", host: operated.host(tenant)))

        let lines = operated.logLines
        #expect(lines.count == 2)
        #expect(lines[0].contains("tenant=\(tenant.id) method=GET route=/ status=200 duration_ms="))
        #expect(lines[1].contains("route=- status=404"))
        for forbidden in ["marie", "example.fr", "email", "SECRET", "session", "203.0.113.7", "424242"] {
            #expect(!lines.joined().contains(forbidden), "\(forbidden)")
        }
    }

    @Test func logLine_carriesTheClientAddress_onlyWhenConfigured() throws {
        let operated = try OperatedApplication(logsClientAddress: true)
        defer { operated.tearDown() }
        let request = try HTTPRequest(method: "GET", target: "/", version: .http1_1,
                                      headers: HTTPHeaders([("Host", "inconnu.example")]), body: [], remoteAddress: "203.0.113.7")
        _ = operated.app.handle(request)
        #expect(operated.logLines == operated.logLines.filter { $0.hasSuffix(" client=203.0.113.7") })
        #expect(operated.logLines.first?.contains("tenant=- method=GET route=- status=404") == true)
    }

    @Test(arguments: [
        (RequestLogLine(time: 1_767_945_600.25, tenant: "clermontais", method: "GET", route: "/actualites/:id", status: 200, durationMilliseconds: 3.14),
         "time=2026-01-09T08:00:00.250Z tenant=clermontais method=GET route=/actualites/:id status=200 duration_ms=3.1"),
        (RequestLogLine(time: 0, tenant: "-", method: "BREW POT", route: "-", status: 405, durationMilliseconds: 0, clientAddress: "::1"),
         "time=1970-01-01T00:00:00.000Z tenant=- method=\"BREW POT\" route=- status=405 duration_ms=0.0 client=::1"),
        (RequestLogLine(time: 0, tenant: "a\"b\nc", method: "GET", route: "x=y", status: 500, durationMilliseconds: 1234.56),
         "time=1970-01-01T00:00:00.000Z tenant=\"a\\\"bc\" method=GET route=\"x=y\" status=500 duration_ms=1234.6"),
    ])
    func logLine_isOneKeyValueLine_quotingWhatIsNotAToken(line: RequestLogLine, expected: String) {
        #expect(line.formatted == expected)
    }

    @Test func metrics_countEachStatusClassAndPutEachDurationInEveryBucketAboveIt() {
        let metrics = RequestMetrics()
        metrics.record(status: 200, duration: .milliseconds(3))
        metrics.record(status: 503, duration: .milliseconds(300))
        metrics.record(status: 302, duration: .seconds(20))
        let snapshot = metrics.snapshot
        #expect(snapshot.byStatusClass == [0, 1, 1, 0, 1])
        // Bounds: 0.005 0.01 0.025 0.05 0.1 0.25 0.5 1 2.5 5 10
        #expect(snapshot.buckets == [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
        #expect(snapshot.count == 3)
    }
}
