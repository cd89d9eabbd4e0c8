import Foundation
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite struct ConfigCheckTests {
    static let root = WebTestSupport.repositoryRoot.path

    /// A valid development configuration over the shipped files.
    static func base(_ extra: [String: String] = [:]) -> [String: String] {
        ["PORTAL_DATABASE_URL": "postgresql://portal@127.0.0.1:5432/portal",
         "PORTAL_TENANTS_DIR": root + "/tenants", "PORTAL_SQL_DIR": root + "/sql"].merging(extra) { $1 }
    }

    @Test func shippedFilesWithADatabaseURL_haveNoProblem() {
        #expect(ConfigCheck.problems(Self.base()) == [])
    }

    @Test(arguments: [
        (["PORTAL_DATABASE_URL": ""], "PORTAL_DATABASE_URL: missing"),
        (["PORTAL_DATABASE_URL": "mysql://x@y/z"], "PORTAL_DATABASE_URL: not a PostgreSQL URL"),
        (["PORTAL_LISTEN": "8080"], "PORTAL_LISTEN: expected host:port, got 8080"),
        (["PORTAL_CLUSTER_est_URL": "postgresql://a@b/c"], "PORTAL_CLUSTER_est_URL: cluster name must be A-Z"),
        (["PORTAL_CLUSTER_EST_URL": "localhost"], "PORTAL_CLUSTER_EST_URL: not a PostgreSQL URL"),
        (["PORTAL_CLUSTER_DEFAULT_URL": "postgresql://a@b/c"], "PORTAL_CLUSTER_DEFAULT_URL: the default cluster is PORTAL_DATABASE_URL"),
        (["PORTAL_CLUSTER_EST": "postgresql://a@b/c"], "PORTAL_CLUSTER_EST: unknown variable"),
        (["PORTAL_STATUS_CACHE_SECONDS": "-1"], "PORTAL_STATUS_CACHE_SECONDS: expected a number from 0 to 3600"),
        (["PORTAL_LOG_CLIENT_ADDRESS": "true"], "PORTAL_LOG_CLIENT_ADDRESS: expected yes or no"),
        (["PORTAL_SQL_DIR": "/nonexistent"], "PORTAL_SQL_DIR: /nonexistent/platform has no .sql migration"),
        (["PORTAL_TENANTS_DIR": "/nonexistent"], "PORTAL_TENANTS_DIR: /nonexistent: cannot read the directory"),
        (["PORTAL_ENVIRONMENT": "production"], "PORTAL_BASE_DOMAINS: localhost in production"),
        (["PORTAL_ENVIRONMENT": "production", "PORTAL_BASE_DOMAINS": "portail.example.fr", "PORTAL_LISTEN": "0.0.0.0:8080"],
         "PORTAL_LISTEN: 0.0.0.0 is not a loopback address"),
    ])
    func eachProblem_isReportedByVariable(extra: [String: String], expected: String) {
        let problems = ConfigCheck.problems(Self.base(extra))
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }

    @Test func everyProblem_isListed_notJustTheFirst() {
        let problems = ConfigCheck.problems(Self.base(["PORTAL_DATABASE_URL": "", "PORTAL_LISTEN": "x", "PORTAL_WORKERS": "0",
                                                       "PORTAL_CLUSTER_9_URL": "postgresql://a@b/c"]))
        #expect(problems.count == 4, "\(problems)")
    }

    @Test func aTownOnAClusterTheServerDoesNotKnow_isNamedWithTheVariableToSet() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenants-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var json = try String(contentsOfFile: Self.root + "/tenants/clermontais.json", encoding: .utf8)
        json = json.replacingOccurrences(of: "\"schema\":", with: "\"databaseCluster\": \"ouest\",\n  \"schema\":")
        try json.write(to: directory.appendingPathComponent("clermontais.json"), atomically: true, encoding: .utf8)

        let problems = ConfigCheck.problems(Self.base(["PORTAL_TENANTS_DIR": directory.path]))
        #expect(problems == ["\(directory.path)/clermontais.json: databaseCluster: no cluster « ouest » (set PORTAL_CLUSTER_OUEST_URL)"])
        #expect(ConfigCheck.problems(Self.base(["PORTAL_TENANTS_DIR": directory.path, "PORTAL_CLUSTER_OUEST_URL": "postgresql://a@b/c"])) == [])
    }

    @Test func clusterVariables_nameClustersInLowerCase() throws {
        let environment = try ServerEnvironment.fromProcessEnvironment(Self.base(["PORTAL_CLUSTER_EST_2_URL": "postgresql://a@b/c"]))
        #expect(environment.operations.clusterURLs == ["est_2": "postgresql://a@b/c"])
    }
}
