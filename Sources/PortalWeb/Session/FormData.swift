import HTTPServer

/// The fields of a submitted form, urlencoded or multipart, parsed once by the application
/// (the CSRF check needs them before the handler does).
struct FormData: Sendable {
    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [String: MultipartPart] = [:]

    static let empty = FormData()

    /// Nil when a multipart body is malformed.
    init?(request: HTTPRequest) {
        if let contentType = request.headers["content-type"], contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let parts = try? request.multipartParts() else { return nil }
            for part in parts {
                if part.filename != nil {
                    if files[part.name] == nil { files[part.name] = part }
                } else {
                    fields[part.name, default: []].append(String(decoding: part.body, as: UTF8.self))
                }
            }
        } else {
            fields = request.formFields()
        }
    }

    private init() {}

    /// Only what an HTML form sends, or no body at all, reaches a handler: a JSON or XML body
    /// is answered 415 rather than read as an empty form (ASVS 13.1.5).
    static func hasFormMediaType(_ request: HTTPRequest) -> Bool {
        guard !request.body.isEmpty else { return true }
        let type = String((request.headers["content-type"] ?? "").prefix { $0 != ";" }.filter { $0 != " " && $0 != "\t" }).lowercased()
        return type == "application/x-www-form-urlencoded" || type == "multipart/form-data"
    }

    static let unsupportedMediaType = HTTPResponse.text("Type de contenu non pris en charge : envoyez le formulaire de la page.", status: .unsupportedMediaType)

    func value(_ name: String) -> String? { fields[name]?.first }

    /// The field's value trimmed of surrounding spaces, empty when absent.
    func text(_ name: String) -> String {
        String((value(name) ?? "").drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    func file(_ name: String) -> MultipartPart? { files[name] }
}
