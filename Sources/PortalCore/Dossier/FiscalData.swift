/// The quotient familial the CAF sets, and how long the town holds it valid. Read-only for
/// families: they send an attestation, staff enter the figure.
public struct FiscalData: Hashable, Sendable {
    /// In euros, as on the CAF's attestation.
    public var familyQuotient: Int
    public var validFrom: LocalDate
    public var validUntil: LocalDate

    public init(familyQuotient: Int, validFrom: LocalDate, validUntil: LocalDate) {
        self.familyQuotient = familyQuotient
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    public func isValid(on day: LocalDate) -> Bool { validFrom <= day && day <= validUntil }

    /// « Valable du 01/01/2026 au 31/12/2026 », or why it no longer counts.
    public func frenchValidity(on day: LocalDate) -> String {
        if day > validUntil { return "Expiré depuis le \(TypedDate.display(validUntil)) : envoyez une attestation récente." }
        if day < validFrom { return "Valable à partir du \(TypedDate.display(validFrom))" }
        return "Valable du \(TypedDate.display(validFrom)) au \(TypedDate.display(validUntil))"
    }
}
