import Foundation
import Testing
import PortalCore

@Suite struct ExportAndErasureTests {
    private func object(_ value: JSONValue?) -> [(key: String, value: JSONValue)] {
        if case .object(let members)? = value { return members }
        Issue.record("not an object: \(String(describing: value))")
        return []
    }

    private func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
        object(value).first { $0.key == key }?.value
    }

    private func firstItem(_ value: JSONValue?) -> JSONValue? {
        if case .array(let items)? = value { return items.first }
        return nil
    }

    @Test func export_listsEverySectionInOrder_withValuesAsPeopleReadThem() throws {
        let request = try allergyAndPhoneRequest()
        let export = DossierExport.build(martinDossier(), requests: [request], townName: "Cayres-Pradelles", generatedAt: decidedAt,
                                         account: [("Adresse de connexion", .string("marie.martin@example.fr"))])
        #expect(object(export).map(\.key) == ["Commune", "Export établi le", "Dossier famille", "Responsables", "Enfants",
                                               "Personnes habilitées", "Quotient familial", "Demandes de modification du dossier", "Compte"])
        let marie = firstItem(member(export, "Responsables"))
        #expect(member(marie, "IBAN") == .string("FR76 3000 6000 0112 3456 7890 189"))
        #expect(member(marie, "Téléphone portable") == .string("06 12 34 56 78"))
        #expect(member(marie, "Domicilié(e) sur le territoire") == .string("Oui"))
        let lea = firstItem(member(export, "Enfants"))
        #expect(member(lea, "Date de naissance") == .string("09/03/2019"))
        #expect(member(member(lea, "Fiche sanitaire"), "Allergies") == .string("Arachide"))
        #expect(member(member(export, "Quotient familial"), "Quotient familial") == .string("850 €"))
        let change = firstItem(member(firstItem(member(export, "Demandes de modification du dossier")), "Modifications"))
        #expect(member(change, "Fiche") == .string("Fiche sanitaire : Léa Martin"))
        #expect(member(change, "Nouvelle valeur") == .string("Arachide, kiwi"))
        #expect(member(change, "Réponse") == .string("En attente de validation"))
    }

    @Test func exportJSON_parsesBack_keepingOrderAndEscapes() throws {
        var dossier = martinDossier()
        dossier.children[0].health.notes = "Dit \"non\" à la sieste\nEt pleure\u{1}"
        let export = DossierExport.build(dossier, requests: [], townName: "Clermontais", generatedAt: decidedAt)
        let parsed = try JSONValue.parse(Array(export.rendered().utf8))
        #expect(parsed == export)
    }

    @Test func erasure_keepsOnlyTheNamesInvoicesNeed() {
        var generator = SeededGenerator(state: 7)
        let code = SubscriberCode.generate(using: &generator)
        let erased = DossierAnonymisation.anonymise(martinDossier(), replacementCode: code)
        #expect(erased.name == "MARTIN")
        #expect(erased.subscriberCode == code.value)
        var keptGuardian = Guardian(id: 11)
        keptGuardian.lastName = "Martin"
        keptGuardian.firstNames = "Marie"
        #expect(erased.guardians == [keptGuardian])
        var placeholder = Child(id: 21)
        placeholder.lastName = "Anonymisé"
        placeholder.firstNames = "Enfant 1"
        #expect(erased.children == [placeholder])
        #expect(erased.children[0].health == HealthRecord())
        #expect(erased.contacts.isEmpty)
        #expect(erased.fiscal == nil)
    }
}
