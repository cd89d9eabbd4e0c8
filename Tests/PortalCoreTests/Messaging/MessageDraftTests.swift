import Foundation
import Testing
import PortalCore

struct MessageDraftTests {
    static let config = MessagingConfig(services: [MessagingService(code: "dossier-famille", label: "Données du Dossier Famille")],
                                        themes: ["Informations", "Modifications", "Réclamations"], maxAttachmentBytes: 6_291_456)

    @Test func completeDraft_hasNoProblem() {
        let draft = MessageDraft(serviceCode: "dossier-famille", theme: "Modifications", subject: "Actualisation", body: "Bonjour")
        #expect(draft.problems(in: Self.config).isEmpty)
    }

    @Test(arguments: [
        (MessageDraft(serviceCode: "alsh", theme: "Modifications", subject: "Objet", body: "Texte"), ["service"]),
        (MessageDraft(serviceCode: "dossier-famille", theme: "Autre", subject: "Objet", body: "Texte"), ["theme"]),
        (MessageDraft(serviceCode: "", theme: "", subject: "", body: ""), ["service", "theme", "objet", "message"]),
        (MessageDraft(serviceCode: "dossier-famille", theme: "Informations", subject: String(repeating: "a", count: 201), body: "Texte"), ["objet"]),
        (MessageDraft(serviceCode: "dossier-famille", theme: "Informations", subject: "Objet", body: String(repeating: "a", count: 10_001)), ["message"]),
    ])
    func incompleteDraft_namesEachFieldInFormOrder(draft: MessageDraft, fields: [String]) {
        #expect(draft.problems(in: Self.config).map(\.field) == fields)
    }

    @Test(arguments: [(0, "0 min"), (45 * 60, "45 min"), (3 * 3600 + 5 * 60, "3 h 05"), (23 * 3600 + 59 * 60, "23 h 59"), (2 * 86_400 + 4 * 3600, "2 j 4 h")])
    func waitingTime_isWrittenTheFrenchWay(seconds: Int, text: String) {
        let start = Date(timeIntervalSince1970: 1_767_600_000)
        #expect(WaitingTime.french(from: start, to: start.addingTimeInterval(TimeInterval(seconds))) == text)
    }
}
