/// HTML written straight into UTF-8 bytes, for a page's long repeated parts (a month of
/// planning cells) where building nodes first costs more than writing the page. Text and
/// attribute values are escaped as `Node` escapes them; tags come only from string literals.
public struct HTMLWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// `<tag attributes>`, what `content` writes, `</tag>`.
    public mutating func element(_ tag: StaticString, _ attributes: [Attribute] = [], _ content: (inout HTMLWriter) -> Void = { _ in }) {
        assert(!Node.isVoidElement(tag.description), "\(tag) has no end tag: use voidElement")
        start(tag, attributes)
        content(&self)
        bytes.append(0x3C)  // <
        bytes.append(0x2F)  // /
        append(tag)
        bytes.append(0x3E)  // >
    }

    /// An element without content nor end tag (`input`).
    public mutating func voidElement(_ tag: StaticString, _ attributes: [Attribute]) {
        assert(Node.isVoidElement(tag.description), "\(tag) needs an end tag: use element")
        start(tag, attributes)
    }

    public mutating func text(_ text: String) {
        HTMLEscape.append(text, to: &bytes)
    }

    public mutating func node(_ node: Node) {
        node.render(into: &bytes)
    }

    private mutating func start(_ tag: StaticString, _ attributes: [Attribute]) {
        assert(Attribute.isValidName(tag.description), "invalid tag name \(tag)")
        bytes.append(0x3C)  // <
        append(tag)
        for attribute in attributes { attribute.write(into: &bytes) }
        bytes.append(0x3E)  // >
    }

    private mutating func append(_ tag: StaticString) {
        tag.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}

extension Node {
    /// The HTML `write` writes, as a node of a page built with nodes.
    public static func written(capacity: Int = 0, _ write: (inout HTMLWriter) -> Void) -> Node {
        var writer = HTMLWriter(capacity: capacity)
        write(&writer)
        return .written(writer.bytes)
    }
}
