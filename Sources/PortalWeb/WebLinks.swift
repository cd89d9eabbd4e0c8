public import PortalCore
public import PortalFlows
public import PortalStore

/// The pages flows link to from their e-mails, printed from the web layer's own paths.
public struct WebLinks: PortalLinks {
    public init() {}

    public func planning() -> String { TabPaths.path(for: .planning) }
    public func planning(family: Int64, anchor: LocalDate?) -> String { BookingPaths.planning(family: family, anchor: anchor) }
    public func registrations(family: Int64) -> String { BookingPaths.registrations(family: family) }
    public func draws() -> String { DrawPaths.list }
    public func documents() -> String { SpacePaths.documents }
    public func dossier(family: Int64) -> String { DossierPaths.family(family) }
    public func messageThread(_ id: Int64) -> String { MessagingPaths.thread(id) }
}

extension RequestContext {
    /// This request's town as flows work on it: its file, its database, and the host the
    /// family reached it on for the links of e-mails.
    var town: Town { Town(tenant: tenant, database: database, baseURL: baseURL, links: WebLinks()) }
}

extension Town {
    /// A town as background work and commands see it: links to the town's own address.
    public init(tenant: TenantConfig, database: TenantDatabase, environment: ServerEnvironment) {
        self.init(tenant: tenant, database: database, baseURL: environment.baseURL(of: tenant), links: WebLinks())
    }
}
