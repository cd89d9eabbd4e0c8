extension Node {
    /// The HTML text of this tree.
    public func render() -> String {
        String(decoding: renderedBytes(), as: UTF8.self)
    }

    /// The tree as UTF-8 bytes, what a response body carries: one growing buffer, no
    /// intermediate strings.
    public func renderedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        render(into: &out)
        return out
    }

    public func render(into out: inout [UInt8]) {
        switch self {
        case .doctype:
            HTMLEscape.appendRaw("<!DOCTYPE html>", to: &out)
        case .text(let text):
            HTMLEscape.append(text, to: &out)
        case .raw(let html):
            HTMLEscape.appendRaw(html, to: &out)
        case .written(let bytes):
            out += bytes
        case .fragment(let children):
            for child in children { child.render(into: &out) }
        case .element(let tag, let attributes, let children):
            out.append(0x3C)  // <
            HTMLEscape.appendRaw(tag, to: &out)
            for attribute in attributes { attribute.write(into: &out) }
            out.append(0x3E)  // >
            guard !Node.isVoidElement(tag) else { return }
            for child in children { child.render(into: &out) }
            out.append(0x3C)
            out.append(0x2F)  // /
            HTMLEscape.appendRaw(tag, to: &out)
            out.append(0x3E)
        }
    }
}

extension Attribute {
    /// ` name="value"`, or ` name` alone for a boolean attribute.
    func write(into out: inout [UInt8]) {
        out.append(0x20)
        HTMLEscape.appendRaw(name, to: &out)
        guard let value else { return }
        out.append(0x3D)  // =
        out.append(0x22)  // "
        HTMLEscape.append(value, to: &out)
        out.append(0x22)
    }
}

/// Escaping shared by text and attribute values: the same five characters in both places,
/// so a value is safe wherever a view puts it.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The five characters are ASCII, so escaping byte by byte is escaping character by
    /// character: runs between them are copied whole.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    static func appendRaw(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }
}
