extension HTTPRequest {
    /// Cookies from every Cookie header (RFC 6265 §5.4). When a name repeats, the first wins:
    /// browsers send the most specific path first.
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for header in headers.values(for: "cookie") {
            for pair in header.split(separator: ";") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<equals].trimmingSpaces()
                var value = pair[pair.index(after: equals)...].trimmingSpaces()
                if value.count >= 2, value.first == "\"", value.last == "\"" {
                    value = value.dropFirst().dropLast()
                }
                guard !name.isEmpty, result[String(name)] == nil else { continue }
                result[String(name)] = String(value)
            }
        }
        return result
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
