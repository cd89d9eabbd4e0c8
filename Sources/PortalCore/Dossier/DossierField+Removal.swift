/// Removing a whole record (a child, an authorised contact) is asked like any change: one
/// pseudo-field, « Retrait du dossier », going from non to oui. It never appears in forms.
extension DossierField {
    public static let removalKey = "retrait"

    /// The entities a family may ask to remove; guardians leave through the service.
    public static let removableEntities: Set<DossierEntity> = [.child, .contact]

    public static func removal(_ entity: DossierEntity) -> DossierField? {
        guard removableEntities.contains(entity) else { return nil }
        return DossierField(entity, removalKey, "Retrait du dossier", .yesNo)
    }
}

extension FieldTarget {
    public var isRemoval: Bool { key == DossierField.removalKey }

    /// The request to remove a stored record.
    public static func removal(of entity: DossierEntity, id: Int64) -> FieldTarget {
        FieldTarget(entity, .existing(id), DossierField.removalKey)
    }
}
