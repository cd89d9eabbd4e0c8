import PortalFlows

/// The settings of running many towns: the other PostgreSQL clusters, how long a town's
/// suspension flag is cached, and whether request logs carry the client's address.
public struct OperationsSettings: Sendable, Equatable {
    /// `PORTAL_CLUSTER_<NAME>_URL`, by lower-cased name (`PORTAL_CLUSTER_EST_URL` → `est`),
    /// which is how a tenant file's `databaseCluster` names it.
    public var clusterURLs: [String: String] = [:]
    /// `PORTAL_STATUS_CACHE_SECONDS`: how stale a suspension may be seen (0 reads it every request).
    public var statusCacheSeconds: Int = 5
    /// `PORTAL_LOG_CLIENT_ADDRESS=yes`: add the client address to request logs (personal data, off by default).
    public var logsClientAddress = false

    public init() {}

    static let clusterPrefix = "PORTAL_CLUSTER_"
    static let clusterSuffix = "_URL"

    /// Reads the variables above, appending one line per problem.
    static func read(_ env: [String: String], problems: inout [String]) -> OperationsSettings {
        var settings = OperationsSettings()
        for (key, value) in env.sorted(by: { $0.key < $1.key }) where key.hasPrefix(clusterPrefix) {
            guard key.hasSuffix(clusterSuffix), key.count > clusterPrefix.count + clusterSuffix.count else {
                problems.append("\(key): unknown variable (expected \(clusterPrefix)<NAME>\(clusterSuffix))")
                continue
            }
            let name = String(key.dropFirst(clusterPrefix.count).dropLast(clusterSuffix.count))
            if !isValidClusterName(name) {
                problems.append("\(key): cluster name must be A-Z, 0-9 and _, starting with a letter, at most 31 characters")
            } else if name == "DEFAULT" {
                problems.append("\(key): the default cluster is PORTAL_DATABASE_URL")
            } else if let problem = DatabaseURL.problem(value) {
                problems.append("\(key): \(problem)")
            } else {
                settings.clusterURLs[name.lowercased()] = value
            }
        }
        if let text = env["PORTAL_STATUS_CACHE_SECONDS"] {
            if let seconds = Int(text), (0...3600).contains(seconds) { settings.statusCacheSeconds = seconds } else {
                problems.append("PORTAL_STATUS_CACHE_SECONDS: expected a number from 0 to 3600, got \(text)")
            }
        }
        if let text = env["PORTAL_LOG_CLIENT_ADDRESS"] {
            switch text {
            case "yes": settings.logsClientAddress = true
            case "no": settings.logsClientAddress = false
            default: problems.append("PORTAL_LOG_CLIENT_ADDRESS: expected yes or no, got \(text)")
            }
        }
        return settings
    }

    static func isValidClusterName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 31, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
        }
    }
}
