import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// A town with one family (Martin: Léa, allergic to peanuts with a PAI; a grandfather who may
/// pick her up) whose guardian has an account, and helpers to put bookings on slots directly.
struct BackOfficeScene {
    let world: AccountWorld
    let familyEmail: String
    let familyID: Int64
    let leaID: Int64
    let hugoID: Int64

    /// Wednesday 7 January 2026, two days after the test clock's Monday.
    static let wednesday = LocalDate(iso: "2026-01-07")!

    init() throws {
        world = try AccountWorld()
        familyEmail = AccountWorld.uniqueEmail("martin")
        let accountID = try world.familyAccount(familyEmail)
        let world = self.world
        let dossier = try world.transaction { connection in
            var guardian = Guardian()
            guardian.lastName = "Martin"
            guardian.firstNames = "Camille"
            guardian.mobilePhone = "0612345678"
            guardian.isResident = true
            let created = try DossierStore.createFamily(name: "MARTIN", firstGuardian: guardian, now: world.clock.now, in: connection)
            var full = created
            var lea = Child()
            lea.lastName = "Martin"
            lea.firstNames = "Léa"
            lea.birthDate = LocalDate(iso: "2018-05-04")
            lea.schoolClass = "CE1"
            lea.health.allergies = "Arachide"
            lea.health.hasPAI = true
            lea.health.paiDetails = "Trousse d'urgence dans le sac"
            var hugo = Child()
            hugo.lastName = "Martin"
            hugo.firstNames = "Hugo"
            hugo.birthDate = LocalDate(iso: "2016-02-10")
            var contact = AuthorizedContact()
            contact.lastName = "Roux"
            contact.firstNames = "Paul"
            contact.relation = "Grand-père"
            contact.phone = "0471000000"
            full.children = [lea, hugo]
            full.contacts = [contact]
            try FamilyStore.subscribe(accountID: accountID, familyID: created.familyID, now: world.clock.now, in: connection)
            return try DossierStore.save(full, previous: created, in: connection)
        }
        familyID = dossier.familyID
        leaID = dossier.children[0].id!
        hugoID = dossier.children[1].id!
    }

    func drop() { world.drop() }

    /// A booking row as the bookings area would leave it, its place taken when it holds one.
    @discardableResult
    func book(_ childID: Int64, activity: String = "alsh-mercredi", unit: String = "journee", day: LocalDate = BackOfficeScene.wednesday,
              status: BookingStatus = .booked, amountCents: Int = 1250, at instant: Date? = nil) throws -> Int64 {
        let town = world.town
        let now = instant ?? world.clock.now
        return try world.transaction { connection in
            try SlotStore.ensure([SlotKey(date: day, childID: childID, activity: activity, unit: unit)], tenant: town, in: connection)
            let slotID: Int64 = try connection.query("""
                SELECT id FROM slots WHERE activity = \(activity) AND unit = \(unit) AND day = \(day.iso)::date
                """)[0].decode("id")
            if status.holdsPlace { _ = try connection.execute("UPDATE slots SET booked = booked + 1 WHERE id = \(slotID)") }
            return try connection.query("""
                INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, requested_at, updated_at)
                VALUES (\(familyID), \(childID), \(slotID), \(status.rawValue), \(amountCents), \(now), \(now)) RETURNING id
                """)[0].decode("id")
        }
    }

    /// A pré-inscription waiting for staff, for the calendar year holding `day`.
    @discardableResult
    func pendingRegistration(_ childID: Int64, activity: String = "alsh-mercredi", day: LocalDate = BackOfficeScene.wednesday) throws -> Int64 {
        let period = RegistrationPeriod.containing(day, validity: world.town.registration.validity)
        return try world.transaction { connection in
            try RegistrationStore.create(Registration(childID: childID, activityCode: activity, period: period, status: .pending),
                                         familyID: familyID, now: world.clock.now, in: connection)
        }
    }

    func staff(_ role: StaffRole, name: String) throws -> StaffAccount {
        let email = AccountWorld.uniqueEmail("agent")
        let id = try world.staffAccount(email, role: role)
        return try world.transaction { connection in
            _ = try connection.execute("UPDATE staff_accounts SET display_name = \(name) WHERE id = \(id)")
            return try StaffStore.find(id: id, in: connection)!
        }
    }

    /// A staff member signed in under `name`.
    func signedIn(_ role: StaffRole, name: String) throws -> Browser {
        let email = AccountWorld.uniqueEmail("agent")
        let id = try world.staffAccount(email, role: role)
        try world.transaction { _ = try $0.execute("UPDATE staff_accounts SET display_name = \(name) WHERE id = \(id)") }
        var browser = world.browser()
        let response = browser.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "staff sign-in failed")
        return browser
    }

    /// A justificatif sent by the family, with its « Mes demandes » line, as the upload writes them.
    func document(_ title: String) throws -> Int64 {
        let now = world.clock.now
        return try world.transaction { connection in
            let accountID: Int64 = try connection.query("SELECT id FROM accounts WHERE email = \(familyEmail)")[0].decode("id")
            let id = try DocumentStore.insert(accountID: accountID, title: title, fileName: "piece.pdf", format: .pdf,
                                              bytes: Array("%PDF-1.4\n".utf8), now: now, in: connection)
            try Requests.record(.document, summary: "Justificatif envoyé : \(title)", accountID: accountID, now: now, in: connection)
            return id
        }
    }
}

extension Browser {
    /// A form post with repeated names (`id=1&id=2`), which a dictionary cannot carry.
    @discardableResult
    mutating func postPairs(_ target: String, _ pairs: [(String, String)]) -> HTTPResponse {
        let body = ([("csrf", csrf)] + pairs).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = send(method: "POST", target: target, body: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
        lastPage = response.text
        return response
    }
}
