public import Foundation
public import PortalCore

/// How this server process is configured: read once at start-up from `PORTAL_*` variables
/// so that nothing else in the program reads the environment.
public struct ServerEnvironment: Sendable {
    public enum Mode: String, Sendable { case development, production }

    public var listenHost: String
    public var listenPort: Int
    public var databaseURL: String
    public var baseDomains: [String]
    public var tenantsDirectory: String
    public var sqlDirectory: String
    public var mailDirectory: String
    public var mode: Mode
    public var workerThreads: Int
    public var databasePoolSize: Int
    /// Behind nginx: take the client address from `X-Forwarded-For` (`PORTAL_TRUST_PROXY=1`).
    public var trustProxy: Bool
    /// Production mail leaves through this `sendmail`-compatible command (`PORTAL_SENDMAIL`).
    public var sendmailCommand: String
    /// The envelope and `From:` address of every e-mail (`PORTAL_MAIL_FROM`).
    public var mailFrom: String
    /// Other clusters, tenant status cache, log options (ServerEnvironment+Operations.swift).
    public var operations = OperationsSettings()

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public init(
        listenHost: String = "127.0.0.1", listenPort: Int = 8080, databaseURL: String,
        baseDomains: [String] = ["localhost"], tenantsDirectory: String = "tenants", sqlDirectory: String = "sql",
        mailDirectory: String = ".data/mail", mode: Mode = .development, workerThreads: Int = 16, databasePoolSize: Int = 16
    ) {
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.databaseURL = databaseURL
        self.baseDomains = baseDomains
        self.tenantsDirectory = tenantsDirectory
        self.sqlDirectory = sqlDirectory
        self.mailDirectory = mailDirectory
        self.mode = mode
        self.workerThreads = workerThreads
        self.databasePoolSize = databasePoolSize
        self.trustProxy = false
        self.sendmailCommand = "/usr/sbin/sendmail -t -i"
        self.mailFrom = "ne-pas-repondre@localhost"
    }

    /// Reads `PORTAL_LISTEN` (host:port), `PORTAL_DATABASE_URL`, `PORTAL_BASE_DOMAINS` (comma-separated),
    /// `PORTAL_TENANTS_DIR`, `PORTAL_SQL_DIR`, `PORTAL_MAIL_DIR`, `PORTAL_ENVIRONMENT`, `PORTAL_WORKERS`,
    /// `PORTAL_DB_POOL`, `PORTAL_TRUST_PROXY`, `PORTAL_SENDMAIL`, `PORTAL_MAIL_FROM`. Every problem is reported, not just the first.
    public static func fromProcessEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerEnvironment {
        var problems: [String] = []
        var result = ServerEnvironment(databaseURL: env["PORTAL_DATABASE_URL"] ?? "")
        if result.databaseURL.isEmpty { problems.append("PORTAL_DATABASE_URL: missing (postgresql://user@host:port/db)") }
        if let listen = env["PORTAL_LISTEN"] {
            let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, let port = Int(parts[1]), (0...65535).contains(port), !parts[0].isEmpty {
                result.listenHost = String(parts[0])
                result.listenPort = port
            } else {
                problems.append("PORTAL_LISTEN: expected host:port, got \(listen)")
            }
        }
        if let domains = env["PORTAL_BASE_DOMAINS"] {
            result.baseDomains = domains.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if result.baseDomains.isEmpty { problems.append("PORTAL_BASE_DOMAINS: empty") }
        }
        if let dir = env["PORTAL_TENANTS_DIR"] { result.tenantsDirectory = dir }
        if let dir = env["PORTAL_SQL_DIR"] { result.sqlDirectory = dir }
        if let dir = env["PORTAL_MAIL_DIR"] { result.mailDirectory = dir }
        if let mode = env["PORTAL_ENVIRONMENT"] {
            if let parsed = Mode(rawValue: mode) { result.mode = parsed } else {
                problems.append("PORTAL_ENVIRONMENT: expected development or production, got \(mode)")
            }
        }
        for (name, keyPath) in [("PORTAL_WORKERS", \ServerEnvironment.workerThreads), ("PORTAL_DB_POOL", \ServerEnvironment.databasePoolSize)] {
            guard let text = env[name] else { continue }
            if let value = Int(text), (1...1024).contains(value) { result[keyPath: keyPath] = value } else {
                problems.append("\(name): expected a number from 1 to 1024, got \(text)")
            }
        }
        if let trust = env["PORTAL_TRUST_PROXY"] {
            switch trust {
            case "1": result.trustProxy = true
            case "0", "": result.trustProxy = false
            default: problems.append("PORTAL_TRUST_PROXY: expected 1 or 0, got \(trust)")
            }
        }
        if let command = env["PORTAL_SENDMAIL"], !command.isEmpty { result.sendmailCommand = command }
        if let from = env["PORTAL_MAIL_FROM"] {
            if EmailAddress(from) != nil { result.mailFrom = from } else { problems.append("PORTAL_MAIL_FROM: not an e-mail address: \(from)") }
        }
        result.operations = OperationsSettings.read(env, problems: &problems)
        guard problems.isEmpty else { throw Problem(description: problems.joined(separator: "\n")) }
        return result
    }
}

extension ServerEnvironment {
    /// `scheme://town.base[:port]`, for links in e-mails written outside a request.
    public func baseURL(of tenant: TenantConfig) -> String {
        let host = "\(tenant.hosts.subdomain).\(baseDomains.first ?? "localhost")"
        return mode == .production ? "https://\(host)" : "http://\(host):\(listenPort)"
    }
}
