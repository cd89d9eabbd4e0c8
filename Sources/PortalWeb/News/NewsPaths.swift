/// Paths of the Actualités tab, its Atom feed and the staff pages that write them.
enum NewsPaths {
    static let list = "/actualites"
    static let item = RoutePath<Int64>("/actualites/", "id")
    static let feed = "/actualites/flux.atom"

    static let staffList = "/gestion/actualites"
    static let staffNew = "/gestion/actualites/nouvelle"
    static let staffItem = RoutePath<Int64>("/gestion/actualites/", "id")
    static let staffDelete = RoutePath<Int64>("/gestion/actualites/", "id", "/supprimer")
}
