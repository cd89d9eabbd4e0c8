/// The panier: pending changes, at most one per slot, kept in date order so that the recap
/// and the confirmation read the same way.
public struct Basket: Sendable, Equatable {
    public private(set) var lines: [BasketLine]

    public init(lines: [BasketLine] = []) {
        self.lines = []
        add(lines)
    }

    /// Adds a line; a line for a slot already in the basket replaces it (tapping « annuler »
    /// on a day just added to the basket turns it into a cancellation).
    public mutating func add(_ line: BasketLine) {
        lines.removeAll { $0.slot == line.slot }
        let index = lines.firstIndex { line.slot < $0.slot } ?? lines.endIndex
        lines.insert(line, at: index)
    }

    public mutating func add(_ newLines: [BasketLine]) {
        newLines.forEach { add($0) }
    }

    public mutating func remove(_ slot: SlotKey) {
        lines.removeAll { $0.slot == slot }
    }

    public var isEmpty: Bool { lines.isEmpty }
}
