public import PortalCore

/// Which town a request is for, from its `Host` header only: a subdomain of one of the
/// base domains, or one of the town's own domains. Anything else belongs to nobody.
public struct TenantDirectory: Sendable {
    public let tenants: [TenantConfig]
    private let byHost: [String: Int]
    public let baseDomains: [String]

    public init(tenants: [TenantConfig], baseDomains: [String]) {
        self.tenants = tenants
        self.baseDomains = baseDomains.map { $0.lowercased() }
        var map: [String: Int] = [:]
        for (index, tenant) in tenants.enumerated() {
            for base in self.baseDomains { map["\(tenant.hosts.subdomain).\(base)"] = index }
            for domain in tenant.hosts.extraDomains { map[domain.lowercased()] = index }
        }
        byHost = map
    }

    public func tenant(forHost hostHeader: String) -> TenantConfig? {
        byHost[TenantDirectory.hostName(hostHeader)].map { tenants[$0] }
    }

    public func tenant(id: String) -> TenantConfig? { tenants.first { $0.id == id } }

    /// Host header without port or trailing dot, lower-cased (RFC 9110 §4.2.3: host is case-insensitive).
    public static func hostName(_ header: String) -> String {
        var host = Substring(header.lowercased())
        if host.hasPrefix("[") { return String(host) }  // IPv6 literals are never a town's host
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        if host.hasSuffix(".") { host = host.dropLast() }
        return String(host)
    }
}
