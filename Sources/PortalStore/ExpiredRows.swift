public import Foundation
public import PortalCore
public import Postgres

/// Rows that can no longer serve (ended sessions, used or expired links, forgotten failure
/// counters) and personal data past its retention: deleted so that tables stay small and a
/// database dump holds no more than the service needs (RGPD data minimisation).
public enum ExpiredRows {
    /// How long what is kept for a while after its use stays.
    public struct Retention: Sendable, Equatable {
        /// Failure counters untouched for this long no longer delay anyone (longest delay 1 h,
        /// daily cap 24 h); deleting them forgives earlier failures.
        public var throttle: TimeInterval = 2 * 86_400
        /// Sign-ins, failures and password changes, for the account's own history and audits.
        public var securityEvents: TimeInterval = 365 * 86_400
        /// Delivered e-mails: long enough to answer « je n'ai rien reçu », then their bodies go.
        public var sentMail: TimeInterval = 30 * 86_400

        public init() {}
        public static let standard = Retention()
    }

    /// What one pass deleted, by kind of row.
    public struct Counts: Sendable, Equatable {
        public var sessions = 0, links = 0, throttle = 0, securityEvents = 0, sentMail = 0

        public init() {}
        public var total: Int { sessions + links + throttle + securityEvents + sentMail }
    }

    /// One town's schema (the transaction's search path).
    public static func purgeTown(now: Date, sessions lifetime: SessionLifetime, retention: Retention = .standard,
                                 in connection: PostgresConnection) throws -> Counts {
        var counts = Counts()
        counts.sessions = try connection.execute("""
            DELETE FROM sessions WHERE expires_at <= \(now) OR last_seen_at <= \(now.addingTimeInterval(-lifetime.idle))
            """)
        counts.links = try connection.execute("DELETE FROM account_tokens WHERE used_at IS NOT NULL OR expires_at <= \(now)")
        counts.throttle = try connection.execute("""
            DELETE FROM throttle WHERE coalesce(greatest(last_failure, window_start), '-infinity') <= \(now.addingTimeInterval(-retention.throttle))
            """)
        counts.securityEvents = try connection.execute("""
            DELETE FROM security_events WHERE created_at <= \(now.addingTimeInterval(-retention.securityEvents))
            """)
        return counts
    }

    /// The platform tables shared by the towns of one cluster.
    public static func purgePlatform(now: Date, sessions lifetime: SessionLifetime, retention: Retention = .standard,
                                     in connection: PostgresConnection) throws -> Counts {
        var counts = Counts()
        counts.sessions = try connection.execute("""
            DELETE FROM platform.operator_sessions WHERE expires_at <= \(now) OR last_seen_at <= \(now.addingTimeInterval(-lifetime.idle))
            """)
        counts.throttle = try connection.execute("""
            DELETE FROM platform.operator_throttle
            WHERE coalesce(greatest(last_failure, window_start), '-infinity') <= \(now.addingTimeInterval(-retention.throttle))
            """)
        counts.sentMail = try connection.execute("""
            DELETE FROM platform.outbox WHERE sent_at <= \(now.addingTimeInterval(-retention.sentMail))
            """)
        return counts
    }
}

extension ExpiredRows.Counts {
    public static func + (left: Self, right: Self) -> Self {
        var sum = left
        sum.sessions += right.sessions
        sum.links += right.links
        sum.throttle += right.throttle
        sum.securityEvents += right.securityEvents
        sum.sentMail += right.sentMail
        return sum
    }

    /// « 3 sessions, 1 lien, … » for the command's output.
    public var frenchSummary: String {
        "\(sessions) session(s), \(links) lien(s), \(throttle) compteur(s) d'échecs, \(securityEvents) événement(s) de sécurité, \(sentMail) courriel(s) envoyé(s)"
    }
}

extension ExpiredRows {
    /// Every town of `tenants` and the platform tables of every cluster, each in its own
    /// transaction so that one town's failure leaves the others purged; failures are returned.
    public static func purgeAll(tenants: [TenantConfig], databases: TenantDatabases, now: Date, sessions lifetime: SessionLifetime,
                                retention: Retention = .standard) -> (counts: Counts, failures: [(place: String, error: any Error)]) {
        var counts = Counts()
        var failures: [(place: String, error: any Error)] = []
        for (cluster, database, towns) in databases.group(tenants) {
            do {
                counts = counts + (try database.platformTransaction { connection in
                    try TenantRegistry.exists("platform.outbox", in: connection)
                        ? try purgePlatform(now: now, sessions: lifetime, retention: retention, in: connection) : Counts()
                })
            } catch {
                failures.append(("plateforme (\(cluster))", error))
            }
            for town in towns {
                do {
                    counts = counts + (try database.transaction(schema: town.schema) {
                        try purgeTown(now: now, sessions: lifetime, retention: retention, in: $0)
                    })
                } catch {
                    failures.append((town.id, error))
                }
            }
        }
        return (counts, failures)
    }
}
