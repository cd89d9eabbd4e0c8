extension Attribute {
    public static func `class`(_ value: String) -> Attribute { Attribute(known: "class", value) }
    public static func id(_ value: String) -> Attribute { Attribute(known: "id", value) }
    public static func href(_ value: String) -> Attribute { Attribute(known: "href", value) }
    public static func src(_ value: String) -> Attribute { Attribute(known: "src", value) }
    public static func type(_ value: String) -> Attribute { Attribute(known: "type", value) }
    public static func name(_ value: String) -> Attribute { Attribute(known: "name", value) }
    public static func value(_ value: String) -> Attribute { Attribute(known: "value", value) }
    public static func `for`(_ value: String) -> Attribute { Attribute(known: "for", value) }
    public static func method(_ value: String) -> Attribute { Attribute(known: "method", value) }
    public static func action(_ value: String) -> Attribute { Attribute(known: "action", value) }
    public static func lang(_ value: String) -> Attribute { Attribute(known: "lang", value) }
    public static func rel(_ value: String) -> Attribute { Attribute(known: "rel", value) }
    public static func title(_ value: String) -> Attribute { Attribute(known: "title", value) }
    public static func role(_ value: String) -> Attribute { Attribute(known: "role", value) }
    public static func autocomplete(_ value: String) -> Attribute { Attribute(known: "autocomplete", value) }
    public static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-" + name, value) }
    public static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-" + name, value) }
    public static let required = Attribute(known: "required", nil)
    public static let checked = Attribute(known: "checked", nil)
    public static let selected = Attribute(known: "selected", nil)
    public static let disabled = Attribute(known: "disabled", nil)
}
