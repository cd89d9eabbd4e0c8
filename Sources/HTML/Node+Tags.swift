// Shorthands for the tags views use most; anything else goes through `Node.el`.
extension Node {
    public static func div(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("div", a, c) }
    public static func span(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("span", a, c) }
    public static func p(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("p", a, c) }
    public static func a(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("a", a, c) }
    public static func h1(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("h1", a, c) }
    public static func h2(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("h2", a, c) }
    public static func h3(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("h3", a, c) }
    public static func ul(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("ul", a, c) }
    public static func li(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("li", a, c) }
    public static func section(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("section", a, c) }
    public static func nav(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("nav", a, c) }
    public static func main(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("main", a, c) }
    public static func header(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("header", a, c) }
    public static func footer(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("footer", a, c) }
    public static func form(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("form", a, c) }
    public static func label(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("label", a, c) }
    public static func button(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("button", a, c) }
    public static func strong(_ a: [Attribute] = [], _ c: [Node]) -> Node { el("strong", a, c) }
    public static func input(_ a: [Attribute]) -> Node { el("input", a) }
    public static func meta(_ a: [Attribute]) -> Node { el("meta", a) }
    public static func link(_ a: [Attribute]) -> Node { el("link", a) }
    public static let br: Node = .element("br", [], [])
}
