import PortalCore
/// Every route the server answers, with the host it lives on and who may call it: what
/// `portal routes` prints, so that live suites enumerate the router instead of a hand list.
public enum RouteListing {
    public struct Line: Sendable, Equatable {
        /// `town` (any town's host) or `operator` (`operateur.<base domain>`).
        public let host: String
        public let method: String
        public let pattern: String
        /// `anyone`, `family`, `staff:<role>,<role>…` (sorted) or `operator`.
        public let access: String

        public var text: String { "\(host)\t\(method)\t\(pattern)\t\(access)" }
    }

    public static var lines: [Line] {
        let town = PortalApplication.townRouteTable().entries.map { Line(host: "town", method: $0.method, pattern: $0.pattern, access: name($0.access)) }
        let console = OperatorConsole.entries.map { Line(host: "operator", method: $0.method, pattern: $0.pattern, access: name($0.access)) }
        // Answered before the console's router, by the operations side of the application.
        let metrics = Line(host: "operator", method: "GET", pattern: MetricsPage.path, access: name(.anyone))
        return town + console + [metrics]
    }

    static func name(_ access: Access) -> String {
        switch access {
        case .anyone: "anyone"
        case .family: "family"
        case .staff(let roles): "staff:" + roles.map(\.rawValue).sorted().joined(separator: ",")
        case .operator: "operator"
        }
    }
}
