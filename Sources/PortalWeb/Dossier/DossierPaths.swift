import HTTPServer
import PortalCore

/// Every path of the family file pages, printed into links and forms from here only.
enum DossierPaths {
    static let home = "/dossier"

    static let family = RoutePath<Int64>("/dossier/", "famille")
    static let data = RoutePath<Int64>("/dossier/", "famille", "/mes-donnees")
    static let dataJSON = RoutePath<Int64>("/dossier/", "famille", "/mes-donnees.json")
    /// The form of one record: `/dossier/7/enfant/21`, `/dossier/7/contact/nouveau`.
    static let recordForm = RoutePath3<Int64, DossierEntity, RecordSegment>("/dossier/", "famille", "/", "entite", "/", "id")
    static let withdrawal = RoutePath2<Int64, Int64>("/dossier/", "famille", "/demandes/", "id", "/retirer")
    /// Asks for a whole record (a child, a contact) to be taken out of the file.
    static let removal = RoutePath3<Int64, DossierEntity, Int64>("/dossier/", "famille", "/retrait/", "entite", "/", "id")
    static let photo = RoutePath2<Int64, String>("/dossier/", "famille", "/photos/", "photo")

    static func record(_ familyID: Int64, _ entity: DossierEntity, _ id: Int64?) -> String {
        recordForm(familyID, entity, id.map(RecordSegment.existing) ?? .new)
    }

    static func withdraw(_ familyID: Int64, request id: Int64) -> String { withdrawal(familyID, id) }

    /// The child form, the only family form that carries a file (the photo): the server lets a
    /// larger body through on that path only.
    static func isChildForm(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0].isEmpty && parts[1] == "dossier" && parts[3] == DossierEntity.child.pathSegment
            && Int64(parts[2]) != nil && Int64(parts[4]) != nil
    }
}

extension DossierEntity: PathSegmentValue {
    init?(pathSegment: Substring) {
        guard let entity = DossierEntity.allCases.first(where: { $0.pathSegment == pathSegment }) else { return nil }
        self = entity
    }

    var pathSegment: String {
        switch self {
        case .guardian: "responsable"
        case .child: "enfant"
        case .health: "sante"
        case .contact: "contact"
        }
    }
}

/// The last segment of a record's form: an existing record's id, or `nouveau` for a new one.
enum RecordSegment: PathSegmentValue, Equatable {
    case existing(Int64)
    case new

    init?(pathSegment: Substring) {
        if pathSegment == "nouveau" {
            self = .new
        } else if let id = Int64(pathSegment: pathSegment) {
            self = .existing(id)
        } else {
            return nil
        }
    }

    var pathSegment: String {
        switch self {
        case .existing(let id): id.pathSegment
        case .new: "nouveau"
        }
    }

    var id: Int64? { if case .existing(let id) = self { id } else { nil } }
}

/// A path with three parameters (`/dossier/:famille/:entite/:id`), declared like `RoutePath2`.
struct RoutePath3<First: PathSegmentValue, Second: PathSegmentValue, Third: PathSegmentValue>: Sendable {
    let first: RoutePath2<First, Second>
    let thirdName: String

    init(_ prefix: String, _ firstName: String, _ middle: String, _ secondName: String, _ last: String, _ thirdName: String) {
        precondition(last.hasPrefix("/") && last.hasSuffix("/"), "a parameter is a whole segment")
        first = RoutePath2(prefix, firstName, middle, secondName, last)
        self.thirdName = thirdName
    }

    var pattern: String { "\(first.pattern):\(thirdName)" }

    func callAsFunction(_ a: First, _ b: Second, _ c: Third) -> String { first(a, b) + c.pathSegment }

    func values(in parameters: [String: String]) -> (First, Second, Third)? {
        guard let (a, b) = first.values(in: parameters), let c = parameters[thirdName].flatMap({ Third(pathSegment: Substring($0)) })
        else { return nil }
        return (a, b, c)
    }
}

extension RouteTable {
    mutating func add<First, Second, Third>(_ method: String, _ path: RoutePath3<First, Second, Third>, _ access: Access,
                                            _ handle: @escaping @Sendable (RequestContext, First, Second, Third) throws -> HTTPResponse) {
        add(method, path.pattern, access) { context in
            guard let (a, b, c) = path.values(in: context.parameters) else { throw RouteError.notFound }
            return try handle(context, a, b, c)
        }
    }
}

enum StaffDossierPaths {
    static let families = "/gestion/familles"
    static let newFamily = "/gestion/familles/nouvelle"
    static let queue = "/gestion/dossier/demandes"

    static let family = RoutePath<Int64>("/gestion/familles/", "id")
    static let letter = RoutePath<Int64>("/gestion/familles/", "id", "/courrier")
    static let quotient = RoutePath<Int64>("/gestion/familles/", "id", "/quotient")
    static let residency = RoutePath<Int64>("/gestion/familles/", "id", "/residence")
    static let anonymise = RoutePath<Int64>("/gestion/familles/", "id", "/anonymiser")
    static let request = RoutePath<Int64>("/gestion/dossier/demandes/", "id")
    static let photo = RoutePath2<Int64, String>("/gestion/familles/", "id", "/photos/", "photo")
}
