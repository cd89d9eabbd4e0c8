/// A Content-Type value split into its type and parameters (RFC 9110 §8.3.1).
struct MediaType {
    let type: String
    let parameters: [String: String]

    init(_ value: String) {
        let pieces = MediaType.splitParameters(value)
        type = pieces.first.map { String($0.trimmingSpaces()).lowercased() } ?? ""
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingSpaces().lowercased()
            parameters[name] = MediaType.unquote(piece[piece.index(after: equals)...].trimmingSpaces())
        }
        self.parameters = parameters
    }

    func matches(_ expected: String) -> Bool {
        type == expected
    }

    /// Splits on `;` outside quoted strings.
    static func splitParameters(_ value: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = value.startIndex
        var inQuotes = false
        var escaped = false
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            if escaped {
                escaped = false
            } else if character == "\\" && inQuotes {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ";" && !inQuotes {
                pieces.append(value[start..<index])
                start = value.index(after: index)
            }
            index = value.index(after: index)
        }
        pieces.append(value[start...])
        return pieces
    }

    static func unquote(_ value: Substring) -> String {
        guard value.count >= 2, value.first == "\"", value.last == "\"" else { return String(value) }
        var result = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
