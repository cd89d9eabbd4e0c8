#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Applies the `*.sql` files of a directory, in file-name order (`001_init.sql`,
/// `002_bookings.sql`...), to one schema, and records each in `<schema>.schema_migrations`
/// with its SHA-256 (computed by PostgreSQL's `sha256()`), so every schema knows its own state.
/// Each file runs in its own transaction with the schema as `search_path`, under an advisory
/// lock on the schema name, so concurrent migrators of one schema take turns.
public struct Migrator: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static func isValidSchemaName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, (1...63).contains(bytes.count), isLowercaseLetter(first) else { return false }
        return bytes.allSatisfy { isLowercaseLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") }
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// Applies the files not yet applied to `schema` and returns their names (empty when the
    /// schema is up to date). Fails, before applying anything, if an applied file was edited.
    @discardableResult
    public func migrate(schema: String, on connection: PostgresConnection) throws -> [String] {
        guard Self.isValidSchemaName(schema) else { throw MigrationError.invalidSchemaName(schema) }
        let files = try migrationFiles()
        let table: SQL = "\(identifier: schema).schema_migrations"
        try connection.transaction { connection in
            try lock(schema, on: connection)
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(identifier: schema)")
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS \(table) (
                    filename text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let edited = try connection.query("""
                SELECT m.filename
                FROM unnest(\(files.map(\.name))::text[], \(files.map(\.text))::text[]) AS f(name, body)
                JOIN \(table) AS m ON m.filename = f.name
                WHERE m.checksum <> encode(sha256(convert_to(f.body, 'UTF8')), 'hex')
                ORDER BY m.filename
                LIMIT 1
                """)
            if let row = edited.first { throw MigrationError.checksumMismatch(file: try row.decode(0)) }
        }
        var applied: [String] = []
        for file in files where try apply(file, to: schema, table: table, on: connection) {
            applied.append(file.name)
        }
        return applied
    }

    /// Applies one file unless it is already recorded (possibly by a concurrent migrator that
    /// held the lock before us); returns whether it ran.
    private func apply(_ file: (name: String, text: String), to schema: String, table: SQL, on connection: PostgresConnection) throws -> Bool {
        let checksum: SQL = "encode(sha256(convert_to(\(file.text), 'UTF8')), 'hex')"
        return try connection.transaction { connection in
            try lock(schema, on: connection)
            let recorded = try connection.query("SELECT checksum = \(checksum) AS same FROM \(table) WHERE filename = \(file.name)")
            if let row = recorded.first {
                guard try row.decode("same", as: Bool.self) else { throw MigrationError.checksumMismatch(file: file.name) }
                return false
            }
            try connection.execute("SELECT set_config('search_path', \(SQL.quoteIdentifier(schema)), true)")
            do {
                try connection.executeScript(file.text)
            } catch let error as PostgresError {
                guard case .server(let sqlState, let message, _, _) = error else { throw error }
                throw MigrationError.failed(file: file.name, sqlState: sqlState, message: message)
            }
            guard connection.isInTransaction else { throw MigrationError.transactionControlInFile(file.name) }
            try connection.execute("INSERT INTO \(table) (filename, checksum) VALUES (\(file.name), \(checksum))")
            return true
        }
    }

    private func lock(_ schema: String, on connection: PostgresConnection) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended(\("schema_migrations:" + schema), 0))")
    }

    private func migrationFiles() throws -> [(name: String, text: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw MigrationError.unreadableDirectory(directory)
        }
        return try names.filter { $0.hasSuffix(".sql") }.sorted().map { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name),
                  let text = String(validating: data, as: UTF8.self) else {
                throw MigrationError.unreadableFile(name)
            }
            return (name, text)
        }
    }
}
