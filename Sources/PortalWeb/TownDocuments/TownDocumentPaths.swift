/// Paths of the Documents tab and of the staff page that publishes them.
enum TownDocumentPaths {
    static let list = "/documents"
    static let filePattern = "/documents/:id"
    static func file(_ id: Int64) -> String { "/documents/\(id)" }

    static let staffList = "/gestion/documents-publies"
    static let staffDeletePattern = "/gestion/documents-publies/:id/supprimer"
    static let staffFilePattern = "/gestion/documents-publies/:id"
    static func staffDelete(_ id: Int64) -> String { "/gestion/documents-publies/\(id)/supprimer" }
    static func staffFile(_ id: Int64) -> String { "/gestion/documents-publies/\(id)" }
}
