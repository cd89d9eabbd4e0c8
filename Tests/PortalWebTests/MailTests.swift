import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Delivery that fails for the addresses it is told to, and records the others.
final class RecordingDelivery: MailDelivery, @unchecked Sendable {
    let failing: String
    private let lock = NSLock()
    private var delivered: [(Int64, String)] = []

    init(failing: String) { self.failing = failing }

    func deliver(_ message: String, id: Int64, recipient: String) throws {
        if recipient == failing { throw MailDeliveryError(description: "relais injoignable") }
        lock.withLock { delivered.append((id, recipient)) }
    }

    func count(to recipient: String) -> Int { lock.withLock { delivered.filter { $0.1 == recipient }.count } }
}

@Suite(.serialized) struct MailTests {
    @Test func worker_deliversEachRowOnce_andRetriesFailuresWithBackoff() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let ok = AccountWorld.uniqueEmail("ok"), broken = AccountWorld.uniqueEmail("ko")
        try world.pool.withConnection { connection in
            for recipient in [ok, broken] {
                try Outbox.enqueue(OutgoingMail(tenantID: "cayres-pradelles", fromName: "Portail", replyTo: nil, recipient: recipient,
                                                subject: "Essai", body: "Bonjour"), now: world.clock.now, in: connection)
            }
        }
        let delivery = RecordingDelivery(failing: broken)
        let worker = MailWorker(pool: world.pool, delivery: delivery, fromAddress: "portail@exemple.fr", clock: { world.clock.now })
        while try worker.deliverDue() == MailWorker.batchSize {}
        while try worker.deliverDue() == MailWorker.batchSize {}
        #expect(delivery.count(to: ok) == 1)
        let failed = try #require(try world.mails(to: broken).first)
        #expect(failed.sentAt == nil && failed.attempts == 1 && failed.lastError?.contains("relais injoignable") == true)
        #expect(try world.mails(to: ok).first?.sentAt != nil)
        let failures = try world.pool.withConnection { try Outbox.failures(limit: 500, in: $0) }
        #expect(failures.contains { $0.mail.recipient == broken })
        world.clock.advance(61)
        while try worker.deliverDue() == MailWorker.batchSize {}
        #expect(try world.mails(to: broken).first?.attempts == 2)
        #expect(delivery.count(to: ok) == 1)
    }

    @Test func developmentMailbox_showsTheMessageWithItsLink_andIsAbsentInProduction() throws {
        let directory = NSTemporaryDirectory() + "portal-mail-\(UInt32.random(in: 0...UInt32.max))"
        let world = try AccountWorld(mailDirectory: directory)
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var browser = world.browser()
        browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, FamilyAccountFlowTests.signUpFields(email), clock: world.clock)
        let message = try #require(try world.mails(to: email).first)
        try DirectoryDelivery(directory: directory).deliver(MailMessage.render(message.mail, id: message.id, from: "portail@exemple.fr", date: world.clock.now),
                                                            id: message.id, recipient: email)
        let raw = try String(contentsOfFile: directory + String(format: "/%010lld.eml", message.id), encoding: .utf8)
        #expect(raw.contains("Subject: =?utf-8?B?"))
        #expect(raw.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(raw.contains("Reply-To: <\(world.town.contact.email)>"))
        #expect(raw.contains("\r\n\r\n"))
        let list = browser.get(DevMailRoutes.path + "?a=" + email)
        #expect(list.text.contains("Cayres-Pradelles – Activez votre compte"))
        let page = browser.get(DevMailRoutes.path + String(format: "/%010lld.eml", message.id))
        #expect(page.text.contains("<a href=\"http://cayres-pradelles.localhost:8080/activation?jeton="))
        #expect(browser.get(DevMailRoutes.path + "/..%2f..%2fetc%2fpasswd").status.code == 404)
    }

    @Test(arguments: ["Bonjour,\nVoici le lien : http://x.localhost/activation?jeton=abc\n\nÉlodie — à bientôt = merci",
                      String(repeating: "é", count: 200), "ligne avec espace final \nfin"])
    func quotedPrintable_roundTrips_withShortLines(text: String) {
        let encoded = QuotedPrintable.encode(text)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(QuotedPrintable.decode(encoded) == text)
    }

    static func mail(recipient: String = "famille@exemple.fr", replyTo: String? = "service@exemple.fr",
                     fromName: String = "Portail Famille", subject: String = "Essai") -> OutgoingMail {
        OutgoingMail(tenantID: "cayres-pradelles", fromName: fromName, replyTo: replyTo, recipient: recipient, subject: subject, body: "Bonjour")
    }

    static let injectedAddresses = [
        "famille@exemple.fr\r\nBcc: tous@exemple.fr", "famille@exemple.fr\nBcc: tous@exemple.fr", "famille@exemple.fr\rBcc: tous@exemple.fr",
        "famille@exemple.fr\0", "famille@exemple.fr, tous@exemple.fr", "Espion <espion@exemple.fr>", "famille@exemple.fr tous@exemple.fr",
        "famille@exemple.fr;tous@exemple.fr", "", "sans-arobase",
    ]

    /// Whichever address carries it, a line break or a second address refuses the whole message.
    @Test(arguments: injectedAddresses)
    func addressWithALineBreakOrASecondAddress_refusesTheMessage(address: String) {
        let date = Date(timeIntervalSince1970: 1_767_600_000)
        #expect(throws: UnsafeMailHeader.self) { try MailMessage.render(Self.mail(recipient: address), id: 1, from: "portail@exemple.fr", date: date) }
        #expect(throws: UnsafeMailHeader.self) { try MailMessage.render(Self.mail(replyTo: address), id: 1, from: "portail@exemple.fr", date: date) }
        #expect(throws: UnsafeMailHeader.self) { try MailMessage.render(Self.mail(), id: 1, from: address, date: date) }
    }

    /// Subjects and sender names carry text users typed (a message's subject, a town's name):
    /// CR and LF in them stay inside their own header, encoded, and come back intact.
    @Test(arguments: ["Objet\r\nBcc: espion@exemple.fr\r\n\r\nCorps falsifié", "Objet\nBcc: espion@exemple.fr", "Objet\rBcc: espion@exemple.fr",
                      "=?utf-8?B?QmNjOg==?= \r\n\tBcc: espion@exemple.fr"])
    func lineBreaksInASubjectOrSenderName_neverStartAHeader(text: String) throws {
        let raw = try MailMessage.render(Self.mail(fromName: text, subject: text), id: 1, from: "portail@exemple.fr", date: Date(timeIntervalSince1970: 1_767_600_000))
        let head = try #require(raw.components(separatedBy: "\r\n\r\n").first)
        let lines = head.components(separatedBy: "\r\n")
        #expect(lines.map { $0.prefix { $0 != ":" } } == ["Date", "From", "To", "Reply-To", "Subject", "Message-ID", "MIME-Version",
                                                         "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted"])
        #expect(!raw.contains("\nBcc") && !raw.contains("\rBcc"))
        let subject = try #require(lines.first { $0.hasPrefix("Subject: ") })
        #expect(MailMessage.decodeEncodedWord(String(subject.dropFirst("Subject: ".count))) == text)
        #expect(QuotedPrintable.decode(String(raw[raw.range(of: "\r\n\r\n")!.upperBound...])) == "Bonjour")
    }

    @Test func worker_neverHandsOverAMessageWithAnInjectedRecipient_andKeepsItForOperators() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let injected = AccountWorld.uniqueEmail("victime") + "\r\nBcc: tous@exemple.fr"
        try world.pool.withConnection { try Outbox.enqueue(Self.mail(recipient: injected), now: world.clock.now, in: $0) }
        let delivery = RecordingDelivery(failing: "")
        let worker = MailWorker(pool: world.pool, delivery: delivery, fromAddress: "portail@exemple.fr", clock: { world.clock.now })
        while try worker.deliverDue() == MailWorker.batchSize {}
        #expect(delivery.count(to: injected) == 0)
        let kept = try #require(try world.mails(to: injected).first)
        #expect(kept.sentAt == nil && kept.lastError?.contains("adresse refusée dans l'en-tête To") == true)
    }

    @Test func rfc5322Date_isWrittenByHand() {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_767_600_000)) == "Mon, 05 Jan 2026 08:00:00 +0000")
    }

    /// A mail command that fails, is missing, or exits without reading a message larger than a
    /// pipe holds: each is an error of that delivery, and this process lives on.
    @Test func sendmailCommand_thatFailsOrStopsReading_isAFailedDelivery() throws {
        let directory = NSTemporaryDirectory() + "portal-sendmail-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let failing = directory + "/sendmail"
        try "#!/bin/sh\necho 'relais injoignable' >&2\nexit 75\n".write(toFile: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing)
        let short = "Subject: essai\r\n\r\nBonjour"
        let long = short + String(repeating: "\r\nUne ligne de récapitulatif, pour dépasser ce qu'un tube retient.", count: 5_000)

        let refused = try #require(throws: MailDeliveryError.self) {
            try SendmailDelivery(command: failing + " -t -i").deliver(short, id: 1, recipient: "famille@exemple.fr")
        }
        #expect(refused.description.contains("exited with 75: relais injoignable"))
        #expect(throws: (any Error).self) {
            try SendmailDelivery(command: directory + "/absent -t").deliver(short, id: 2, recipient: "famille@exemple.fr")
        }
        let unread = try #require(throws: MailDeliveryError.self) {
            try SendmailDelivery(command: "/bin/true").deliver(long, id: 3, recipient: "famille@exemple.fr")
        }
        #expect(unread.description.contains("did not read the whole message"))
        try SendmailDelivery(command: "/bin/sh -c cat>" + directory + "/sent").deliver(long, id: 4, recipient: "famille@exemple.fr")
        #expect(try String(contentsOfFile: directory + "/sent", encoding: .utf8).hasPrefix("Subject: essai\n\nBonjour\nUne ligne"))
    }

    /// A relay that hangs (here a command that never reads nor exits) is stopped after the time
    /// limit: the delivery fails and the worker goes on with the next e-mail.
    @Test func sendmailCommand_thatHangs_isStoppedAndIsAFailedDelivery() throws {
        let short = "Subject: essai\r\n\r\nBonjour"
        // Larger than a pipe holds: the write itself blocks until the command is stopped.
        let long = short + String(repeating: "\r\nUne ligne qui remplit le tube.", count: 5_000)
        for message in [short, long] {
            let hung = try #require(throws: MailDeliveryError.self) {
                try SendmailDelivery(command: "/bin/sleep 600", timeLimit: .seconds(1)).deliver(message, id: 5, recipient: "famille@exemple.fr")
            }
            #expect(hung.description.contains("did not finish within 1 s"), "\(hung.description)")
        }
    }
}
