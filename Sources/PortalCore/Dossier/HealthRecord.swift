/// A child's fiche sanitaire: special-category data (RGPD art. 9), shown only to staff roles
/// allowed to see it, and every view logged.
public struct HealthRecord: Hashable, Sendable {
    public var allergies = ""
    public var diet = ""
    /// Projet d'accueil individualisé (a medical protocol agreed with the school doctor).
    public var hasPAI = false
    public var paiDetails = ""
    public var doctorName = ""
    public var doctorPhone = ""
    public var notes = ""
    /// Day of the last injection of each vaccine.
    public var vaccinations: [Vaccine: LocalDate] = [:]

    public init() {}
}

/// The vaccines of the fiche sanitaire de liaison: the eleven compulsory since 2018 as they are
/// injected together, and BCG.
public enum Vaccine: String, Hashable, Sendable, CaseIterable {
    // Raw values are the stored keys (`vaccine_<raw>` fields and columns).
    case dtp, pertussis, hib
    case hepatitisB = "hepatitis_b"
    case pneumococcus
    case meningococcusC = "meningococcus_c"
    case mmr, bcg

    public var frenchLabel: String {
        switch self {
        case .dtp: "Diphtérie, tétanos, poliomyélite (DTP)"
        case .pertussis: "Coqueluche"
        case .hib: "Haemophilus influenzae b"
        case .hepatitisB: "Hépatite B"
        case .pneumococcus: "Pneumocoque"
        case .meningococcusC: "Méningocoque C"
        case .mmr: "Rougeole, oreillons, rubéole (ROR)"
        case .bcg: "BCG (tuberculose)"
        }
    }
}
