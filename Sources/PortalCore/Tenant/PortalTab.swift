/// A tab of the family portal; a town enables some of them, in its own order.
public enum PortalTab: String, Codable, Sendable, CaseIterable {
    case dossier, inscriptions, planning, facturation, messagerie, actualites, documents

    public var label: String {
        switch self {
        case .dossier: return "Mon dossier"
        case .inscriptions: return "Inscriptions"
        case .planning: return "Planning – Réservations"
        case .facturation: return "Facturation"
        case .messagerie: return "Messagerie"
        case .actualites: return "Actualités"
        case .documents: return "Documents"
        }
    }
}
