/// An issued document's number: one gapless sequence per town and calendar year, `2026-000123`
/// (French invoicing rules ask for a continuous chronological numbering).
public struct InvoiceNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let sequence: Int

    public init?(year: Int, sequence: Int) {
        guard (2000...9999).contains(year), (1...999_999).contains(sequence) else { return nil }
        self.year = year
        self.sequence = sequence
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 6,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let year = Int(parts[0]), let sequence = Int(parts[1]) else { return nil }
        self.init(year: year, sequence: sequence)
    }

    public var description: String {
        let digits = String(sequence)
        return "\(year)-\(String(repeating: "0", count: 6 - digits.count))\(digits)"
    }

    public static func < (lhs: InvoiceNumber, rhs: InvoiceNumber) -> Bool { (lhs.year, lhs.sequence) < (rhs.year, rhs.sequence) }
}
