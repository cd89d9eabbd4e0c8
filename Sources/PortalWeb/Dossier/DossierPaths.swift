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
    /// Asks for a whole record (a child, a contact) to be taken out of the file.
    static func removal(_ familyID: Int64, _ entity: DossierEntity, _ id: Int64) -> String { "\(family(familyID))/retrait/\(segment(entity))/\(id)" }
    static func photo(_ familyID: Int64, _ reference: String) -> String { "\(family(familyID))/photos/\(reference)" }

    /// The child form, the only family form that carries a file (the photo): the server lets a
    /// larger body through on that path only.
    static func isChildForm(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0].isEmpty && parts[1] == "dossier" && parts[3] == segment(.child)
            && Int64(parts[2]) != nil && Int64(parts[4]) != nil
    }
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
    static func photo(_ familyID: Int64, _ reference: String) -> String { "\(family(familyID))/photos/\(reference)" }
}
