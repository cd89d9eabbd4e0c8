import PortalCore
import PortalFlows

extension StaffQueue {
    /// Justificatifs sent by families (`DecisionQueue.documents`).
    static let documents = StaffQueue(queue: .documents, title: "Documents reçus", path: StaffPaths.documents, roles: [.admin, .agent])
}
