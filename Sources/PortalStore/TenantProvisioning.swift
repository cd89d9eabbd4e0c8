public import Foundation
public import PortalCore
public import Postgres

/// `portal tenant create`: the town's schema, migrated, registered, and an invitation for its
/// first administrator, all in one transaction on the town's cluster. PostgreSQL's DDL is
/// transactional, so a failure anywhere leaves no schema and no row behind; running it again
/// on a created town only brings it up to date and replaces a pending invitation.
public struct TenantProvisioning: Sendable {
    public let sqlDirectory: String

    public init(sqlDirectory: String) {
        self.sqlDirectory = sqlDirectory
    }

    public struct Outcome: Sendable {
        /// False when the schema already existed (a re-run).
        public let createdSchema: Bool
        public let appliedMigrations: [String]
        /// Nil when the town's first administrator already accepted an invitation.
        public let invitation: AdminInvitation.Issued?
    }

    /// `invitationMail`, when given, turns the new invitation into an e-mail queued in the same
    /// transaction: it leaves only if the town was created.
    public func create(_ tenant: TenantConfig, in database: TenantDatabase, invitationEmail: String? = nil,
                       invitationMail: ((AdminInvitation.Issued) -> OutgoingMail)? = nil, now: Date = Date()) throws -> Outcome {
        _ = try SchemaMigrations(sqlDirectory: sqlDirectory).migratePlatform(pool: database.pool)
        let migrator = Migrator(directory: sqlDirectory + "/tenant")
        return try database.pool.transaction { connection in
            let existed = try Self.schemaExists(tenant.schema, in: connection)
            // Registered first so that a clash with another town fails before any DDL.
            try TenantRegistry.register(tenant, in: connection)
            let applied = try migrator.migrate(schema: tenant.schema, on: connection)
            let invitation = try AdminInvitation.issue(tenantID: tenant.id, email: invitationEmail, in: connection)
            if let invitation, let mail = invitationMail?(invitation) {
                try Outbox.enqueue(mail, now: now, in: connection)
            }
            return Outcome(createdSchema: !existed, appliedMigrations: applied, invitation: invitation)
        }
    }

    public static func schemaExists(_ schema: String, in connection: PostgresConnection) throws -> Bool {
        try !connection.query("SELECT 1 FROM pg_namespace WHERE nspname = \(schema)").isEmpty
    }
}
