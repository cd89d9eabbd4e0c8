import PortalCore
/// The operators' own host, `operateur.<base domain>`: metrics and the operator console live
/// there and nowhere else, and no town can take this subdomain.
public enum OperatorHost {
    public static let subdomain = TenantHosts.operatorSubdomain

    public static func matches(_ hostHeader: String, baseDomains: [String]) -> Bool {
        let host = TenantDirectory.hostName(hostHeader)
        return baseDomains.contains { host == "\(subdomain).\($0.lowercased())" }
    }
}
