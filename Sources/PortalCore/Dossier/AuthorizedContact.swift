/// An adult the guardians name: allowed to pick the children up, or only to be called in an
/// emergency.
public struct AuthorizedContact: Hashable, Sendable {
    /// nil until stored.
    public var id: Int64?
    public var lastName = ""
    public var firstNames = ""
    public var relation = ""
    public var phone = ""
    public var otherPhone = ""
    public var permission = ContactPermission.mayPickUp

    public init(id: Int64? = nil) { self.id = id }

    public var displayName: String { [firstNames, lastName].filter { !$0.isEmpty }.joined(separator: " ") }
}

public enum ContactPermission: String, Hashable, Sendable, CaseIterable {
    case mayPickUp = "peut_recuperer"
    case emergencyOnly = "urgence"

    public var frenchLabel: String {
        switch self {
        case .mayPickUp: "Peut venir chercher les enfants"
        case .emergencyOnly: "À prévenir en cas d'urgence seulement"
        }
    }
}
