/// Turns responses into wire bytes. Owns the default headers, pre-encoded once.
struct ResponseSerializer: Sendable {
    private let defaultHeaders: [(name: String, line: [UInt8])]

    /// Framing and connection headers come from the server alone (RFC 9112 §6, §9.6):
    /// a handler's copy could contradict the bytes actually sent.
    private static let reserved = ["content-length", "transfer-encoding", "connection", "date", "keep-alive"]

    init(defaultHeaders: [(String, String)]) {
        self.defaultHeaders = defaultHeaders.compactMap { name, value in
            ResponseSerializer.isValidField(name: name, value: value)
                ? (name: name, line: Array("\(name): \(value)\r\n".utf8)) : nil
        }
    }

    /// Appends the status line and headers to `out`; returns whether the body must follow
    /// (not for HEAD, which still announces the GET's Content-Length, RFC 9110 §9.3.2).
    func serializeHead(
        _ response: HTTPResponse,
        requestMethod: String,
        connection: ConnectionHeader,
        date: [UInt8],
        into out: inout [UInt8]
    ) -> Bool {
        out += "HTTP/1.1 ".utf8
        out += String(response.status.code).utf8
        out.append(UInt8(ascii: " "))
        out += response.status.reasonPhrase.utf8
        out += "\r\n".utf8
        for header in defaultHeaders where !response.headers.contains(header.name) {
            out += header.line
        }
        out += "Date: ".utf8
        out += date
        out += "\r\n".utf8
        for field in response.headers {
            guard ResponseSerializer.isValidField(name: field.name, value: field.value),
                  !ResponseSerializer.reserved.contains(where: { field.name.equalsIgnoringASCIICase($0) })
            else { continue }
            out += field.name.utf8
            out += ": ".utf8
            out += field.value.utf8
            out += "\r\n".utf8
        }
        if response.status.allowsContent {
            out += "Content-Length: ".utf8
            out += String(response.body.count).utf8
            out += "\r\n".utf8
        }
        switch connection {
        case .close: out += "Connection: close\r\n".utf8
        case .keepAlive: out += "Connection: keep-alive\r\n".utf8
        case .implicit: break
        }
        out += "\r\n".utf8
        return response.status.allowsContent && requestMethod != "HEAD"
    }

    /// Fields with CR, LF or other controls are dropped rather than sent: a value copied from
    /// user input must not be able to split the response.
    static func isValidField(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(\.isTokenCharacter)
            && value.utf8.allSatisfy { $0 == 9 || ($0 >= 0x20 && $0 != 0x7F) }
    }
}

enum ConnectionHeader {
    case close
    case keepAlive   // HTTP/1.0 clients asked for it and must hear it back
    case implicit    // HTTP/1.1 persistence is the default
}

extension HTTPResponse {
    /// The server's own answer to a request it refused, in French for the family reading it.
    static func serverError(_ status: HTTPStatus) -> HTTPResponse {
        let message = switch status.code {
        case 408: "Délai d’attente de la requête dépassé."
        case 413: "Requête trop volumineuse."
        case 414: "Adresse trop longue."
        case 431: "En-têtes de requête trop volumineux."
        case 505: "Version HTTP non prise en charge."
        case 503: "Service momentanément indisponible."
        default: "Requête invalide."
        }
        return .text(message + "\n", status: status)
    }
}
