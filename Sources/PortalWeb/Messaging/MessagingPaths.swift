/// Every path of the Messagerie, family side and staff side, printed into links from here only.
enum MessagingPaths {
    static let received = "/messagerie"
    static let sent = "/messagerie/envoyes"
    static let compose = "/messagerie/nouveau"
    static let threadPattern = "/messagerie/fils/:id"
    static let attachmentPattern = "/messagerie/pieces-jointes/:id"

    static func thread(_ id: Int64) -> String { "/messagerie/fils/\(id)" }
    static func attachment(_ id: Int64) -> String { "/messagerie/pieces-jointes/\(id)" }

    static let staffHome = "/gestion/messagerie"
    static let staffServicePattern = "/gestion/messagerie/service/:code"
    static let staffThreadPattern = "/gestion/messagerie/fils/:id"
    static let staffAssignPattern = "/gestion/messagerie/fils/:id/attribuer"
    static let staffStatusPattern = "/gestion/messagerie/fils/:id/statut"
    static let staffAttachmentPattern = "/gestion/messagerie/pieces-jointes/:id"

    static func staffService(_ code: String) -> String { "/gestion/messagerie/service/\(code)" }
    static func staffThread(_ id: Int64) -> String { "/gestion/messagerie/fils/\(id)" }
    static func staffAssign(_ id: Int64) -> String { "/gestion/messagerie/fils/\(id)/attribuer" }
    static func staffStatus(_ id: Int64) -> String { "/gestion/messagerie/fils/\(id)/statut" }
    static func staffAttachment(_ id: Int64) -> String { "/gestion/messagerie/pieces-jointes/\(id)" }

    /// The family's posts that may carry attachments: a new message and a reply in a thread.
    static func acceptsAttachments(method: String, path: String) -> Bool {
        guard method == "POST" else { return false }
        if path == compose { return true }
        let pieces = path.split(separator: "/", omittingEmptySubsequences: false)
        return pieces.count == 4 && pieces[1] == "messagerie" && pieces[2] == "fils" && Int64(pieces[3]) != nil
    }
}
