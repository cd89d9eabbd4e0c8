/// What booking needs to know of a child from the family file (the dossier owns the rest).
public struct BookableChild: Sendable, Equatable, Hashable {
    public let id: Int64
    public let firstName: String
    public let birthDate: LocalDate
    /// nil when the dossier does not give it; activities open by school level then refuse the child.
    public let schoolLevel: SchoolLevel?

    public init(id: Int64, firstName: String, birthDate: LocalDate, schoolLevel: SchoolLevel?) {
        self.id = id
        self.firstName = firstName
        self.birthDate = birthDate
        self.schoolLevel = schoolLevel
    }
}
