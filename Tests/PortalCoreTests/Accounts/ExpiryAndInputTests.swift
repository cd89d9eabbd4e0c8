import Foundation
import Testing
@testable import PortalCore

struct ExpiryAndInputTests {
    static let signIn = Date(timeIntervalSince1970: 1_767_600_000) // 2026-01-05T08:00:00Z

    /// (seconds since sign-in, last request at seconds since sign-in, alive)
    static let sessionCases: [(Double, Double, Bool)] = [
        (0, 0, true),
        (1740, 0, true),
        (1800, 0, false),        // idle 30 minutes
        (39600, 38000, true),
        (43200, 42840, false),   // absolute 12 hours, however active
    ]

    @Test(arguments: sessionCases)
    func session_endsAfter30IdleMinutesOr12Hours(elapsed: Double, lastSeenAfter: Double, alive: Bool) {
        #expect(SessionLifetime.standard.isAlive(createdAt: Self.signIn, lastSeenAt: Self.signIn.addingTimeInterval(lastSeenAfter),
                                                 now: Self.signIn.addingTimeInterval(elapsed)) == alive)
    }

    static let lifetimes: [(TokenPurpose, Double)] = [(.activation, 172_800), (.reset, 3600), (.emailChange, 86_400), (.staffInvitation, 604_800), (.staffReset, 3600)]

    @Test(arguments: lifetimes)
    func tokens_expireAfterTheirPurposesLifetime_andWorkOnce(purpose: TokenPurpose, lifetime: Double) {
        let expiry = purpose.expiry(issuedAt: Self.signIn)
        #expect(expiry == Self.signIn.addingTimeInterval(lifetime))
        #expect(purpose.isUsable(expiresAt: expiry, usedAt: nil, now: expiry.addingTimeInterval(-1)))
        #expect(!purpose.isUsable(expiresAt: expiry, usedAt: nil, now: expiry))
        #expect(!purpose.isUsable(expiresAt: expiry, usedAt: Self.signIn, now: Self.signIn))
    }

    static let addresses: [(String, String)] = [
        ("  Camille.Martin@Exemple.FR ", "camille.martin@exemple.fr"),
        ("a@b.fr", "a@b.fr"),
        ("prenom+portail@sous.domaine-x.fr", "prenom+portail@sous.domaine-x.fr"),
    ]

    @Test(arguments: addresses)
    func emailAddress_isTrimmedAndLowerCased(text: String, normalised: String) {
        #expect(EmailAddress(text)?.value == normalised)
    }

    @Test(arguments: ["", "camille", "camille@", "@exemple.fr", "camille@exemple", "ca mille@exemple.fr", "a@b@c.fr",
                      "camille@exemple..fr", "camille@-exemple.fr", "camille@exemple.f", ".camille@exemple.fr", "camille\r\n@exemple.fr",
                      "camille@exemple.fr\nBcc: x@y.fr"])
    func emailAddress_refusesMalformedAddresses(text: String) {
        #expect(EmailAddress(text) == nil)
    }

    static let signatures: [([UInt8], DocumentFormat)] = [
        (Array("%PDF-1.7\n".utf8), .pdf),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], .png),
    ]

    @Test(arguments: signatures)
    func documentFormat_isDetectedFromTheFirstBytes(bytes: [UInt8], format: DocumentFormat) {
        #expect(DocumentFormat.detect(bytes) == format)
        #expect(DocumentProblem.check(bytes) == .success(format))
    }

    @Test func documents_thatAreNotPDFJPEGOrPNG_orTooLarge_areRefused() {
        #expect(DocumentProblem.check(Array("<html><script>".utf8)) == .failure(.unsupportedFormat))
        #expect(DocumentProblem.check(Array("GIF89a".utf8)) == .failure(.unsupportedFormat))
        #expect(DocumentProblem.check(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)) == .failure(.unsupportedFormat))
        #expect(DocumentProblem.check([]) == .failure(.missing))
        #expect(DocumentProblem.check(Array("%PDF-".utf8) + [UInt8](repeating: 0, count: 6 * 1024 * 1024)) == .failure(.tooLarge))
    }
}
