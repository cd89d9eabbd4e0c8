import Foundation
import Testing
import Postgres
import PortalCore
@testable import PortalStore

/// The hourly purge: what can no longer serve goes, what still serves stays usable.
@Suite struct ExpiredRowsTests {
    static let now = ISO8601DateFormatter().date(from: "2026-12-07T10:00:00Z")!
    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }
    static let minute: TimeInterval = 60, hour: TimeInterval = 3600, day: TimeInterval = 86_400

    @Test func townPurge_deletesEndedSessionsUsedOrExpiredLinksOldCountersAndEvents_andKeepsTheRest() throws {
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 1)
        let database = TenantDatabase(pool: pool)
        let schema = try TestDatabase.migratedTenantSchema("purge", pool: pool)
        defer { TestDatabase.drop(schema, pool: pool) }
        let now = Self.now
        let (live, idle, pastAbsolute, validLink) = try database.transaction(schema: schema) { connection in
            let live = try SessionStore.create(kind: .family, principalID: 1, ip: "", now: Self.ago(5 * Self.minute), in: connection).token
            let idle = try SessionStore.create(kind: .family, principalID: 2, ip: "", now: Self.ago(31 * Self.minute), in: connection).token
            let pastAbsolute = try SessionStore.create(kind: .staff, principalID: 3, ip: "", now: Self.ago(13 * Self.hour), in: connection).token
            // Seen a minute ago, but opened 13 hours ago: past the absolute lifetime.
            try connection.execute("UPDATE sessions SET last_seen_at = \(Self.ago(Self.minute)) WHERE token_hash = \(TokenHash.sql(pastAbsolute))")
            let used = try TokenStore.issue(.reset, kind: .family, principalID: 1, now: Self.ago(10 * Self.minute), in: connection)
            _ = try TokenStore.consume(used, purpose: .reset, now: Self.ago(9 * Self.minute), in: connection)
            _ = try TokenStore.issue(.activation, kind: .family, principalID: 2, now: Self.ago(49 * Self.hour), in: connection)
            let validLink = try TokenStore.issue(.emailChange, kind: .family, principalID: 1, now: Self.ago(Self.hour), in: connection)
            // `save` updates the row `state` creates, as a sign-in attempt does.
            _ = try ThrottleStore.state(.signInAccount, key: "ancien@exemple.fr", in: connection)
            _ = try ThrottleStore.state(.signInAccount, key: "recent@exemple.fr", in: connection)
            try ThrottleStore.save(ThrottleState(consecutiveFailures: 9, failuresToday: 9, windowStart: Self.ago(3 * Self.day), lastFailure: Self.ago(3 * Self.day)),
                                   .signInAccount, key: "ancien@exemple.fr", in: connection)
            try ThrottleStore.save(ThrottleState(consecutiveFailures: 6, failuresToday: 6, windowStart: Self.ago(Self.hour), lastFailure: Self.ago(Self.minute)),
                                   .signInAccount, key: "recent@exemple.fr", in: connection)
            _ = try ThrottleStore.state(.signInClient, key: "192.0.2.7", in: connection)
            try SecurityEvents.record(.signIn, ip: "192.0.2.1", detail: "ancien", now: Self.ago(400 * Self.day), in: connection)
            try SecurityEvents.record(.signIn, ip: "192.0.2.1", detail: "récent", now: Self.ago(10 * Self.day), in: connection)
            return (live, idle, pastAbsolute, validLink)
        }

        let counts = try database.transaction(schema: schema) {
            try ExpiredRows.purgeTown(now: now, sessions: .standard, in: $0)
        }

        #expect(counts.sessions == 2)
        #expect(counts.links == 2, "the used link and the expired one")
        #expect(counts.throttle == 2, "the 3-day-old counter and the one that never counted a failure")
        #expect(counts.securityEvents == 1)
        try database.transaction(schema: schema) { connection in
            let liveSession = try #require(try connection.fetch(SessionStore.session(token: live)))
            #expect(SessionStore.upkeep(liveSession, now: now) != .delete, "the live session still signs in")
            for gone in [idle, pastAbsolute] {
                #expect(try connection.query("SELECT 1 FROM sessions WHERE token_hash = \(TokenHash.sql(gone))").isEmpty)
            }
            #expect(try TokenStore.consume(validLink, purpose: .emailChange, now: now, in: connection) != nil)
            let kept = try ThrottleStore.state(.signInAccount, key: "recent@exemple.fr", in: connection)
            #expect(kept.consecutiveFailures == 6, "a counter still delaying someone is kept")
            #expect(try SecurityEvents.recent(limit: 10, in: connection).map(\.detail) == ["récent"])
        }
    }

    @Test func townPurge_twiceInARow_deletesNothingTheSecondTime() throws {
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 1)
        let database = TenantDatabase(pool: pool)
        let schema = try TestDatabase.migratedTenantSchema("purge_twice", pool: pool)
        defer { TestDatabase.drop(schema, pool: pool) }
        try database.transaction(schema: schema) {
            _ = try SessionStore.create(kind: .family, principalID: 1, ip: "", now: Self.ago(Self.day), in: $0)
        }
        let first = try database.transaction(schema: schema) { try ExpiredRows.purgeTown(now: Self.now, sessions: .standard, in: $0) }
        let second = try database.transaction(schema: schema) { try ExpiredRows.purgeTown(now: Self.now, sessions: .standard, in: $0) }
        #expect(first.sessions == 1)
        #expect(second.total == 0)
    }

    /// The platform tables are shared with the other tests running at the same time: the rows are
    /// marked, looked at inside the purge's transaction, and the transaction is rolled back.
    @Test func platformPurge_deletesEndedOperatorSessionsAndOldSentMail_andKeepsUnsentMail() throws {
        struct RolledBack: Error {}
        let database = try OperatorsTestSupport.database()
        let marker = "purge-\(UInt32.random(in: 0...UInt32.max))@exemple.fr"
        let realNow = Date()
        #expect(throws: RolledBack.self) {
            try database.platformTransaction { connection in
                let operatorID: Int64 = try connection.query("""
                    INSERT INTO platform.operators (email, display_name, password_hash) VALUES (\(marker), 'Purge', 'x') RETURNING id
                    """)[0].decode("id")
                let ended = try OperatorStore.createSession(operatorID: operatorID, ip: "", now: realNow.addingTimeInterval(-Self.day), in: connection).token
                let live = try OperatorStore.createSession(operatorID: operatorID, ip: "", now: realNow, in: connection).token
                let mail = OutgoingMail(tenantID: nil, fromName: "Portail", replyTo: nil, recipient: marker, subject: "Objet", body: "Corps")
                let oldSent = try Outbox.enqueue(mail, now: realNow.addingTimeInterval(-40 * Self.day), in: connection)
                try Outbox.markSent(id: oldSent, now: realNow.addingTimeInterval(-40 * Self.day), in: connection)
                let recentSent = try Outbox.enqueue(mail, now: realNow.addingTimeInterval(-Self.day), in: connection)
                try Outbox.markSent(id: recentSent, now: realNow.addingTimeInterval(-Self.day), in: connection)
                let unsent = try Outbox.enqueue(mail, now: realNow.addingTimeInterval(-90 * Self.day), in: connection)

                _ = try ExpiredRows.purgePlatform(now: realNow, sessions: .standard, in: connection)

                func exists(_ token: String) throws -> Bool {
                    try !connection.query("SELECT 1 FROM platform.operator_sessions WHERE token_hash = \(TokenHash.sql(token))").isEmpty
                }
                #expect(try exists(live))
                #expect(try !exists(ended))
                let mails = try Outbox.messages(to: marker, in: connection).map(\.id)
                #expect(Set(mails) == [recentSent, unsent], "an e-mail never delivered is never purged")
                throw RolledBack()
            }
        }
    }
}
