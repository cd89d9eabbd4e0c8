#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import Postgres
public import PortalCore

/// `platform.tenants` of one cluster: which towns exist there and whether they are suspended.
/// The tenant files stay the source of truth for configuration; this records the database side.
public enum TenantRegistry {
    public struct Row: Sendable, Equatable {
        public let id: String
        public let schema: String
        public let suspended: Bool
        public let lastActivity: Date?
    }

    /// Records the town; refuses, rather than overwrites, a row that ties the id or the schema to
    /// another town, since that means two files claim one schema.
    public static func register(_ tenant: TenantConfig, in connection: PostgresConnection) throws {
        let clash = try connection.query("""
            SELECT id, schema_name FROM platform.tenants
            WHERE (id = \(tenant.id) AND schema_name <> \(tenant.schema)) OR (schema_name = \(tenant.schema) AND id <> \(tenant.id))
            LIMIT 1
            """)
        if let row = clash.first {
            throw TenantRegistryError.conflict(id: try row.decode("id"), schema: try row.decode("schema_name"))
        }
        try connection.execute("""
            INSERT INTO platform.tenants (id, schema_name) VALUES (\(tenant.id), \(tenant.schema))
            ON CONFLICT (id) DO NOTHING
            """)
    }

    /// Returns whether the town is registered on this cluster.
    @discardableResult
    public static func setSuspended(_ id: String, _ suspended: Bool, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("UPDATE platform.tenants SET suspended = \(suspended) WHERE id = \(id)") == 1
    }

    public static func suspendedIDs(in connection: PostgresConnection) throws -> Set<String> {
        Set(try connection.query("SELECT id FROM platform.tenants WHERE suspended").map { try $0.decode("id", as: String.self) })
    }

    public static func touch(_ id: String, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE platform.tenants SET last_activity_at = now() WHERE id = \(id)")
    }

    public static func rows(in connection: PostgresConnection) throws -> [Row] {
        try connection.query("""
            SELECT id, schema_name, suspended, last_activity_at FROM platform.tenants ORDER BY id
            """).map { row in
            Row(id: try row.decode("id"), schema: try row.decode("schema_name"), suspended: try row.decode("suspended"),
                lastActivity: try row.decode("last_activity_at"))
        }
    }

    /// The last migration file applied to `schema`, nil when the schema was never migrated.
    public static func schemaVersion(of schema: String, in connection: PostgresConnection) throws -> String? {
        guard try exists("\(schema).schema_migrations", in: connection) else { return nil }
        return try connection.query("SELECT max(filename) AS v FROM \(identifier: schema).schema_migrations")[0].decode("v")
    }

    /// Family files of the town; 0 until the families table exists.
    public static func familyCount(of schema: String, in connection: PostgresConnection) throws -> Int {
        guard try exists("\(schema).families", in: connection) else { return 0 }
        return Int(try connection.query("SELECT count(*) AS n FROM \(identifier: schema).families")[0].decode("n", as: Int64.self))
    }

    static func exists(_ qualifiedTable: String, in connection: PostgresConnection) throws -> Bool {
        try connection.query("SELECT to_regclass(\(qualifiedTable)) IS NOT NULL AS present")[0].decode("present")
    }
}

public enum TenantRegistryError: Error, Equatable, CustomStringConvertible {
    case conflict(id: String, schema: String)

    public var description: String {
        switch self {
        case .conflict(let id, let schema):
            "platform.tenants already ties « \(id) » to the schema « \(schema) »"
        }
    }
}
