/// A responsable légal. Values are canonical strings as `FieldKind` produces them.
public struct Guardian: Hashable, Sendable {
    /// nil until stored.
    public var id: Int64?
    public var lastName = ""
    public var firstNames = ""
    public var relation = ""
    public var address = PostalAddress()
    public var mobilePhone = ""
    public var homePhone = ""
    public var workPhone = ""
    public var email = ""
    public var profession = ""
    public var employer = ""
    public var accountHolder = ""
    public var iban = ""
    public var bic = ""
    /// Domicilié(e) sur le territoire: drives prices and booking openings; set by staff.
    public var isResident = false

    public init(id: Int64? = nil) { self.id = id }

    public var displayName: String { [firstNames, lastName].filter { !$0.isEmpty }.joined(separator: " ") }
}

public struct PostalAddress: Hashable, Sendable {
    public var line1 = ""
    public var line2 = ""
    public var postcode = ""
    public var city = ""

    public init(line1: String = "", line2: String = "", postcode: String = "", city: String = "") {
        self.line1 = line1
        self.line2 = line2
        self.postcode = postcode
        self.city = city
    }
}
