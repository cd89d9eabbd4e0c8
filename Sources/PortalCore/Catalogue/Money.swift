/// An amount in euro cents. Integer cents so that 3 × 10,40 € is exactly 31,20 €.
public struct Money: Hashable, Comparable, Sendable {
    public let cents: Int

    public init(cents: Int) { self.cents = cents }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func * (lhs: Money, count: Int) -> Money { Money(cents: lhs.cents * count) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// French notation with plain spaces: « 10,40 € », « 1 234,50 € », « -3,00 € ».
    public var french: String {
        let magnitude = cents.magnitude
        let euros = String(magnitude / 100)
        var grouped = ""
        for (offset, digit) in euros.enumerated() {
            if offset > 0, (euros.count - offset) % 3 == 0 { grouped.append(" ") }
            grouped.append(digit)
        }
        let centsPart = magnitude % 100
        return "\(cents < 0 ? "-" : "")\(grouped),\(centsPart < 10 ? "0" : "")\(centsPart) €"
    }
}

extension Money: CustomStringConvertible {
    public var description: String { french }
}
