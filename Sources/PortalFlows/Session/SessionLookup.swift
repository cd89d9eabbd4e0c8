public import Foundation
public import PortalCore
public import PortalStore

/// Who a session cookie signs in on one town: read in one round trip (the session, the family
/// or staff account, the family's unread messages); written (last-seen time, an expired
/// session's removal) only when due.
public struct SessionLookup: Sendable {
    public enum Holder: Sendable, Equatable {
        case family(Account)
        case staff(StaffAccount)
    }

    public struct Live: Sendable {
        public let holder: Holder
        public let csrf: String
        /// Nil when the town has no Messagerie or a staff member is signed in.
        public let unreadMessages: Int?
        /// When it expires if not used again (idle or absolute limit, whichever comes first).
        public let ends: Date
    }

    public let tenant: TenantConfig
    public let database: TenantDatabase

    public init(tenant: TenantConfig, database: TenantDatabase) {
        self.tenant = tenant
        self.database = database
    }

    public func resolve(token: String, now: Date, lifetime: SessionLifetime) throws -> Live? {
        guard SecureToken.isWellFormed(token) else { return nil }
        let (found, family, staff, unread) = try database.read(
            schema: tenant.schema, SessionStore.session(token: token), AccountStore.signedIn(token: token),
            StaffStore.signedIn(token: token), MessageStore.unreadForSignedInFamily(token: token))
        guard let session = found else { return nil }
        let upkeep = SessionStore.upkeep(session, now: now, lifetime: lifetime)
        if upkeep != .none {
            try database.transaction(schema: tenant.schema) { try SessionStore.apply(upkeep, token: token, now: now, in: $0) }
        }
        guard upkeep != .delete else { return nil }
        let lastSeen = upkeep == .touch ? now : session.lastSeenAt
        let ends = min(lastSeen.addingTimeInterval(lifetime.idle), session.createdAt.addingTimeInterval(lifetime.absolute))
        switch session.kind {
        case .family:
            guard let family, family.isActivated else { return nil }
            return Live(holder: .family(family), csrf: session.csrfToken,
                        unreadMessages: tenant.tabs.contains(.messagerie) ? unread : nil, ends: ends)
        case .staff:
            guard let staff else { return nil }
            return Live(holder: .staff(staff), csrf: session.csrfToken, unreadMessages: nil, ends: ends)
        }
    }
}
