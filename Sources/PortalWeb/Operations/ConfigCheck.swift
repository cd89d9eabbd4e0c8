import Foundation
import PortalCore
import PortalFlows

/// `portal config check`: every problem of the server's settings and of what they point at
/// (tenant files, migrations, clusters), listed at once, without connecting to anything.
public enum ConfigCheck {
    public static func problems(_ env: [String: String]) -> [String] {
        var problems: [String] = []
        let environment: ServerEnvironment?
        do {
            environment = try ServerEnvironment.fromProcessEnvironment(env)
        } catch {
            environment = nil
            problems += "\(error)".split(separator: "\n").map(String.init)
        }
        if let url = env["PORTAL_DATABASE_URL"], !url.isEmpty, let problem = DatabaseURL.problem(url) {
            problems.append("PORTAL_DATABASE_URL: \(problem)")
        }
        var ignored: [String] = []
        let clusters = environment?.operations.clusterURLs ?? OperationsSettings.read(env, problems: &ignored).clusterURLs
        let tenantsDirectory = env["PORTAL_TENANTS_DIR"] ?? "tenants"
        let (tenants, errors) = TenantConfigLoader.loadDirectory(tenantsDirectory)
        problems += errors.map { $0.file == tenantsDirectory ? "PORTAL_TENANTS_DIR: \($0)" : $0.description }
        for tenant in tenants {
            if let cluster = tenant.databaseCluster, clusters[cluster] == nil {
                problems.append("\(tenantsDirectory)/\(tenant.id).json: databaseCluster: no cluster « \(cluster) » "
                    + "(set \(OperationsSettings.clusterPrefix)\(cluster.uppercased())\(OperationsSettings.clusterSuffix))")
            }
        }
        let sqlDirectory = env["PORTAL_SQL_DIR"] ?? "sql"
        for part in ["platform", "tenant"] where !containsSQLFiles(sqlDirectory + "/" + part) {
            problems.append("PORTAL_SQL_DIR: \(sqlDirectory)/\(part) has no .sql migration")
        }
        if env["PORTAL_ENVIRONMENT"] == ServerEnvironment.Mode.production.rawValue {
            problems += productionProblems(env)
        }
        return problems
    }

    /// What is fine on a laptop but wrong facing the Internet.
    /// Read from the variables themselves, so these show even when others fail to parse.
    static func productionProblems(_ env: [String: String]) -> [String] {
        var problems: [String] = []
        let domains = (env["PORTAL_BASE_DOMAINS"] ?? "localhost").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if domains.contains(where: { $0 == "localhost" || $0.hasSuffix(".localhost") }) {
            problems.append("PORTAL_BASE_DOMAINS: localhost in production")
        }
        // nginx sets Host and the client address; a public listener would let clients skip it.
        if let listen = env["PORTAL_LISTEN"], let colon = listen.lastIndex(of: ":"),
           !["127.0.0.1", "[::1]", "localhost"].contains(String(listen[..<colon])) {
            problems.append("PORTAL_LISTEN: \(listen[..<colon]) is not a loopback address; only nginx should reach the server")
        }
        return problems
    }

    private static func containsSQLFiles(_ directory: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).contains { $0.hasSuffix(".sql") }
    }
}
