extension Node {
    /// The HTML text of this tree.
    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    public func render(into out: inout String) {
        switch self {
        case .doctype:
            out += "<!DOCTYPE html>"
        case .text(let text):
            HTMLEscape.append(text, to: &out)
        case .raw(let html):
            out += html
        case .fragment(let children):
            for child in children { child.render(into: &out) }
        case .element(let tag, let attributes, let children):
            out += "<"
            out += tag
            for attribute in attributes {
                out += " "
                out += attribute.name
                if let value = attribute.value {
                    out += "=\""
                    HTMLEscape.append(value, to: &out)
                    out += "\""
                }
            }
            out += ">"
            guard !Node.voidElements.contains(tag) else { return }
            for child in children { child.render(into: &out) }
            out += "</"
            out += tag
            out += ">"
        }
    }
}

/// Escaping shared by text and attribute values: the same five characters in both places,
/// so a value is safe wherever a view puts it.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    static func append(_ text: String, to out: inout String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
