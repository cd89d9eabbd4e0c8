public import PortalCore
import PortalFlows
public import PortalStore

/// What the operator console shows, as data, so that its pages only lay it out.
public struct OperatorConsoleData: Sendable {
    public struct TenantHealth: Sendable, Equatable {
        public let overview: TenantOverview
        /// Every host name that serves the town.
        public let hosts: [String]
        public let healthy: Bool
    }

    public struct OutboxFailure: Sendable, Equatable {
        public let cluster: String
        public let failure: OutboxStatus.Failure
    }

    public let directory: TenantDirectory
    public let databases: TenantDatabases
    public let tenantsDirectory: String
    public let sqlDirectory: String

    public init(directory: TenantDirectory, databases: TenantDatabases, tenantsDirectory: String, sqlDirectory: String) {
        self.directory = directory
        self.databases = databases
        self.tenantsDirectory = tenantsDirectory
        self.sqlDirectory = sqlDirectory
    }

    /// The towns this process serves (and any registered without a file), with their health.
    public func tenants() -> [TenantHealth] {
        let latest = TenantOverview.latestMigration(sqlDirectory: sqlDirectory)
        return TenantOverview.gather(tenants: directory.tenants, databases: databases).map { overview in
            TenantHealth(overview: overview, hosts: directory.tenant(id: overview.id).map(directory.hosts(of:)) ?? [],
                         healthy: overview.isHealthy(latestMigration: latest))
        }
    }

    /// Failed e-mails of every cluster, and the clusters that could not be read.
    public func outboxFailures(limit: Int = 100) -> (failures: [OutboxFailure], unreadableClusters: [String]) {
        var failures: [OutboxFailure] = []
        var unreadable: [String] = []
        for name in databases.names {
            do {
                failures += try OutboxStatus.failures(in: databases.clusters[name]!, limit: limit).map { OutboxFailure(cluster: name, failure: $0) }
            } catch {
                unreadable.append(name)
            }
        }
        return (failures, unreadable)
    }

    /// The tenant files as they are on disk now, checked as at start-up: errors of files the
    /// server could not load next time, and valid files it has not loaded yet (it reads them at
    /// start only). One line each, `tenants/x.json: path: problem`.
    public func pendingFileProblems() -> [String] {
        let (tenants, errors) = TenantConfigLoader.loadDirectory(tenantsDirectory)
        let unloaded = tenants.filter { directory.tenant(id: $0.id) == nil }.map {
            "\(tenantsDirectory)/\($0.id).json: valid, not served until the next restart"
        }
        return errors.map(\.description) + unloaded
    }
}

extension TenantDirectory {
    public func hosts(of tenant: TenantConfig) -> [String] {
        baseDomains.map { "\(tenant.hosts.subdomain).\($0)" } + tenant.hosts.extraDomains
    }
}
