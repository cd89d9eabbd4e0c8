import Dispatch
import Foundation
import Postgres
import Synchronization
import Testing

@Suite struct MigratorTests {
    /// A migration directory of its own and a schema name no other test uses.
    final class Fixture {
        let directory = NSTemporaryDirectory() + "migrations-" + UUID().uuidString.lowercased()
        let schema = TestDatabase.uniqueName("m")
        var migrator: Migrator { Migrator(directory: directory) }

        init(files: [String: String]) throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, text) in files { try write(name, text) }
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }

        func recorded(on connection: PostgresConnection) throws -> [String] {
            try connection.query("SELECT filename FROM \(identifier: schema).schema_migrations ORDER BY filename")
                .map { try $0.decode("filename") }
        }

        deinit {
            try? FileManager.default.removeItem(atPath: directory)
            TestDatabase.dropSchema(schema)
        }
    }

    // 002 needs 001's table, 003 needs 002's column: only file-name order works.
    static let threeFiles = [
        "003_guardian_index.sql": "CREATE INDEX guardian_email ON guardian (email);",
        "001_guardian.sql": "CREATE TABLE guardian (id bigint PRIMARY KEY);",
        "002_guardian_email.sql": "ALTER TABLE guardian ADD COLUMN email text;\nINSERT INTO guardian VALUES (1, 'a@example.org');",
        "README.md": "not a migration",
    ]

    @Test func files_areAppliedInFileNameOrderInsideTheSchema() throws {
        let fixture = try Fixture(files: Self.threeFiles)
        let connection = try TestDatabase.connect()
        let applied = try fixture.migrator.migrate(schema: fixture.schema, on: connection)
        #expect(applied == ["001_guardian.sql", "002_guardian_email.sql", "003_guardian_index.sql"])
        #expect(try fixture.recorded(on: connection) == applied)
        #expect(try connection.scalar("SELECT email FROM \(identifier: fixture.schema).guardian", as: String.self) == "a@example.org")
        #expect(try connection.scalar("SELECT to_regclass('public.guardian') IS NULL", as: Bool.self))
        #expect(try connection.scalar("SHOW search_path", as: String.self) == "\"$user\", public")
    }

    @Test func secondRun_appliesNothingAndOnlyNewFilesLater() throws {
        let fixture = try Fixture(files: Self.threeFiles)
        let connection = try TestDatabase.connect()
        try fixture.migrator.migrate(schema: fixture.schema, on: connection)
        #expect(try fixture.migrator.migrate(schema: fixture.schema, on: connection) == [])
        try fixture.write("004_guardian_phone.sql", "ALTER TABLE guardian ADD COLUMN phone text;")
        #expect(try fixture.migrator.migrate(schema: fixture.schema, on: connection) == ["004_guardian_phone.sql"])
        #expect(try fixture.recorded(on: connection).count == 4)
    }

    @Test func checksum_isTheSHA256OfTheFileText() throws {
        // FIPS 180-2 vectors: the empty message and "abc" (the latter through the same SQL expression,
        // since "abc" is no valid migration).
        let fixture = try Fixture(files: ["001_empty.sql": "", "002_unicode.sql": "SELECT 'é';"])
        let connection = try TestDatabase.connect()
        try fixture.migrator.migrate(schema: fixture.schema, on: connection)
        let checksums = try connection.query("SELECT checksum FROM \(identifier: fixture.schema).schema_migrations ORDER BY filename")
            .map { try $0.decode("checksum", as: String.self) }
        #expect(checksums == [
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "c5f84c3f2634f117a637e393398187dd6e5d3d2d3bde89f8237f4d5891d4bf58",  // sha256sum of the UTF-8 bytes
        ])
        #expect(try sha256(of: "abc", on: connection) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func editedAppliedFile_isRejectedByName() throws {
        let fixture = try Fixture(files: Self.threeFiles)
        let connection = try TestDatabase.connect()
        try fixture.migrator.migrate(schema: fixture.schema, on: connection)
        try fixture.write("002_guardian_email.sql", "ALTER TABLE guardian ADD COLUMN email varchar(200);")
        try fixture.write("004_more.sql", "CREATE TABLE more (id int);")
        #expect(throws: MigrationError.checksumMismatch(file: "002_guardian_email.sql")) {
            try fixture.migrator.migrate(schema: fixture.schema, on: connection)
        }
        #expect(try fixture.recorded(on: connection).count == 3, "nothing new is applied once a mismatch is found")
    }

    @Test func failingFile_isRolledBackEntirelyAndNamed() throws {
        let fixture = try Fixture(files: [
            "001_ok.sql": "CREATE TABLE kept (id int);",
            "002_broken.sql": "CREATE TABLE half_done (id int);\nINSERT INTO kept VALUES (1);\nINSERT INTO missing_table VALUES (1);",
            "003_never.sql": "CREATE TABLE never (id int);",
        ])
        let connection = try TestDatabase.connect()
        let error = #expect(throws: MigrationError.self) {
            try fixture.migrator.migrate(schema: fixture.schema, on: connection)
        }
        guard case .failed(let file, let sqlState, let message) = error else {
            Issue.record("expected .failed, got \(String(describing: error))")
            return
        }
        #expect(file == "002_broken.sql")
        #expect(sqlState == "42P01")
        #expect(message.contains("missing_table"))
        #expect(try fixture.recorded(on: connection) == ["001_ok.sql"])
        #expect(try connection.scalar("SELECT count(*) FROM \(identifier: fixture.schema).kept", as: Int.self) == 0)
        #expect(try connection.scalar("SELECT to_regclass(\(fixture.schema + ".half_done")) IS NULL", as: Bool.self))
        #expect(!connection.isInTransaction)
    }

    @Test func fileThatCommitsItself_isRejected() throws {
        let fixture = try Fixture(files: ["001_commit.sql": "CREATE TABLE t (id int); COMMIT;"])
        let connection = try TestDatabase.connect()
        #expect(throws: MigrationError.transactionControlInFile("001_commit.sql")) {
            try fixture.migrator.migrate(schema: fixture.schema, on: connection)
        }
    }

    @Test(arguments: ["", "Public", "1town", "_town", "town-a", "town a", "town\"; DROP SCHEMA public; --", "villé",
                      String(repeating: "a", count: 64)])
    func badSchemaName_isRejectedBeforeTouchingTheDatabase(name: String) throws {
        #expect(!Migrator.isValidSchemaName(name))
        let connection = try TestDatabase.connect()
        #expect(throws: MigrationError.invalidSchemaName(name)) {
            try Migrator(directory: "/nonexistent").migrate(schema: name, on: connection)
        }
    }

    @Test(arguments: ["a", "saint_denis_93", "t0", String(repeating: "a", count: 63)])
    func goodSchemaName_isAccepted(name: String) {
        #expect(Migrator.isValidSchemaName(name))
    }

    @Test func concurrentMigrationsOfOneSchema_applyEachFileOnce() throws {
        var files = Self.threeFiles
        files["004_slow.sql"] = "SELECT pg_sleep(0.2); CREATE TABLE slow (id int);"
        files["005_after.sql"] = "INSERT INTO slow VALUES (1);"
        let fixture = try Fixture(files: files)
        let url = try TestDatabase.url()
        let migrator = fixture.migrator
        let schema = fixture.schema
        let results = Mutex<[Result<[String], any Error>]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = Result { try migrator.migrate(schema: schema, on: PostgresConnection(url: url)) }
            results.withLock { $0.append(result) }
        }
        let applied = try results.withLock { try $0.map { try $0.get() } }
        #expect(applied.count == 2)
        #expect(applied.flatMap { $0 }.sorted() == ["001_guardian.sql", "002_guardian_email.sql", "003_guardian_index.sql", "004_slow.sql", "005_after.sql"])
        let connection = try TestDatabase.connect()
        #expect(try connection.scalar("SELECT count(*) FROM \(identifier: schema).slow", as: Int.self) == 1)
    }

    private func sha256(of text: String, on connection: PostgresConnection) throws -> String {
        try connection.scalar("SELECT encode(sha256(convert_to(\(text), 'UTF8')), 'hex')", as: String.self)
    }
}
