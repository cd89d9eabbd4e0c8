extension Money {
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (amount: Money) -> Money { Money(cents: -amount.cents) }

    /// « 10,40 » without the euro sign, for table columns headed « Montant (€) ».
    public var frenchDigits: String { String(french.dropLast(2)) }
}

extension Sequence {
    /// The sum of the amounts `value` reads.
    public func total(_ value: (Element) -> Money) -> Money { reduce(.zero) { $0 + value($1) } }
}
