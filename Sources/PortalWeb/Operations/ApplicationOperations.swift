import HTTPServer
import PortalCore
public import PortalFlows
public import PortalStore

/// The operator's side of request handling: logs and metrics of every request, `/metrics` on
/// the operator host, and the maintenance page of suspended towns.
public struct ApplicationOperations: Sendable {
    public let observer: RequestObserver
    public let statusCache: TenantStatusCache
    private let databases: TenantDatabases

    public init(databases: TenantDatabases, observer: RequestObserver = .silent(), statusCache: TenantStatusCache? = nil) {
        self.databases = databases
        self.observer = observer
        self.statusCache = statusCache ?? TenantStatusCache(databases: databases)
    }

    /// The answer of the operator host's own paths; nil for any other host or path, which then
    /// goes on to the towns (and the operator console, once it is routed).
    func operatorResponse(to request: HTTPRequest, directory: TenantDirectory, trace: inout RequestTrace) -> HTTPResponse? {
        guard let host = request.headers["host"], OperatorHost.matches(host, baseDomains: directory.baseDomains) else { return nil }
        trace.tenant = OperatorHost.subdomain
        guard request.path == MetricsPage.path, request.method == "GET" || request.method == "HEAD" else { return nil }
        trace.route = MetricsPage.path
        return MetricsPage.response(metrics: observer.metrics.snapshot, databases: databases)
    }

    /// The maintenance page when the town is suspended; otherwise notes the town's activity.
    func suspensionResponse(for tenant: TenantConfig) -> HTTPResponse? {
        if statusCache.isSuspended(tenant) { return MaintenancePage.response(tenant: tenant) }
        statusCache.noteActivity(tenant)
        return nil
    }
}
