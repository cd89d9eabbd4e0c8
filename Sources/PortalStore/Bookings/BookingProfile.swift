public import PortalCore
public import Postgres

/// What booking needs of a family: prices follow the quotient and residency, rules the children's ages.
public struct BookingProfile: Sendable, Equatable {
    public let id: Int64
    public let quotient: Int?
    /// The days staff hold the quotient valid; outside them booking prices at the highest bracket.
    public let quotientValidity: ClosedRange<LocalDate>?
    public let residency: Residency
    public let children: [BookableChild]

    public init(id: Int64, quotient: Int?, residency: Residency, children: [BookableChild],
                quotientValidity: ClosedRange<LocalDate>? = nil) {
        self.id = id
        self.quotient = quotient
        self.quotientValidity = quotientValidity
        self.residency = residency
        self.children = children
    }
}

/// Where family profiles come from (the dossier's tables); promotion from the waiting list
/// reads other families through it, inside the same transaction.
public protocol BookingProfiles: Sendable {
    func profile(familyID: Int64, in connection: PostgresConnection) throws -> BookingProfile?
}

public enum BookingStoreError: Error, Equatable {
    case unknownFamily(Int64)
    case unknownBooking(Int64)
    case duplicateRegistration
    case transition(BookingTransitionError)
    case registration(RegistrationTransitionError)
    /// A rule refused the change now (an absence past its deadline), with its French reason.
    case refused(RuleDecision)
}
