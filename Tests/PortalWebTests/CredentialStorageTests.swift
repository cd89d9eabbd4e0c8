import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// How passwords and tokens are kept (ASVS V2.4, V2.7, V3.2): what a copy of the tables would
/// give an attacker, and what the owner of a password may type.
@Suite(.serialized) struct CredentialStorageTests {
    @Test func passwords_areBcryptCost10_withTheirOwnSalt_andNeverStoredAsTyped() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let first = AccountWorld.uniqueEmail(), second = AccountWorld.uniqueEmail()
        try world.familyAccount(first)
        try world.familyAccount(second)
        let hashes: [String] = try world.transaction { connection in
            try connection.query("SELECT password_hash FROM accounts WHERE email IN (\(first), \(second)) ORDER BY id").map { try $0.decode("password_hash") }
        }
        #expect(hashes.count == 2)
        for hash in hashes {
            #expect(hash.hasPrefix("$2a$10$") && hash.count == 60)
            #expect(!hash.contains(AccountWorld.password))
        }
        // The same password gives two different hashes: 22 characters of salt (128 bits) each.
        #expect(hashes[0] != hashes[1])
        #expect(hashes[0].dropFirst(7).prefix(22) != hashes[1].dropFirst(7).prefix(22))
    }

    /// bcrypt reads 72 bytes; the portal hashes the SHA-256 of the whole password first, so the
    /// 73rd character counts like the first.
    @Test func everyCharacterOfALongPassword_counts() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        let long = String(repeating: "k7-Q", count: 18) + "fin-de-phrase-2026"
        try world.familyAccount(email, password: long)
        var browser = world.browser()
        let signIn = { (browser: inout Browser, password: String) in
            browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": password]).status.code
        }
        #expect(signIn(&browser, String(long.prefix(72))) == 401)
        #expect(signIn(&browser, String(long.dropLast()) + "7") == 401)
        #expect(signIn(&browser, long) == 303)
    }

    /// Any Unicode, spaces included, kept exactly as typed: neither trimmed nor squeezed.
    @Test func unicodeAndSpacesInAPassword_areKeptAsTyped() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var phone = try world.signedInFamily(email)
        let password = "  Çà et là,  👩‍👧 東京 2026 ✓ ﷺ  "
        phone.get(SpacePaths.account)
        let changed = phone.post(SpacePaths.password, ["csrf": phone.csrf, "mot_de_passe_actuel": AccountWorld.password,
                                                      "nouveau_mot_de_passe": password, "confirmation": password])
        #expect(changed.headers["location"] == SpacePaths.account + "?ok=mot-de-passe")
        var other = world.browser()
        let signIn = { (browser: inout Browser, password: String) in
            browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": password]).status.code
        }
        #expect(signIn(&other, password.trimmingCharacters(in: .whitespaces)) == 401)
        #expect(signIn(&other, password.replacingOccurrences(of: "  ", with: " ")) == 401)
        #expect(signIn(&other, password) == 303)
    }

    /// Session cookies and e-mailed links are 256 random bits; the tables hold only their
    /// SHA-256, so a copy of the database opens no session and uses no link.
    @Test func sessionAndLinkTokens_areStoredOnlyAsTheirSHA256() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        let id = try world.familyAccount(email)
        let (session, link) = try world.transaction { connection in
            (try SessionStore.create(kind: .family, principalID: id, ip: "192.0.2.1", now: world.clock.now, in: connection).token,
             try TokenStore.issue(.reset, kind: .family, principalID: id, now: world.clock.now, in: connection))
        }
        for token in [session, link] { #expect(SecureToken.isWellFormed(token)) }
        let stored: [String] = try world.transaction { connection in
            try connection.query("""
                SELECT row_to_json(s)::text AS row FROM sessions s WHERE principal_kind = 'family' AND principal_id = \(id)
                UNION ALL SELECT row_to_json(t)::text FROM account_tokens t WHERE principal_kind = 'family' AND principal_id = \(id)
                """).map { try $0.decode("row") }
        }
        #expect(stored.count == 2)
        for row in stored { #expect(!row.contains(session) && !row.contains(link)) }
        let hashed: Int = try world.transaction { connection in
            try connection.query("""
                SELECT (SELECT count(*) FROM sessions WHERE token_hash = encode(sha256(convert_to(\(session), 'UTF8')), 'hex'))
                     + (SELECT count(*) FROM account_tokens WHERE token_hash = encode(sha256(convert_to(\(link), 'UTF8')), 'hex')) AS n
                """)[0].decode("n")
        }
        #expect(hashed == 2)
    }

    /// ASVS 7.1.1, 7.1.4, 7.2.1: sign-ins, failed or not, are in the town's audit trail with
    /// their time, address and client, and never with the password that was typed.
    @Test func signIns_areAuditedWithTimeAndClient_neverWithThePasswordTyped() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        try world.familyAccount(email)
        var browser = world.browser(address: "203.0.113.9")
        let wrong = "Mauvais-mot-de-passe-tape-42"
        browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": wrong])
        browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        let events = try world.transaction { try SecurityEvents.recent(limit: 10, in: $0) }.filter { $0.email == email }
        #expect(Set(events.map(\.kind)) == ["sign_in_failure", "sign_in"])
        for event in events {
            #expect(event.ip == "203.0.113.9" && abs(event.createdAt.timeIntervalSince(world.clock.now)) < 60)
        }
        let rows: [String] = try world.transaction { connection in
            try connection.query("SELECT row_to_json(e)::text AS row FROM security_events e").map { try $0.decode("row") }
        }
        #expect(!rows.contains { $0.contains(wrong) || $0.contains(AccountWorld.password) })
    }

    /// 64 hex digits from the system CSPRNG: never the same twice, every digit in use.
    @Test func secureTokens_areSixtyFourRandomHexDigits() {
        let tokens = (0..<2000).map { _ in SecureToken.generate() }
        #expect(tokens.allSatisfy(SecureToken.isWellFormed))
        #expect(Set(tokens).count == tokens.count)
        #expect(Set(tokens.joined()).count == 16)
        #expect(!SecureToken.isWellFormed(String(tokens[0].prefix(63))) && !SecureToken.isWellFormed(tokens[0].uppercased()))
    }
}
