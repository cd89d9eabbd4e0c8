/// Whether a family lives in the territory; drives prices and booking opening (seed 000).
public enum Residency: String, Sendable, Codable, CaseIterable {
    case resident, nonResident
}

/// Unit prices by quotient-familial bracket and residency.
public struct PriceTable: Sendable, Equatable {
    /// Sorted by `minQuotient`, covering 0 to infinity without gap or overlap (checked on load).
    public var brackets: [PriceBracket]

    public init(brackets: [PriceBracket]) { self.brackets = brackets }

    /// The price for a family; an unknown quotient pays the highest bracket, as towns do
    /// when no CAF certificate was given.
    public func price(quotient: Int?, residency: Residency) -> Money? {
        let bracket = quotient.map { q in brackets.first { $0.contains(q) } } ?? brackets.last
        return bracket.map { residency == .resident ? $0.resident : $0.nonResident }
    }
}

public struct PriceBracket: Sendable, Equatable {
    /// Included.
    public var minQuotient: Int
    /// Included; nil for the open-ended top bracket.
    public var maxQuotient: Int?
    public var resident: Money
    public var nonResident: Money

    public init(minQuotient: Int, maxQuotient: Int?, resident: Money, nonResident: Money) {
        self.minQuotient = minQuotient
        self.maxQuotient = maxQuotient
        self.resident = resident
        self.nonResident = nonResident
    }

    public func contains(_ quotient: Int) -> Bool {
        quotient >= minQuotient && maxQuotient.map { quotient <= $0 } ?? true
    }
}
