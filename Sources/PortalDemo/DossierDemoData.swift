public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Demonstration family files: the demo families of the accounts get a guardian, a child with
/// a health sheet and a contact; each town gets a « direction » staff member who may read
/// health sheets and an « accueil » agent who may not. Loaded once: a family that already has
/// guardians is left alone.
public enum DossierDemoData {
    public static let directorEmail = "direction@exemple.fr"
    public static let directorPassword = "Demo-direction-2026!"
    public static let agentEmail = "accueil@exemple.fr"
    public static let agentPassword = "Demo-accueil-2026!"

    public static func load(into database: TenantDatabase, tenants: [TenantConfig], now: Date) throws -> [DemoLogin] {
        var logins: [DemoLogin] = []
        for tenant in tenants {
            try database.transaction(schema: tenant.schema) { connection in
                try fill(code: AccountDemoData.linkedCode, guardian: ("Martin", "Camille"), child: "Léa", in: connection)
                try fill(code: AccountDemoData.unlinkedCode, guardian: ("Durand", "Jean"), child: "Hugo", in: connection)
                if let id = try StaffStore.invite(email: EmailAddress(directorEmail)!, displayName: "Dominique Direction", role: .director,
                                                  now: now, in: connection) {
                    try StaffStore.setPassword(id: id, password: directorPassword, in: connection)
                }
                if let id = try StaffStore.invite(email: EmailAddress(agentEmail)!, displayName: "Claude Accueil", role: .agent,
                                                  now: now, in: connection) {
                    try StaffStore.setPassword(id: id, password: agentPassword, in: connection)
                }
            }
            logins.append(DemoLogin(kind: .staff, who: "direction (fiches sanitaires)", tenantID: tenant.id, email: directorEmail, password: directorPassword))
            logins.append(DemoLogin(kind: .staff, who: "accueil (agent, sans fiches sanitaires)", tenantID: tenant.id, email: agentEmail, password: agentPassword))
        }
        return logins
    }

    private static func fill(code: String, guardian names: (String, String), child childName: String, in connection: PostgresConnection) throws {
        guard let family = try FamilyStore.find(subscriberCode: code, in: connection),
              let dossier = try DossierStore.load(familyID: family.id, in: connection), dossier.guardians.isEmpty else { return }
        var full = dossier
        var guardian = Guardian()
        guardian.lastName = names.0
        guardian.firstNames = names.1
        guardian.relation = "mere"
        guardian.address = PostalAddress(line1: "3 rue du Devès", postcode: "43490", city: "Costaros")
        guardian.mobilePhone = "0612345678"
        guardian.isResident = true
        var child = Child()
        child.lastName = names.0
        child.firstNames = childName
        child.birthDate = LocalDate(year: 2019, month: 3, day: 9)
        child.schoolClass = "CP"
        child.health.allergies = "Arachide"
        child.health.vaccinations[.dtp] = LocalDate(year: 2024, month: 3, day: 15)
        var contact = AuthorizedContact()
        contact.lastName = "Roux"
        contact.firstNames = "Paul"
        contact.relation = "Grand-père"
        contact.phone = "0471000000"
        full.guardians = [guardian]
        full.children = [child]
        full.contacts = [contact]
        try DossierStore.save(full, previous: dossier, in: connection)
    }
}
