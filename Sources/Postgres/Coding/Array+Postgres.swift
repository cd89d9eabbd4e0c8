extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public var postgresText: String? { Element.postgresArrayText(self) }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    public init?(postgresText: String) {
        guard let elements = Element.postgresArray(fromText: postgresText) else { return nil }
        self = elements
    }
}

/// The text form of a one-dimensional array: `{a,"b c",NULL}`.
enum PostgresArrayLiteral {
    /// Quotes every element, so commas, braces, quotes, spaces and the word NULL stay data;
    /// only a nil element is written as the bare NULL.
    static func encode(_ elements: [String?]) -> String {
        var text = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            guard let element else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    /// Reads the server's output for a one-dimensional, comma-delimited array; nil for anything
    /// else (several dimensions, explicit bounds, malformed text).
    static func decode(_ text: String) -> [String?]? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "{", scalars.last == "}" else { return nil }
        var elements: [String?] = []
        var index = 1
        let end = scalars.count - 1
        if index == end { return [] }
        while true {
            var value = String.UnicodeScalarView()
            if scalars[index] == "\"" {
                index += 1
                while true {
                    guard index < end else { return nil }
                    var scalar = scalars[index]
                    if scalar == "\"" { break }
                    if scalar == "\\" {
                        index += 1
                        guard index < end else { return nil }
                        scalar = scalars[index]
                    }
                    value.append(scalar)
                    index += 1
                }
                index += 1
                elements.append(String(value))
            } else {
                while index < end, scalars[index] != "," {
                    var scalar = scalars[index]
                    if scalar == "{" || scalar == "\"" { return nil }
                    if scalar == "\\" {
                        index += 1
                        guard index < end else { return nil }
                        scalar = scalars[index]
                    }
                    value.append(scalar)
                    index += 1
                }
                let item = String(value)
                guard !item.isEmpty else { return nil }
                elements.append(item.uppercased() == "NULL" ? nil : item)
            }
            if index == end { return elements }
            guard scalars[index] == "," else { return nil }
            index += 1
        }
    }
}
