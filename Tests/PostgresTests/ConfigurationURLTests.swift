import Postgres
import Testing

@Suite struct ConfigurationURLTests {
    @Test(arguments: [
        (
            "postgresql://portal@127.0.0.1:54320/portal_dev",
            [("user", "portal"), ("host", "127.0.0.1"), ("port", "54320"), ("dbname", "portal_dev")]
        ),
        (
            "postgres://app:p%40ss%20w%3Ard@db.example.org/mairie?sslmode=require&application_name=portail%20famille",
            [("user", "app"), ("password", "p@ss w:rd"), ("host", "db.example.org"), ("dbname", "mairie"),
             ("sslmode", "require"), ("application_name", "portail famille")]
        ),
        (
            "postgresql://[::1]:5433,standby:5434/db?target_session_attrs=read-write",
            [("host", "::1,standby"), ("port", "5433,5434"), ("dbname", "db"), ("target_session_attrs", "read-write")]
        ),
        (
            "postgresql://%2Fvar%2Frun%2Fpostgresql/db%C3%A9",
            [("host", "/var/run/postgresql"), ("dbname", "dbé")]
        ),
        (
            "postgresql://u:@h/d",
            [("user", "u"), ("password", ""), ("host", "h"), ("dbname", "d")]
        ),
    ])
    func url_isSplitIntoDecodedLibpqKeywords(url: String, expected: [(String, String)]) throws {
        let configuration = try PostgresConfiguration(url: url)
        #expect(configuration.parameters.map(\.keyword) == expected.map(\.0))
        #expect(configuration.parameters.map(\.value) == expected.map(\.1))
    }

    @Test(arguments: [
        "mysql://u@h/d",
        "postgresql://h:port/d",
        "postgresql://h/d%zz",
        "postgresql://[::1/d",
        "postgresql://h/d?sslmode",
        "postgresql://h/%FF",
    ])
    func malformedURL_isRejected(url: String) {
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: url) }
    }

    @Test func passwordWithConninfoSyntax_reachesLibpqAsOneValue() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://u:a%27%20host%3Devil@h/d")
        #expect(configuration["password"] == "a' host=evil")
        #expect(configuration["host"] == "h")
    }

    @Test func description_masksThePassword() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://app:s3cret@h/d")
        #expect(configuration.description == "user=app password=*** host=h dbname=d")
    }

    @Test func unreachableServer_throwsConnectionFailed() throws {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(url: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
        }
        #expect(error?.isConnectionFailure == true)
    }
}
