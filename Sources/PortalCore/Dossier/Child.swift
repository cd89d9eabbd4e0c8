public struct Child: Hashable, Sendable {
    /// nil until stored.
    public var id: Int64?
    public var lastName = ""
    public var firstNames = ""
    public var birthDate: LocalDate?
    public var school = ""
    public var schoolClass = ""
    /// The stored picture's reference, "" when none.
    public var photo = ""
    public var authorizations = ChildAuthorizations()
    public var health = HealthRecord()

    public init(id: Int64? = nil) { self.id = id }

    public var displayName: String { [firstNames, lastName].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// What the guardians allow for one child.
public struct ChildAuthorizations: Hashable, Sendable {
    /// Droit à l'image: photos of the child may be published by the town.
    public var imageRights = false
    public var mayLeaveAlone = false
    public var usesTransport = false

    public init(imageRights: Bool = false, mayLeaveAlone: Bool = false, usesTransport: Bool = false) {
        self.imageRights = imageRights
        self.mayLeaveAlone = mayLeaveAlone
        self.usesTransport = usesTransport
    }
}
