import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// A town with two families, each with a signed-in guardian: Martin (Léa) and Durand (Hugo).
/// Shared with the photo and removal tests.
struct DossierScene {
    let world: AccountWorld
    var martin: Browser
    var durand: Browser
    let martinEmail: String
    let martinFile: Family
    let durandFile: Family

    init() throws {
        world = try AccountWorld()
        martinEmail = AccountWorld.uniqueEmail("martin")
        let durandEmail = AccountWorld.uniqueEmail("durand")
        let world = self.world
        func file(_ name: String, child: String, email: String) throws -> Family {
            let accountID = try world.familyAccount(email)
            return try world.transaction { connection in
                var guardian = Guardian()
                guardian.lastName = name
                guardian.firstNames = "Camille"
                let created = try DossierStore.createFamily(name: name.uppercased(), firstGuardian: guardian, now: world.clock.now, in: connection)
                var full = created
                var kid = Child()
                kid.lastName = name
                kid.firstNames = child
                kid.birthDate = LocalDate(iso: "2019-03-09")
                kid.health.allergies = "Arachide"
                full.children = [kid]
                try FamilyStore.subscribe(accountID: accountID, familyID: created.familyID, now: world.clock.now, in: connection)
                return try DossierStore.save(full, previous: created, in: connection)
            }
        }
        martinFile = try file("Martin", child: "Léa", email: martinEmail)
        durandFile = try file("Durand", child: "Hugo", email: durandEmail)
        martin = Self.signIn(world, martinEmail)
        durand = Self.signIn(world, durandEmail)
    }

    static func signIn(_ world: AccountWorld, _ email: String) -> Browser {
        var browser = world.browser()
        let response = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "sign-in failed")
        return browser
    }

    var martinChild: Int64 { martinFile.children[0].id! }
    var healthForm: String { DossierPaths.record(martinFile.familyID, .health, martinChild) }

    func drop() { world.drop() }
}

@Suite(.serialized) struct DossierPageTests {
    @Test func allergyChange_isPendingUntilStaffAccept_thenTheFamilySeesItAndGetsAnEmail() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let form = scene.healthForm
        let sent = scene.martin.submit(from: form, to: form, ["allergies": "Arachide, kiwi"])
        #expect(sent.status.code == 303)
        #expect(scene.martin.get(form).text.contains("En attente de validation"))
        #expect(scene.martin.lastPage.contains("Arachide, kiwi"))
        #expect(scene.martin.get(SpacePaths.requests).text.contains("Modification du dossier famille"))

        var director = try scene.world.signedInStaff(role: .director)
        let queue = director.get(StaffDossierPaths.queue).text
        let requestPath = try #require(queue.firstMatch(of: /href="(\/gestion\/dossier\/demandes\/\d+)"/).map { String($0.1) })
        #expect(director.get(requestPath).text.contains("Arachide, kiwi"))
        let decided = director.post(requestPath, director.hiddenFields().merging(["d0": "accepter"]) { $1 })
        #expect(decided.status.code == 303)

