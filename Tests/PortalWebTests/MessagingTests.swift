import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct MessagingTests {
    static let annualUpdate = ["service": "dossier-famille", "theme": "Modifications", "objet": "Actualisation",
                               "message": "Bonjour,\n\nVeuillez trouver ci-joint le justificatif de domicile.\n\nCordialement"]

    @Test func familyMessageWithTwoAttachments_reachesTheServiceInbox_andIsConfirmedByMail() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var family = try world.signedInFamily(email, tenant: world.saintAubin)
        let sent = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, Self.annualUpdate,
                                          files: [.pdf("piece_1", "assurance habitation.pdf"), .png("piece_2"), .empty("piece_3")])
        #expect(sent.status.code == 303)
        let location = try #require(sent.headers["location"])
        #expect(location.hasPrefix("/messagerie/fils/"))
        let thread = family.get(location)
        #expect(thread.status.code == 200)
        #expect(thread.text.contains("Données du Dossier Famille"))
        #expect(thread.text.contains("assurance_habitation.pdf"))
        #expect(thread.text.contains("photo.png"))
        let receipt = try #require(try world.lastMail(to: email))
        #expect(receipt.subject.contains("Votre message a bien été envoyé"))
        #expect(receipt.body.contains("« Actualisation »") && receipt.body.contains("Données du Dossier Famille"))

        var staff = try world.signedInStaff(role: .agent, tenant: world.saintAubin)
        let inbox = staff.get(MessagingPaths.staffService("dossier-famille"))
        #expect(inbox.text.contains("Actualisation"))
        let threadIDs = staff.linkedIDs("/gestion/messagerie/fils/")
        #expect(threadIDs.count == 1)
        let staffView = staff.get(MessagingPaths.staffThread(threadIDs[0]))
        #expect(staffView.text.contains("justificatif de domicile"))
        #expect(staff.linkedIDs("/gestion/messagerie/pieces-jointes/").count == 2)
    }

    @Test func executableNamedPDF_isRefused_andTheTypedMessageComesBack() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var family = try world.signedInFamily(tenant: world.saintAubin)
        let refused = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, Self.annualUpdate,
                                             files: [.pdf("piece_1"), .elfNamedPDF("piece_2")])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("2e pièce jointe (« attestation.pdf ») : ce fichier n&#39;est ni un PDF, ni une image JPEG ou PNG"))
        #expect(refused.text.contains("value=\"Actualisation\""))
        #expect(refused.text.contains("Veuillez trouver ci-joint le justificatif de domicile."))
        #expect(refused.text.contains("<option value=\"dossier-famille\" selected>"))
        #expect(refused.text.contains("<option value=\"Modifications\" selected>"))
        #expect(try world.threadCount(world.saintAubin) == 0)
    }

    @Test func attachmentOverTheTownsLimit_isRefusedWithThatLimit() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        // Cayres-Pradelles allows 5 Mo per file.
        var family = try world.signedInFamily()
        let fields = ["service": "alsh", "theme": "Informations", "objet": "Certificat", "message": "Voici le certificat."]
        let tooLarge = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, fields,
                                              files: [.pdf("piece_1", size: 5 * 1_048_576 + 1)])
        #expect(tooLarge.status.code == 422)
        #expect(tooLarge.text.contains("le fichier dépasse 5 Mo"))
        #expect(try world.threadCount(world.town) == 0)
        let atLimit = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, fields,
                                             files: [.pdf("piece_1", size: 5 * 1_048_576)])
        #expect(atLimit.status.code == 303)
    }

    @Test func serviceOrThemeNotInTheTenantFile_isRefused() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var family = try world.signedInFamily(tenant: world.saintAubin)
        var fields = Self.annualUpdate
        fields["service"] = "alsh"
        fields["theme"] = "Documents"
        let refused = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, fields, files: [])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("Choisissez le service à qui écrire."))
        #expect(refused.text.contains("Choisissez le thème de votre message."))
    }

    @Test func uploadBodyLimit_allowsThreeAttachments_onTheMessageRoutesOnly() {
        let three = 3 * DocumentFormat.maximumBytes
        #expect(PortalApplication.bodyLimit(method: "POST", path: MessagingPaths.compose) > three)
        #expect(PortalApplication.bodyLimit(method: "POST", path: MessagingPaths.thread(42)) > three)
        #expect(PortalApplication.bodyLimit(method: "GET", path: MessagingPaths.compose) == 1024 * 1024)
        #expect(PortalApplication.bodyLimit(method: "POST", path: "/messagerie/fils/42/autre") == 1024 * 1024)
        #expect(PortalApplication.bodyLimit(method: "POST", path: MessagingPaths.staffThread(42)) == 1024 * 1024)
        #expect(PortalApplication.bodyLimit(method: "POST", path: "/connexion") == 1024 * 1024)
    }

    /// Sends the annual-update message as a new family of Saint-Aubin; returns its thread id and attachment ids.
    static func sendMessage(_ world: AccountWorld, email: String = AccountWorld.uniqueEmail()) throws -> (Browser, Int64, [Int64]) {
        var family = try world.signedInFamily(email, tenant: world.saintAubin)
        let sent = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, annualUpdate, files: [.pdf("piece_1")])
        let location = try #require(sent.headers["location"])
        let id = try #require(Int64(location.dropFirst("/messagerie/fils/".count).prefix { $0.isNumber }))
        family.get(MessagingPaths.thread(id))
        return (family, id, family.linkedIDs("/messagerie/pieces-jointes/"))
    }

    @Test func attachment_isDownloadedByItsFamilyAndStaff_asAnAttachment_andByNoOtherFamily() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var (family, _, attachments) = try Self.sendMessage(world)
        let attachment = try #require(attachments.first)
        let own = family.get(MessagingPaths.attachment(attachment))
        #expect(own.status.code == 200)
        #expect(own.headers["content-type"] == "application/pdf")
        #expect(own.headers["content-disposition"] == "attachment; filename=\"justificatif.pdf\"")
        #expect(own.headers["x-content-type-options"] == "nosniff")
        #expect(own.body.starts(with: Array("%PDF-".utf8)))

        var other = try world.signedInFamily(tenant: world.saintAubin)
        #expect(other.get(MessagingPaths.attachment(attachment)).status.code == 404)
        #expect(other.get(MessagingPaths.attachment(attachment + 1)).status.code == 404)
        var staff = try world.signedInStaff(role: .agent, tenant: world.saintAubin)
        #expect(staff.get(MessagingPaths.staffAttachment(attachment)).status.code == 200)
        // A family cannot use the staff path, and nobody signed out gets the file.
        #expect(other.get(MessagingPaths.staffAttachment(attachment)).status.code == 403)
        var anonymous = world.browser(world.saintAubin)
        #expect(anonymous.get(MessagingPaths.attachment(attachment)).status.code == 303)
        // The same id on another town's portal names nothing there.
        var elsewhere = try world.signedInStaff(role: .admin, tenant: world.town)
        #expect(elsewhere.get(MessagingPaths.staffAttachment(attachment)).status.code == 404)
    }

    @Test func anotherFamilysThread_isNotFound_forReadingOrReplying() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let (_, thread, _) = try Self.sendMessage(world)
        var other = try world.signedInFamily(tenant: world.saintAubin)
        #expect(other.get(MessagingPaths.thread(thread)).status.code == 404)
        let reply = other.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.thread(thread), ["message": "Intrusion"], files: [])
        #expect(reply.status.code == 404)
        let count: Int = try world.transaction(world.saintAubin) { try $0.query("SELECT count(*)::int AS n FROM messages WHERE body = 'Intrusion'")[0].decode("n") }
        #expect(count == 0)
    }

    @Test func staffReplies_areCountedUnreadOnTheTab_untilTheFamilyOpensTheThread_andEachIsMailed() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var (family, thread, _) = try Self.sendMessage(world, email: email)
        var staff = try world.signedInStaff(role: .agent, tenant: world.saintAubin)
        let home = staff.get(MessagingPaths.staffHome).text
        #expect(home.contains("<td>1</td><td>1</td><td>1</td>"))
        world.clock.advance(25 * 60)
        let staffThread = staff.get(MessagingPaths.staffThread(thread)).text
        #expect(staffThread.contains("depuis 25 min"))
        for answer in ["Bien reçu, merci.", "Votre dossier est à jour."] {
            let reply = staff.submit(from: MessagingPaths.staffThread(thread), to: MessagingPaths.staffThread(thread), ["message": answer])
            #expect(reply.status.code == 303)
        }
        #expect(staff.get(MessagingPaths.staffHome).text.contains("<td>1</td><td>0</td><td>0</td><td>–</td>"))
        let mails = try world.mails(to: email)
        #expect(mails.filter { $0.mail.subject.contains("Réponse à votre message « Actualisation »") }.count == 2)

        let received = family.get(MessagingPaths.received).text
        #expect(received.contains("Messagerie<span class=\"badge\"><span aria-hidden=\"true\"> 2</span>"))
        #expect(received.contains("Vous avez 2 messages non lus."))
        #expect(family.get("/").text.contains("Vous avez 2 messages non lus."))
        #expect(family.get(MessagingPaths.sent).text.contains("Messages envoyés (1)"))
        let opened = family.get(MessagingPaths.thread(thread)).text
        #expect(opened.contains("Votre dossier est à jour."))
        #expect(!opened.contains("class=\"badge\""))
        #expect(family.get(MessagingPaths.received).text.contains("Vous n&#39;avez aucun message non lu."))
    }

    @Test func replyWithARefusedAttachment_keepsTheTypedReply_andAddsNothing() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var (family, thread, _) = try Self.sendMessage(world)
        let refused = family.submitMultipart(from: MessagingPaths.thread(thread), to: MessagingPaths.thread(thread),
                                             ["message": "Voici la fiche signée."], files: [.empty("piece_1"), .elfNamedPDF("piece_2")])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains(">Voici la fiche signée.</textarea>"))
        #expect(refused.text.contains("2e pièce jointe (« attestation.pdf »)"))
        let messages: Int = try world.transaction(world.saintAubin) { try $0.query("SELECT count(*)::int AS n FROM messages WHERE thread_id = \(thread)")[0].decode("n") }
        #expect(messages == 1)
        var staff = try world.signedInStaff(role: .agent, tenant: world.saintAubin)
        let empty = staff.submit(from: MessagingPaths.staffThread(thread), to: MessagingPaths.staffThread(thread), ["message": "   "])
        #expect(empty.status.code == 422)
        #expect(empty.text.contains("Écrivez votre message."))
    }

    @Test func closing_stopsTheWaitingClock_andAFamilyReplyReopensTheThread() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var (family, thread, _) = try Self.sendMessage(world)
        var staff = try world.signedInStaff(role: .admin, tenant: world.saintAubin)
        let staffID: Int64 = try world.transaction(world.saintAubin) { try $0.query("SELECT max(id) AS id FROM staff_accounts")[0].decode("id") }
        #expect(staff.submit(from: MessagingPaths.staffThread(thread), to: MessagingPaths.staffAssign(thread), ["agent": "\(staffID)"]).status.code == 303)
        #expect(staff.get(MessagingPaths.staffService("dossier-famille")).text.contains("<td>Agent admin</td>"))
        #expect(staff.submit(from: MessagingPaths.staffThread(thread), to: MessagingPaths.staffAssign(thread), ["agent": "999999"]).status.code == 400)
        #expect(staff.submit(from: MessagingPaths.staffThread(thread), to: MessagingPaths.staffStatus(thread), ["statut": "closed"]).status.code == 303)
        #expect(staff.get(MessagingPaths.staffService("dossier-famille")).text.contains("Aucune conversation."))
        #expect(staff.get(MessagingPaths.staffService("dossier-famille") + "?statut=cloturees").text.contains("Clôturée"))

        let reply = family.submitMultipart(from: MessagingPaths.thread(thread), to: MessagingPaths.thread(thread), ["message": "Une précision encore."], files: [])
        #expect(reply.status.code == 303)
        let reopened = staff.get(MessagingPaths.staffService("dossier-famille")).text
        #expect(reopened.contains("Actualisation") && reopened.contains("En cours"))
        #expect(staff.submit(from: MessagingPaths.staffThread(thread), to: MessagingPaths.staffStatus(thread), ["statut": "closed"]).status.code == 303)
        #expect(staff.submit(from: MessagingPaths.staffThread(thread), to: MessagingPaths.staffStatus(thread), ["statut": "open"]).status.code == 303)
        #expect(staff.get(MessagingPaths.staffThread(thread)).text.contains("État : En cours"))
    }

    @Test(arguments: [MessagingPaths.received, MessagingPaths.sent, MessagingPaths.compose, MessagingPaths.thread(1),
                      MessagingPaths.attachment(1), MessagingPaths.staffHome, MessagingPaths.staffThread(1)])
    func messagingURLs_answer404_inATownWithoutTheTab(path: String) throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var anonymous = world.browser(world.valDeLauze)
        #expect(anonymous.get(path).status.code == 404)
        var family = try world.signedInFamily(tenant: world.valDeLauze)
        #expect(family.get(path).status.code == 404)
        #expect(!family.lastPage.contains("href=\"/messagerie\""))
    }

    @Test func tabs_followEachTownsFileInItsOrder() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        for tenant in [world.saintAubin, world.valDeLauze] {
            var browser = world.browser(tenant)
            let page = browser.get("/").text
            let nav = try #require(page.firstMatch(of: /<nav class="tabs"[^>]*>(.*?)<\/nav>/)).1
            let shown = nav.matches(of: /href="([^"]+)"/).map { String($0.1) }
            #expect(shown == tenant.tabs.map(TabPaths.path(for:)))
            for tab in PortalTab.allCases where tab != .dossier {
                let status = browser.get(TabPaths.path(for: tab)).status.code
                #expect(tenant.tabs.contains(tab) ? status != 404 : status == 404, "\(tenant.id) \(tab)")
            }
        }
    }
}
