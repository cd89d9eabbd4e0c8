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

    func value(_ name: String) -> String? { fields[name]?.first }

    /// The field's value trimmed of surrounding spaces, empty when absent.
    func text(_ name: String) -> String {
        String((value(name) ?? "").drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    func file(_ name: String) -> MultipartPart? { files[name] }
}
