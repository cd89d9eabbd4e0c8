/// An HTML tree. Text is escaped when rendered; only `.raw` is written as given, so
/// markup from a user can never become markup by accident.
public indirect enum Node: Sendable, Equatable {
    case element(String, [Attribute], [Node])
    case text(String)
    case raw(String)
    case fragment([Node])
    case doctype
    /// HTML an `HTMLWriter` wrote: bytes already escaped, taken as they are.
    case written([UInt8])
}

/// One attribute; a `nil` value renders as a boolean attribute (`required`, `checked`).
public struct Attribute: Sendable, Equatable {
    public let name: String
    public let value: String?

    public init(_ name: String, _ value: String?) {
        precondition(Attribute.isValidName(name), "invalid attribute name \(name)")
        self.name = name
        self.value = value
    }

    /// For the names written in this module (`class`, `href`…), valid by construction.
    init(known name: String, _ value: String?) {
        assert(Attribute.isValidName(name), "invalid attribute name \(name)")
        self.name = name
        self.value = value
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A
        }
    }
}

extension Node: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension Node {
    /// Elements that have no end tag (HTML Living Standard §13.1.2).
    static func isVoidElement(_ tag: String) -> Bool {
        switch tag {
        case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr": true
        default: false
        }
    }

    public static func el(_ tag: String, _ attributes: [Attribute] = [], _ children: [Node] = []) -> Node {
        precondition(Attribute.isValidName(tag), "invalid tag name \(tag)")
        return .element(tag, attributes, children)
    }

    /// A node only when `condition` holds, so views can stay expressions.
    public static func when(_ condition: Bool, _ node: @autoclosure () -> Node) -> Node {
        condition ? node() : .fragment([])
    }
}
