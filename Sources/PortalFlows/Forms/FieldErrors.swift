/// What was wrong with a form, field by field, in the order it was found: a flow fills it,
/// the form shows each message beside its field and in the summary at the top.
public struct FieldErrors: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public let field: String
        public let message: String
    }

    public private(set) var items: [Item] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        items.append(Item(field: field, message: message))
    }

    public func messages(for field: String) -> [String] {
        items.filter { $0.field == field }.map(\.message)
    }
}
