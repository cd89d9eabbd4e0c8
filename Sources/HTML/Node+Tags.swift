// Shorthands for the tags views use most (literal names, so not checked again); anything
// else goes through `Node.el`.
extension Node {
    public static func div(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("div", a, c) }
    public static func span(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("span", a, c) }
    public static func p(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("p", a, c) }
    public static func a(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("a", a, c) }
    public static func h1(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("h1", a, c) }
    public static func h2(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("h2", a, c) }
    public static func h3(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("h3", a, c) }
    public static func ul(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("ul", a, c) }
    public static func li(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("li", a, c) }
    public static func section(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("section", a, c) }
    public static func nav(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("nav", a, c) }
    public static func main(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("main", a, c) }
    public static func header(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("header", a, c) }
    public static func footer(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("footer", a, c) }
    public static func form(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("form", a, c) }
    public static func label(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("label", a, c) }
    public static func button(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("button", a, c) }
    public static func strong(_ a: [Attribute] = [], _ c: [Node]) -> Node { .element("strong", a, c) }
    public static func input(_ a: [Attribute]) -> Node { .element("input", a, []) }
    public static func meta(_ a: [Attribute]) -> Node { .element("meta", a, []) }
    public static func link(_ a: [Attribute]) -> Node { .element("link", a, []) }
    public static let br: Node = .element("br", [], [])
}