        let updated = try scene.world.transaction { try DossierStore.load(familyID: scene.martinFile.familyID, in: $0) }
        #expect(updated?.children[0].health.allergies == "Arachide, kiwi")
        #expect(!scene.martin.get(form).text.contains("En attente de validation"))
        let mail = try #require(try scene.world.lastMail(to: scene.martinEmail))
        #expect(mail.subject.contains("acceptée"))
        #expect(mail.body.contains("Allergies (Fiche sanitaire : Léa Martin) : acceptée"))
        #expect(!mail.body.contains("kiwi"))
    }

    @Test func invalidValue_isRefusedOnTheFormInFrench_andNothingIsRecorded() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let form = scene.healthForm
        let response = scene.martin.submit(from: form, to: form, ["doctor_phone": "12345"])
        #expect(response.status.code == 422)
        #expect(response.text.contains(PhoneNumber.frenchProblem.replacing("'", with: "&#39;")) || response.text.contains("Numéro de téléphone non reconnu"))
        #expect(try scene.world.transaction { try ChangeRequestStore.list(familyID: scene.martinFile.familyID, in: $0) }.isEmpty)
    }

    @Test func withdrawal_fromMonDossier_closesTheRequest() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let form = scene.healthForm
        scene.martin.submit(from: form, to: form, ["allergies": "Kiwi"])
        let overview = scene.martin.get(DossierPaths.family(scene.martinFile.familyID)).text
        let withdrawPath = try #require(overview.firstMatch(of: /action="(\/dossier\/\d+\/demandes\/\d+\/retirer)"/).map { String($0.1) })
        #expect(scene.martin.post(withdrawPath, scene.martin.hiddenFields()).status.code == 303)
        let requests = try scene.world.transaction { try ChangeRequestStore.list(familyID: scene.martinFile.familyID, in: $0) }
        #expect(requests.map(\.request.status) == [.withdrawn])
    }

    @Test func anotherFamilysFile_isNotFound_whateverIdIsGuessed() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let martin = scene.martinFile.familyID, durand = scene.durandFile.familyID
        let durandChild = scene.durandFile.children[0].id!
        // Durand's own request, to be guessed by Martin.
        let durandForm = DossierPaths.record(durand, .health, durandChild)
        scene.durand.submit(from: durandForm, to: durandForm, ["allergies": "Lait"])
        let durandRequest = try scene.world.transaction { try ChangeRequestStore.list(familyID: durand, in: $0) }[0].request.id!

        scene.martin.get(DossierPaths.family(martin))
        let csrf = scene.martin.hiddenFields()
        for path in [DossierPaths.family(durand), durandForm, DossierPaths.data(durand), DossierPaths.dataJSON(durand),
                     DossierPaths.record(martin, .health, durandChild), DossierPaths.record(martin, .guardian, scene.durandFile.guardians[0].id!)] {
            #expect(scene.martin.get(path).status.code == 404, "GET \(path)")
        }
        for path in [durandForm, DossierPaths.record(martin, .health, durandChild), DossierPaths.withdraw(durand, request: durandRequest),
                     DossierPaths.withdraw(martin, request: durandRequest)] {
            #expect(scene.martin.post(path, csrf.merging(["allergies": "Piraté"]) { $1 }).status.code == 404, "POST \(path)")
        }
        let hugo = try scene.world.transaction { try DossierStore.load(familyID: durand, in: $0) }?.children[0]
        #expect(hugo?.health.allergies == "Arachide")
        #expect(try scene.world.transaction { try ChangeRequestStore.list(familyID: durand, in: $0) }.map(\.request.status) == [.pending])
    }

    @Test func staffPages_areClosedToFamilies_andFamilyPagesToStaff() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        #expect(scene.martin.get(StaffDossierPaths.family(scene.martinFile.familyID)).status.code == 403)
        #expect(scene.martin.get(StaffDossierPaths.queue).status.code == 403)
        var agent = try scene.world.signedInStaff(role: .agent)
        #expect(agent.get(DossierPaths.family(scene.martinFile.familyID)).status.code == 403)
        var anonymous = scene.world.browser()
        #expect(anonymous.get(DossierPaths.home).status.code == 303)
    }

    @Test(arguments: [(StaffRole.director, true), (.admin, true), (.agent, false), (.billing, false)])
    func healthSheet_isShownOnlyToAllowedRoles_andEveryViewIsLogged(role: StaffRole, allowed: Bool) throws {
        let scene = try DossierScene()
        defer { scene.drop() }
        var staff = try scene.world.signedInStaff(role: role)
        let page = staff.get(StaffDossierPaths.family(scene.martinFile.familyID)).text
        #expect(page.contains("Arachide") == allowed)
        #expect(page.contains("Données de santé réservées") == !allowed)
        let log = try scene.world.transaction { try HealthAccessLog.list(familyID: scene.martinFile.familyID, in: $0) }
        #expect(log.count == (allowed ? 1 : 0))
        #expect(log.first?.purpose == (allowed ? "Fiche famille" : nil))
    }

    @Test func agent_cannotDecideAHealthChange() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let form = scene.healthForm
        scene.martin.submit(from: form, to: form, ["allergies": "Kiwi"])
        let id = try scene.world.transaction { try ChangeRequestStore.list(familyID: scene.martinFile.familyID, in: $0) }[0].request.id!
        var agent = try scene.world.signedInStaff(role: .agent)
        let page = agent.get(StaffDossierPaths.request(id)).text
        #expect(!page.contains("Kiwi"))
        #expect(agent.post(StaffDossierPaths.request(id), agent.hiddenFields().merging(["d0": "accepter"]) { $1 }).status.code == 403)
        #expect(try scene.world.transaction { try DossierStore.load(familyID: scene.martinFile.familyID, in: $0) }?.children[0].health.allergies == "Arachide")
    }

    @Test func rgpdExport_isAReadablePageAndAJSONFile_withTheFamilysOwnData() throws {
        var scene = try DossierScene()
        defer { scene.drop() }
        let page = scene.martin.get(DossierPaths.data(scene.martinFile.familyID))
        #expect(page.status.code == 200)
        #expect(page.text.contains("Fiche sanitaire") && page.text.contains("Arachide"))
        let json = scene.martin.get(DossierPaths.dataJSON(scene.martinFile.familyID))
        #expect(json.headers["content-disposition"]?.contains("attachment") == true)
        let parsed = try JSONValue.parse(Array(json.text.utf8))
        guard case .object(let members) = parsed else { Issue.record("not an object"); return }
        #expect(members.map(\.key).contains("Compte"))
        #expect(!json.text.contains("Hugo"))
    }

    @Test func staffCreateAFamily_withAPrintableCodeAbonné_thatAFamilyCanLink() throws {
        let scene = try DossierScene()
        defer { scene.drop() }
        var agent = try scene.world.signedInStaff(role: .agent)
        let created = agent.submit(from: StaffDossierPaths.newFamily, to: StaffDossierPaths.newFamily, [
            "last_name": "Bernard", "first_names": "Alix", "relation": "pere", "address_line1": "1 place de la Mairie",
            "postcode": "43490", "city": "Costaros", "mobile_phone": "06 11 22 33 44", "email": "alix@exemple.fr",
        ])
        #expect(created.status.code == 303)
        let familyPath = try #require(created.headers["location"]?.split(separator: "?").first.map(String.init))
        let familyID = try #require(Int64(familyPath.split(separator: "/").last ?? ""))
        let letter = agent.get(StaffDossierPaths.letter(familyID)).text
        let code = try #require(letter.firstMatch(of: /<p class="code"><strong>([A-Z2-9]{5}-[A-Z2-9]{5})<\/strong>/).map { String($0.1) })
        #expect(try SubscriberCode(typed: code).value == code)
        #expect(agent.get(StaffDossierPaths.families + "?q=" + code.lowercased()).text.contains("BERNARD"))
    }
}
