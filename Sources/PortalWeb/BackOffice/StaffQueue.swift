import HTML
import HTTPServer
import PortalCore
import PortalFlows

/// A back-office queue as the web shows it: its page, who may open it, and the notice after a
/// redirect to it. What is listed and how a batch is decided is the flow's `DecisionQueue`;
/// an area declares one (`StaffQueue+Documents.swift`) and `BackOfficeRoutes` registers it.
struct StaffQueue: Sendable {
    let queue: DecisionQueue
    let title: String
    let path: String
    let roles: Set<StaffRole>
    /// The notice after a redirect to the list (`?ok=…`), in the area's own words.
    var banner: @Sendable (HTTPRequest) -> Node = { Notices.banner($0) }

    /// Its name in `queue_decisions` and in the audit log.
    var code: String { queue.code }
    var access: Access { .staff(roles) }
}
