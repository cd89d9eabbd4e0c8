import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// A family account cannot fill the town's database: past its daily upload quota, a justificatif
/// or an attachment is refused in French with what was typed kept, and the next day it goes.
@Suite(.serialized) struct UploadQuotaWebTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
                               0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0] + [UInt8](repeating: 1, count: 100)

    @Test func twentyFirstJustificatifOfTheDay_isRefused_titleKept_andGoesTheNextDay() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var family = try world.signedInFamily(email)
        let accountID = try world.transaction { try AccountStore.find(email: EmailAddress(email)!, in: $0)!.id }
        try world.transaction { connection in
            for number in 1...20 {
                try DocumentStore.insert(accountID: accountID, title: "Pièce \(number)", fileName: "piece.png", format: .png, bytes: Self.png,
                                         now: world.clock.now.addingTimeInterval(-3600), in: connection)
            }
        }
        family.get(SpacePaths.documents)
        let refused = family.multipart(SpacePaths.documents, fields: ["csrf": family.csrf, "titre": "Attestation CAF 2026"],
                                       file: ("fichier", "caf.png", "image/png", Self.png))
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("Vous avez déjà envoyé 20 fichier(s) ces dernières 24 heures : 20 au plus."))
        #expect(refused.text.contains("value=\"Attestation CAF 2026\""))
        #expect(try world.transaction { try DocumentStore.list(accountID: accountID, in: $0) }.count == 20)

        try world.transaction { _ = try $0.execute("UPDATE account_documents SET uploaded_at = uploaded_at - interval '1 day'") }
        let accepted = family.multipart(SpacePaths.documents, fields: ["csrf": family.csrf, "titre": "Attestation CAF 2026"],
                                        file: ("fichier", "caf.png", "image/png", Self.png))
        #expect(accepted.headers["location"] == SpacePaths.documents + "?ok=document")
    }

    @Test func attachmentsPastTheDailyQuota_areRefused_theMessageKept_andAMessageWithoutFilesGoes() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var family = try world.signedInFamily(email, tenant: world.saintAubin)
        let accountID = try world.transaction(world.saintAubin) { try AccountStore.find(email: EmailAddress(email)!, in: $0)!.id }
        let files = (1...3).map { NewAttachment(fileName: "piece\($0).png", format: .png, bytes: Self.png) }
        try world.transaction(world.saintAubin) { connection in
            for number in 1...10 {
                _ = try MessageStore.startThread(accountID: accountID, draft: MessageDraft(serviceCode: "dossier-famille", theme: "Modifications",
                                                                                           subject: "Envoi \(number)", body: "Pièces"),
                                                 attachments: files, now: world.clock.now, in: connection)
            }
        }
        let refused = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, MessagingTests.annualUpdate,
                                             files: [.png("piece_1")])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("Vous avez déjà envoyé 30 fichier(s) ces dernières 24 heures : 30 au plus."))
        #expect(refused.text.contains("Veuillez trouver ci-joint le justificatif de domicile."))
        #expect(try world.threadCount(world.saintAubin) == 10)
        let withoutFiles = family.submitMultipart(from: MessagingPaths.compose, to: MessagingPaths.compose, MessagingTests.annualUpdate,
                                                  files: [.empty("piece_1")])
        #expect(withoutFiles.status.code == 303)
    }
}
