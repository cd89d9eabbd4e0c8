/// Paths of the Actualités tab, its Atom feed and the staff pages that write them.
enum NewsPaths {
    static let list = "/actualites"
    static let itemPattern = "/actualites/:id"
    static let feed = "/actualites/flux.atom"
    static func item(_ id: Int64) -> String { "/actualites/\(id)" }

    static let staffList = "/gestion/actualites"
    static let staffNew = "/gestion/actualites/nouvelle"
    static let staffItemPattern = "/gestion/actualites/:id"
    static let staffDeletePattern = "/gestion/actualites/:id/supprimer"
    static func staffItem(_ id: Int64) -> String { "/gestion/actualites/\(id)" }
    static func staffDelete(_ id: Int64) -> String { "/gestion/actualites/\(id)/supprimer" }
}
