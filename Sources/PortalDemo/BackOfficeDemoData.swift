public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Demonstration data of the back-office: three more families, and today a slot of an activity
/// that runs today (else the first activity, so the page is never empty) with eight children
/// booked, some with health alerts; two justificatifs to review and a booking awaiting
/// validation. Loaded once per town (the BERNARD-DEMO family marks it done); rows the bookings
/// demo already made are left as they are.
public enum BackOfficeDemoData {
    static let families: [(code: String, name: String, guardian: String, children: [(String, String, String, Bool)])] = [
        ("BERNARD-DEMO", "Bernard", "Sophie", [("Jules", "2017-04-12", "", false), ("Inès", "2019-09-01", "Lait de vache", true)]),
        ("PETIT-DEMO", "Petit", "Karim", [("Nora", "2016-11-23", "", false), ("Sami", "2018-02-14", "Pollen", false)]),
        ("LEROY-DEMO", "Leroy", "Anne", [("Chloé", "2015-06-30", "", false), ("Tom", "2020-01-08", "Œuf", true)]),
    ]

    public static func load(into database: TenantDatabase, tenants: [TenantConfig], now: Date) throws {
        let today = ParisTime.localDate(of: now)
        for tenant in tenants {
            try database.transaction(schema: tenant.schema) { connection in
                guard try FamilyStore.find(subscriberCode: families[0].code, in: connection) == nil else { return }
                for family in families { try create(family, now: now, in: connection) }
                let engine = RulesEngine(tenant: tenant)
                guard let activity = tenant.activities.first(where: { engine.runs(activity: $0.code, on: today) }) ?? tenant.activities.first,
                      let unit = activity.units.first else { return }
                let period = RegistrationPeriod.containing(today, validity: tenant.registration.validity)
                let children = try connection.query("""
                    SELECT c.id, c.family_id FROM children c JOIN families f ON f.id = c.family_id
                    WHERE f.subscriber_code = ANY(\(families.map(\.code) + [AccountDemoData.linkedCode, AccountDemoData.unlinkedCode])::text[])
                    ORDER BY c.id
                    """).map { (try $0.decode("id", as: Int64.self), try $0.decode("family_id", as: Int64.self)) }
                try SlotStore.ensure([SlotKey(date: today, childID: 0, activity: activity.code, unit: unit.code)], tenant: tenant, in: connection)
                let slotID: Int64 = try connection.query("""
                    SELECT id FROM slots WHERE activity = \(activity.code) AND unit = \(unit.code) AND day = \(today.iso)::date
                    """)[0].decode("id")
                for (child, family) in children {
                    try connection.execute("""
                        INSERT INTO registrations (family_id, child_id, activity, first_day, last_day, status, created_at, answered_at)
                        VALUES (\(family), \(child), \(activity.code), \(period.firstDay.iso)::date, \(period.lastDay.iso)::date, 'accepted', \(now), \(now))
                        ON CONFLICT DO NOTHING
                        """)
                    guard try BookingStore.takePlace(slotID: slotID, in: connection) else { break }
                    let price = engine.unitPrice(activity: activity.code, unit: unit.code, quotient: nil, residency: .resident)
                    let inserted = try connection.execute("""
                        INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, requested_at, updated_at)
                        VALUES (\(family), \(child), \(slotID), 'booked', \(price?.cents ?? 0), \(now), \(now)) ON CONFLICT DO NOTHING
                        """)
                    if inserted == 0 { try BookingStore.freePlace(slotID: slotID, in: connection) }
                }
                try pendingRequest(children.last, activity: activity.code, unit: unit.code, tenant: tenant, today: today, now: now, in: connection)
                try documents(now: now, in: connection)
            }
        }
    }

    private static func create(_ family: (code: String, name: String, guardian: String, children: [(String, String, String, Bool)]),
                               now: Date, in connection: PostgresConnection) throws {
        let id = try FamilyStore.create(name: family.name.uppercased(), subscriberCode: family.code, in: connection)
        guard let empty = try DossierStore.load(familyID: id, in: connection) else { return }
        var full = empty
        var guardian = Guardian()
        guardian.lastName = family.name
        guardian.firstNames = family.guardian
        guardian.mobilePhone = "0611223344"
        guardian.isResident = true
        full.guardians = [guardian]
        full.children = family.children.map { name, birth, allergy, pai in
            var child = Child()
            child.lastName = family.name
            child.firstNames = name
            child.birthDate = LocalDate(iso: birth)
            child.health.allergies = allergy
            child.health.hasPAI = pai
            child.health.paiDetails = pai ? "Trousse d'urgence dans le sac de l'enfant" : ""
            return child
        }
        var contact = AuthorizedContact()
        contact.lastName = family.name
        contact.firstNames = "Jacqueline"
        contact.relation = "Grand-mère"
        contact.phone = "0471223344"
        full.contacts = [contact]
        try DossierStore.save(full, previous: empty, in: connection)
    }

    /// A booking in ten days waiting for the service, for the dashboard's count.
    private static func pendingRequest(_ child: (Int64, Int64)?, activity: String, unit: String, tenant: TenantConfig, today: LocalDate,
                                       now: Date, in connection: PostgresConnection) throws {
        guard let (childID, familyID) = child else { return }
        let day = today.adding(days: 10)
        try SlotStore.ensure([SlotKey(date: day, childID: childID, activity: activity, unit: unit)], tenant: tenant, in: connection)
        let slotID: Int64 = try connection.query("SELECT id FROM slots WHERE activity = \(activity) AND unit = \(unit) AND day = \(day.iso)::date")[0].decode("id")
        guard try BookingStore.takePlace(slotID: slotID, in: connection) else { return }
        if try connection.execute("""
            INSERT INTO bookings (family_id, child_id, slot_id, status, requested_at, updated_at)
            VALUES (\(familyID), \(childID), \(slotID), 'pendingValidation', \(now), \(now)) ON CONFLICT DO NOTHING
            """) == 0 { try BookingStore.freePlace(slotID: slotID, in: connection) }
    }

    /// Two justificatifs from the demo family, each with its « Mes demandes » line.
    private static func documents(now: Date, in connection: PostgresConnection) throws {
        guard let account = try AccountStore.find(email: EmailAddress(AccountDemoData.familyEmail)!, in: connection) else { return }
        for title in ["Attestation CAF 2026", "Justificatif de domicile"] {
            try DocumentStore.insert(accountID: account.id, title: title, fileName: "document.pdf", format: .pdf,
                                     bytes: Array("%PDF-1.4\n%démonstration\n".utf8), now: now, in: connection)
            try Requests.record(.document, summary: "Justificatif envoyé : \(title)", accountID: account.id, now: now, in: connection)
        }
    }
}
