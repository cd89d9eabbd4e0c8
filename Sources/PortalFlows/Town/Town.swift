import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// What every use case of one town works on: the town's file, its database (so a flow can only
/// open a transaction on its own town's schema), and where the links its e-mails carry point.
/// A request builds one for its town; a background worker builds one per town it visits.
public struct Town: Sendable {
    public let tenant: TenantConfig
    public let database: TenantDatabase
    /// `scheme://host[:port]` the family reached the town on (or the town's own address).
    public let baseURL: String
    public let links: any PortalLinks

    public init(tenant: TenantConfig, database: TenantDatabase, baseURL: String, links: any PortalLinks) {
        self.tenant = tenant
        self.database = database
        self.baseURL = baseURL
        self.links = links
    }

    /// An absolute address for an e-mail, from a path the links printed.
    public func url(_ path: String) -> String { baseURL + path }

    /// A transaction bound to this town's schema; retried on deadlock or serialization failure.
    func transaction<T>(retries: Int = 0, _ body: (PostgresConnection) throws -> T) throws -> T {
        try database.transaction(schema: tenant.schema, retries: retries, body)
    }

    /// Reads in one round trip on this town's schema (`TenantDatabase.read`).
    func read<each Value>(_ queries: repeat PostgresQuery<each Value>) throws -> (repeat each Value) {
        try database.read(schema: tenant.schema, repeat each queries)
    }

    /// The rules of this town, as every booking decision reads them.
    public var judge: BookingJudge { BookingJudge(engine: RulesEngine(tenant: tenant)) }
}
