/// Every path of the Messagerie, family side and staff side, printed into links from here only.
enum MessagingPaths {
    static let received = "/messagerie"
    static let sent = "/messagerie/envoyes"
    static let compose = "/messagerie/nouveau"
    static let thread = RoutePath<Int64>("/messagerie/fils/", "id")
    static let attachment = RoutePath<Int64>("/messagerie/pieces-jointes/", "id")

    static let staffHome = "/gestion/messagerie"
    static let staffService = RoutePath<String>("/gestion/messagerie/service/", "code")
    static let staffThread = RoutePath<Int64>("/gestion/messagerie/fils/", "id")
    static let staffAssign = RoutePath<Int64>("/gestion/messagerie/fils/", "id", "/attribuer")
    static let staffStatus = RoutePath<Int64>("/gestion/messagerie/fils/", "id", "/statut")
    static let staffAttachment = RoutePath<Int64>("/gestion/messagerie/pieces-jointes/", "id")

    /// The family's posts that may carry attachments: a new message and a reply in a thread.
    static func acceptsAttachments(method: String, path: String) -> Bool {
        guard method == "POST" else { return false }
        if path == compose { return true }
        let pieces = path.split(separator: "/", omittingEmptySubsequences: false)
        return pieces.count == 4 && pieces[1] == "messagerie" && pieces[2] == "fils" && Int64(pieces[3]) != nil
    }
}
