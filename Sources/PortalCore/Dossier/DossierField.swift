/// The kinds of record a family file holds. Health fields belong to a child but are their own
/// entity so that access to them can be granted, refused and logged apart.
public enum DossierEntity: String, Hashable, Sendable, CaseIterable {
    case guardian, child, health, contact

    public var frenchLabel: String {
        switch self {
        case .guardian: "Responsable"
        case .child: "Enfant"
        case .health: "Fiche sanitaire"
        case .contact: "Personne habilitée"
        }
    }
}

/// One field of a family file, as forms, change requests and exports see it.
public struct DossierField: Hashable, Sendable {
    public let entity: DossierEntity
    /// Stable key, used in forms and stored change requests.
    public let key: String
    public let label: String
    public let kind: FieldKind
    public let isRequired: Bool
    /// False for what only staff set (residency in the territory).
    public let isEditableByFamily: Bool

    public init(_ entity: DossierEntity, _ key: String, _ label: String, _ kind: FieldKind,
                required: Bool = false, editableByFamily: Bool = true) {
        self.entity = entity
        self.key = key
        self.label = label
        self.kind = kind
        self.isRequired = required
        self.isEditableByFamily = editableByFamily
    }

    public var isHealthData: Bool { entity == .health }

    /// The canonical value, checked against the field's kind and whether it is required.
    public func normalise(_ typed: String, today: LocalDate) -> Result<String, FieldProblem> {
        kind.normalise(typed, today: today).flatMap { value in
            value.isEmpty && isRequired ? .failure(.required) : .success(value)
        }
    }

    public func display(_ value: String) -> String { kind.display(value) }
}
