/// Errors of a submitted form, per field, in the order the fields appear. Views show each next
/// to its field and all of them in a summary at the top.
struct FieldErrors: Equatable {
    private(set) var items: [(field: String, message: String)] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        items.append((field, message))
    }

    func messages(for field: String) -> [String] {
        items.filter { $0.field == field }.map(\.message)
    }

    static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool {
        lhs.items.map { "\($0.field)\u{0}\($0.message)" } == rhs.items.map { "\($0.field)\u{0}\($0.message)" }
    }
}
