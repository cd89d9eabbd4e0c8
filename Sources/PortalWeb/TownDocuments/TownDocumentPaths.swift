/// Paths of the Documents tab and of the staff page that publishes them.
enum TownDocumentPaths {
    static let list = "/documents"
    static let file = RoutePath<Int64>("/documents/", "id")

    static let staffList = "/gestion/documents-publies"
    static let staffDelete = RoutePath<Int64>("/gestion/documents-publies/", "id", "/supprimer")
    static let staffFile = RoutePath<Int64>("/gestion/documents-publies/", "id")
}
