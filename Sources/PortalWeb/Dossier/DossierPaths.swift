import PortalCore

/// Every path of the family file pages, printed into links and forms from here only.
enum DossierPaths {
    static let home = "/dossier"

    static func family(_ familyID: Int64) -> String { "\(home)/\(familyID)" }

    /// The form of one record: `/dossier/7/enfant/21`, `/dossier/7/contact/nouveau`.
    static func record(_ familyID: Int64, _ entity: DossierEntity, _ id: Int64?) -> String {
        "\(family(familyID))/\(segment(entity))/\(id.map(String.init) ?? "nouveau")"
    }

    static func withdraw(_ familyID: Int64, request id: Int64) -> String { "\(family(familyID))/demandes/\(id)/retirer" }
    static func data(_ familyID: Int64) -> String { "\(family(familyID))/mes-donnees" }
    static func dataJSON(_ familyID: Int64) -> String { "\(family(familyID))/mes-donnees.json" }

    static func segment(_ entity: DossierEntity) -> String {
        switch entity {
        case .guardian: "responsable"
        case .child: "enfant"
        case .health: "sante"
        case .contact: "contact"
        }
    }

    static func entity(_ segment: String) -> DossierEntity? {
        DossierEntity.allCases.first { self.segment($0) == segment }
    }
}

enum StaffDossierPaths {
    static let families = "/gestion/familles"
    static let newFamily = "/gestion/familles/nouvelle"
    static let queue = "/gestion/dossier/demandes"

    static func family(_ id: Int64) -> String { "\(families)/\(id)" }
    static func letter(_ id: Int64) -> String { "\(family(id))/courrier" }
    static func quotient(_ id: Int64) -> String { "\(family(id))/quotient" }
    static func residency(_ id: Int64) -> String { "\(family(id))/residence" }
    static func anonymise(_ id: Int64) -> String { "\(family(id))/anonymiser" }
    static func request(_ id: Int64) -> String { "\(queue)/\(id)" }
}
