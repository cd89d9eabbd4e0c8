extension Family {
    /// « Enfant : Léa Martin », « Nouvelle personne habilitée », for lists of changes and e-mails.
    public func recordName(_ target: FieldTarget) -> String {
        let entity = target.recordEntity
        guard case .existing(let id) = target.record else {
            switch entity {
            case .child: return "Nouvel enfant"
            case .contact: return "Nouvelle personne habilitée"
            case .guardian, .health: return "Nouveau responsable"
            }
        }
        let name: String? = switch entity {
        case .guardian: guardians.first { $0.id == id }?.displayName
        case .child, .health: children.first { $0.id == id }?.displayName
        case .contact: contacts.first { $0.id == id }?.displayName
        }
        let prefix = target.entity == .health ? "Fiche sanitaire" : entity.frenchLabel
        return "\(prefix) : \(name ?? "fiche supprimée")"
    }
}

extension ChangeRequest {
    /// One line for « Mes demandes »: « Modification du dossier : Allergies (Léa Martin), IBAN (Marie Martin) ».
    public func summary(in dossier: Family) -> String {
        let parts = changes.map { change -> String in
            let label = change.target.field?.label ?? change.target.key
            return "\(label) (\(dossier.recordName(change.target).split(separator: ":").last.map { $0.dropFirst() } ?? ""))"
        }
        let text = "Modification du dossier : " + parts.joined(separator: ", ")
        return text.count <= 500 ? text : String(text.prefix(499)) + "…"
    }
}
