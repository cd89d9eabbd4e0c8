import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// A child's photo and the removal of a child or contact, through the pages, as change requests.
@Suite(.serialized) struct DossierPhotoAndRemovalTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array("JFIF photo de Léa".utf8) + [UInt8](repeating: 9, count: 200)

    private func childForm(_ scene: DossierScene) -> String { DossierPaths.record(scene.martinFile.familyID, .child, scene.martinChild) }

    /// Sends the child form as a browser does: multipart, with the page's hidden fields.
    private func sendChildForm(_ scene: inout DossierScene, _ fields: [String: String], photo: [UInt8]?) -> HTTPResponse {
        let form = childForm(scene)
        scene.martin.get(form)
        let file = photo.map { (name: "photo", filename: "lea.jpg", type: "image/jpeg", bytes: $0) }
        return scene.martin.multipart(form, fields: scene.martin.hiddenFields().merging(fields) { $1 }, file: file)
    }

    private func requests(_ scene: DossierScene, _ familyID: Int64? = nil) throws -> [ChangeRequest] {
        try scene.world.transaction { try ChangeRequestStore.list(familyID: familyID ?? scene.martinFile.familyID, in: $0) }.map(\.request)
    }

    private func photoPath(in page: String) -> String? {
        page.firstMatch(of: /src="(\/dossier\/\d+\/photos\/[0-9a-f]{64})"/).map { String($0.1) }
    }

    @Test func photo_isPendingBesideTheCurrentOne_untilStaffAccept_andIsServedPrivately() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        #expect(scene.martin.get(childForm(scene)).text.contains("enctype=\"multipart/form-data\""))
        #expect(sendChildForm(&scene, [:], photo: Self.jpeg).status.code == 303)

        let form = scene.martin.get(childForm(scene)).text
        #expect(form.contains("Nouvelle photo en attente de validation"))
        #expect(form.contains("Pas de photo enregistrée."))
        let path = try #require(photoPath(in: form))
        let served = scene.martin.get(path)
        #expect(served.status.code == 200)
        #expect(served.body == Self.jpeg)
        #expect(served.headers["content-type"] == "image/jpeg")
        #expect(served.headers["cache-control"] == "private, no-store")
        #expect(served.headers["x-content-type-options"] == "nosniff")
        #expect(scene.martin.get(SpacePaths.requests).text.contains("Photo (Léa Martin)"))

        var agent = try scene.world.signedInStaff(role: .agent)
        let id = try #require(try requests(scene).first?.id)
        let request = agent.get(StaffDossierPaths.request(id)).text
        let reference = String(path.split(separator: "/").last!)
        let staffPath = StaffDossierPaths.photo(scene.martinFile.familyID, reference)
        #expect(request.contains("src=\"\(staffPath)\""))
        #expect(agent.get(staffPath).body == Self.jpeg)
        agent.get(StaffDossierPaths.request(id))
        #expect(agent.post(StaffDossierPaths.request(id), agent.hiddenFields().merging(["tout": "accepter"]) { $1 }).status.code == 303)

        let lea = try scene.world.transaction { try DossierStore.load(familyID: scene.martinFile.familyID, in: $0) }?.children[0]
        #expect(lea?.photo == reference)
        let after = scene.martin.get(childForm(scene)).text
        #expect(after.contains("alt=\"Photo actuelle\""))
        #expect(!after.contains("en attente de validation"))
        #expect(scene.martin.get(DossierPaths.family(scene.martinFile.familyID)).text.contains("alt=\"Photo de Léa\""))
        #expect(agent.get(StaffDossierPaths.family(scene.martinFile.familyID)).text.contains("src=\"\(staffPath)\""))
    }

    @Test func photo_isNeverServedToAnotherFamily_whateverIdIsGuessed() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        sendChildForm(&scene, [:], photo: Self.jpeg)
        let path = try #require(photoPath(in: scene.martin.get(childForm(scene)).text))
        let reference = String(path.split(separator: "/").last!)
        let durand = scene.durandFile.familyID
        for guess in [path, DossierPaths.photo(durand, reference), DossierPaths.photo(durand, "1"), DossierPaths.photo(scene.martinFile.familyID, "1")] {
            #expect(scene.durand.get(guess).status.code == 404, "GET \(guess)")
        }
        #expect(scene.martin.get(DossierPaths.photo(durand, reference)).status.code == 404)
        #expect(scene.martin.get(StaffDossierPaths.photo(scene.martinFile.familyID, reference)).status.code == 403)
        var agent = try scene.world.signedInStaff(role: .agent)
        #expect(agent.get(StaffDossierPaths.photo(durand, reference)).status.code == 404)
        var anonymous = scene.world.browser()
        #expect(anonymous.get(path).status.code == 303)
    }

    enum BadFile: String, CaseIterable {
        case pdf, jpegOver2Mo

        var bytes: [UInt8] {
            switch self {
            case .pdf: Array("%PDF-1.7 pas une photo".utf8)
            case .jpegOver2Mo: [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: ChildPhoto.maximumBytes)
            }
        }
    }

    @Test(arguments: [(BadFile.pdf, "n&#39;est pas une photo JPEG ou PNG"), (.jpegOver2Mo, "dépasse 2 Mo")])
    func failedUpload_showsWhy_keepsTheRestOfTheForm_andRecordsNothing(file: BadFile, message: String) throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let response = sendChildForm(&scene, ["school": "Ecole du Bourg", "school_class": "CE1"], photo: file.bytes)
        #expect(response.status.code == 422)
        #expect(response.text.contains(message) || response.text.contains(message.replacing("&#39;", with: "'")))
        #expect(response.text.contains("value=\"Ecole du Bourg\""))
        #expect(response.text.contains("<option value=\"CE1\" selected>"))
        #expect(try requests(scene).isEmpty)
        let stored = try scene.world.transaction { try $0.query("SELECT count(*)::int AS n FROM child_photos")[0].decode("n", as: Int.self) }
        #expect(stored == 0)
    }

    @Test func photoReference_typedIntoTheForm_isIgnored() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let form = childForm(scene)
        let response = scene.martin.submit(from: form, to: form, ["photo": String(repeating: "a", count: 64)])
        #expect(response.status.code == 422)
        #expect(try requests(scene).isEmpty)
    }

    @Test(arguments: [("POST", true, true), ("POST", false, false), ("GET", true, false)])
    func largerBody_isAllowedOnTheChildFormOnly(method: String, childForm: Bool, larger: Bool) {
        let path = childForm ? DossierPaths.record(7, .child, 21) : DossierPaths.record(7, .health, 21)
        #expect((PortalApplication.bodyLimit(method: method, path: path) > ChildPhoto.maximumBytes) == larger)
        #expect(PortalApplication.bodyLimit(method: "POST", path: path + "/x") == 1024 * 1024)
    }

    @Test func contactRemoval_isAskedThenAccepted_andTheFamilyIsToldByEmail() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let familyID = scene.martinFile.familyID
        let contact = try scene.world.transaction { connection -> Int64 in
            let dossier = try #require(try DossierStore.load(familyID: familyID, in: connection))
            var withContact = dossier
            var paul = AuthorizedContact()
            paul.lastName = "Roux"
            paul.firstNames = "Paul"
            paul.relation = "Grand-père"
            paul.phone = "0471000000"
            withContact.contacts = [paul]
            return try DossierStore.save(withContact, previous: dossier, in: connection).contacts[0].id!
        }
        let form = DossierPaths.record(familyID, .contact, contact)
        #expect(scene.martin.get(form).text.contains("action=\"\(DossierPaths.removal(familyID, .contact, contact))\""))
        let asked = scene.martin.post(DossierPaths.removal(familyID, .contact, contact), scene.martin.hiddenFields())
        #expect(asked.headers["location"] == DossierPaths.family(familyID) + "?ok=demande-retrait")
        let overview = scene.martin.get(DossierPaths.family(familyID)).text
        #expect(overview.contains("Retrait du dossier demandé, en attente de validation"))
        #expect(overview.contains("Personne habilitée : Paul Roux – Retrait du dossier (en attente)"))
        #expect(scene.martin.get(form).text.contains("Retrait du dossier demandé, en attente de validation."))
        let again = scene.martin.post(DossierPaths.removal(familyID, .contact, contact), scene.martin.hiddenFields())
        #expect(again.headers["location"] == DossierPaths.family(familyID) + "?ok=retrait-en-attente")

        var agent = try scene.world.signedInStaff(role: .agent)
        let id = try #require(try requests(scene).first?.id)
        #expect(agent.get(StaffDossierPaths.request(id)).text.contains("La famille demande le retrait de cette personne du dossier."))
        #expect(agent.post(StaffDossierPaths.request(id), agent.hiddenFields().merging(["d0": "accepter"]) { $1 }).status.code == 303)
        #expect(try scene.world.transaction { try DossierStore.load(familyID: familyID, in: $0) }?.contacts.isEmpty == true)
        #expect(scene.martin.get(form).status.code == 404)
        let mail = try #require(try scene.world.lastMail(to: scene.martinEmail))
        #expect(mail.body.contains("Retrait du dossier (Personne habilitée : Paul Roux) : acceptée"))
    }

    @Test func removedChild_keepsNothingPending() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let familyID = scene.martinFile.familyID
        scene.martin.submit(from: scene.healthForm, to: scene.healthForm, ["allergies": "Kiwi"])
        sendChildForm(&scene, [:], photo: Self.jpeg)
        scene.martin.get(childForm(scene))
        #expect(scene.martin.post(DossierPaths.removal(familyID, .child, scene.martinChild), scene.martin.hiddenFields()).status.code == 303)
        let removal = try #require(try requests(scene).first { $0.changes.contains { $0.target.isRemoval } })

        var director = try scene.world.signedInStaff(role: .director)
        #expect(director.get(StaffDossierPaths.request(removal.id!)).text.contains("sa fiche sanitaire et sa photo sont supprimées"))
        #expect(director.post(StaffDossierPaths.request(removal.id!), director.hiddenFields().merging(["tout": "accepter"]) { $1 }).status.code == 303)

        #expect(try requests(scene).map(\.status).sorted { $0.rawValue < $1.rawValue } == [.accepted, .refused, .refused])
        #expect(try scene.world.transaction { try ChangeRequestStore.pendingChanges(familyID: familyID, in: $0) }.isEmpty)
        #expect(!director.get(StaffDossierPaths.queue).text.contains("MARTIN"))
        let overview = scene.martin.get(DossierPaths.family(familyID)).text
        #expect(!overview.contains("Léa"))
        #expect(!overview.contains("en attente"))
        #expect(scene.martin.get(childForm(scene)).status.code == 404)
        let photos = try scene.world.transaction { try $0.query("SELECT count(*)::int AS n FROM child_photos")[0].decode("n", as: Int.self) }
        #expect(photos == 0)
    }

    @Test func removal_ofAnotherFamilysRecord_orOfAGuardian_isNotFound() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let martin = scene.martinFile.familyID, durand = scene.durandFile.familyID
        let durandChild = scene.durandFile.children[0].id!
        scene.martin.get(DossierPaths.family(martin))
        let csrf = scene.martin.hiddenFields()
        for path in [DossierPaths.removal(martin, .child, durandChild), DossierPaths.removal(durand, .child, durandChild),
                     DossierPaths.removal(martin, .guardian, scene.martinFile.guardians[0].id!),
                     DossierPaths.removal(martin, .health, scene.martinChild)] {
            #expect(scene.martin.post(path, csrf).status.code == 404, "POST \(path)")
        }
        #expect(try requests(scene).isEmpty)
        #expect(try requests(scene, durand).isEmpty)
    }
}
