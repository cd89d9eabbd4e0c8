import Foundation
import PortalCore
import PortalStore

/// Holds the towns' due draws from the server (issue 11), every 15 seconds. Several servers may
/// run it: `DrawRunner` holds each draw once.
public final class DrawWorker: Sendable {
    private let tenants: [TenantConfig]
    private let databases: TenantDatabases
    private let baseURL: @Sendable (TenantConfig) -> String
    private let loop = RepeatingThread(name: "draw-worker", interval: 15)

    /// Only the towns that draw an opening are visited.
    public init(tenants: [TenantConfig], databases: TenantDatabases, baseURL: @escaping @Sendable (TenantConfig) -> String) {
        self.tenants = tenants.filter { $0.activities.contains { $0.booking.atOpening.draw != nil } }
        self.databases = databases
        self.baseURL = baseURL
    }

    public func start() {
        guard !tenants.isEmpty else { return }
        loop.start { [self] in
            for tenant in tenants {
                guard let database = databases.database(for: tenant) else { continue }
                _ = try? DrawRunner.runDue(tenant: tenant, database: database, baseURL: baseURL(tenant), now: Date())
            }
            return false
        }
    }

    public func stop() { loop.stop() }
}

extension ServerEnvironment {
    /// `scheme://town.base[:port]`, for links in e-mails written outside a request.
    public func baseURL(of tenant: TenantConfig) -> String {
        let host = "\(tenant.hosts.subdomain).\(baseDomains.first ?? "localhost")"
        return mode == .production ? "https://\(host)" : "http://\(host):\(listenPort)"
    }
}
