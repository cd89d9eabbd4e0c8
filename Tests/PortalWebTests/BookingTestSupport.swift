import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// A town (Clermontais unless told) with two families, each a signed-in guardian whose file has
/// children with birth dates; the clock is Monday 5 January 2026, 9:00 in Paris.
struct BookingScene {
    let world: AccountWorld
    let tenant: TenantConfig
    var martin: Browser
    var durand: Browser
    let martinEmail: String
    let martinFamily: Int64
    let durandFamily: Int64
    let lea: Int64
    let tom: Int64
    let hugo: Int64

    init(town: String = "clermontais", listensForChanges: Bool = false) throws {
        world = try AccountWorld(listensForChanges: listensForChanges)
        let tenant = world.tenants.first { $0.id == town }!
        self.tenant = tenant
        martinEmail = AccountWorld.uniqueEmail("martin")
        let durandEmail = AccountWorld.uniqueEmail("durand")
        let world = self.world
        func file(_ name: String, email: String, children: [(String, String, String)]) throws -> (Int64, [Int64]) {
            let accountID = try world.familyAccount(email, tenant: tenant)
            return try world.transaction(tenant) { connection in
                var guardian = Guardian()
                guardian.lastName = name
                guardian.firstNames = "Camille"
                guardian.isResident = true
                let created = try DossierStore.createFamily(name: name.uppercased(), firstGuardian: guardian, now: world.clock.now, in: connection)
                var full = created
                full.children = children.map { first, birth, level in
                    var kid = Child()
                    kid.lastName = name
                    kid.firstNames = first
                    kid.birthDate = LocalDate(iso: birth)
                    kid.schoolClass = level
                    return kid
                }
                try FamilyStore.subscribe(accountID: accountID, familyID: created.familyID, now: world.clock.now, in: connection)
                let saved = try DossierStore.save(full, previous: created, in: connection)
                return (created.familyID, saved.children.map { $0.id! })
            }
        }
        let (martinFamily, martinChildren) = try file("Martin", email: martinEmail, children: [("Léa", "2018-05-04", "CE1"), ("Tom", "2019-09-30", "CP")])
        let (durandFamily, durandChildren) = try file("Durand", email: durandEmail, children: [("Hugo", "2017-02-11", "CE2")])
        self.martinFamily = martinFamily
        self.durandFamily = durandFamily
        lea = martinChildren[0]
        tom = martinChildren[1]
        hugo = durandChildren[0]
        martin = Self.signIn(world, tenant, martinEmail)
        durand = Self.signIn(world, tenant, durandEmail)
    }

    static func signIn(_ world: AccountWorld, _ tenant: TenantConfig, _ email: String) -> Browser {
        var browser = world.browser(tenant)
        let response = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "sign-in failed")
        return browser
    }

    func drop() { world.drop() }

    /// Accepted registrations of the family's children to `activity` for the period holding `date`.
    func register(family: Int64, children: [Int64], to activity: String, on date: String = "2026-01-14") throws {
        let period = RegistrationPeriod.containing(LocalDate(iso: date)!, validity: tenant.registration.validity)
        try world.transaction(tenant) { connection in
            for child in children {
                try RegistrationStore.create(Registration(childID: child, activityCode: activity, period: period, status: .accepted),
                                             familyID: family, now: world.clock.now, in: connection)
            }
        }
    }

    func bookings(family: Int64) throws -> [StoredBooking] {
        try world.transaction(tenant) {
            try BookingStore.bookings(familyID: family, from: LocalDate(iso: "2025-09-01")!, to: LocalDate(iso: "2027-08-31")!, in: $0)
        }
    }
}

extension Browser {
    /// Opens `page`, then sends a form with repeated fields (checkboxes) and the page's hidden fields.
    @discardableResult
    mutating func postFrom(_ page: String, _ target: String, _ pairs: [(String, String)]) -> HTTPResponse {
        get(page)
        return postForm(target, pairs)
    }

    @discardableResult
    mutating func postForm(_ target: String, _ pairs: [(String, String)]) -> HTTPResponse {
        let fields = hiddenFields().map { ($0.key, $0.value) } + pairs
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = send(method: "POST", target: target, body: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
        lastPage = response.text
        return response
    }
}

extension HTTPResponse {
    var location: String { headers["location"] ?? "" }
}
