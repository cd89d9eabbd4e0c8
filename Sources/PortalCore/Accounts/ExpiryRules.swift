#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// How long a session lives: ended after 30 minutes without a request, and 12 hours after
/// sign-in whatever happens.
public struct SessionLifetime: Sendable, Equatable {
    public var idle: TimeInterval
    public var absolute: TimeInterval

    public init(idle: TimeInterval = 30 * 60, absolute: TimeInterval = 12 * 3600) {
        self.idle = idle
        self.absolute = absolute
    }

    public static let standard = SessionLifetime()

    public func isAlive(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) < idle && now.timeIntervalSince(createdAt) < absolute
    }
}

/// What a link sent by e-mail lets its holder do; each is single-use and expires.
public enum TokenPurpose: String, Sendable, CaseIterable {
    case activation
    case reset
    case emailChange = "email_change"
    case staffInvitation = "staff_invitation"
    /// A staff member's « mot de passe oublié »: apart from `reset`, so that a family's link can
    /// never open a staff account of the same id, nor the reverse.
    case staffReset = "staff_reset"

    /// Activation 48 h, password reset 1 h (staff too), e-mail change 24 h, staff invitation 7 days.
    public var lifetime: TimeInterval {
        switch self {
        case .activation: 48 * 3600
        case .reset, .staffReset: 3600
        case .emailChange: 24 * 3600
        case .staffInvitation: 7 * 24 * 3600
        }
    }

    public func expiry(issuedAt: Date) -> Date { issuedAt.addingTimeInterval(lifetime) }

    public func isUsable(expiresAt: Date, usedAt: Date?, now: Date) -> Bool {
        usedAt == nil && now < expiresAt
    }
}

/// Staff roles of a town (issue: admin manages staff and settings, agent works the queues,
/// billing invoices).
public enum StaffRole: String, Sendable, CaseIterable, Equatable {
    case admin, agent, billing
    /// Direction of the centres: the role that reads children's health sheets (dossier).
    case director

    public var frenchLabel: String {
        switch self {
        case .admin: "Administrateur"
        case .agent: "Agent"
        case .billing: "Facturation"
        case .director: "Direction (fiches sanitaires)"
        }
    }
}
