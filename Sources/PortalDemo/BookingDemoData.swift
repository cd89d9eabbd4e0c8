public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Demonstration bookings: the demo family Martin gets a second child, both registered to the
/// town's first activity that admits them, and a few days booked through the usual rules, so
/// that the planning shows something alive. Loaded once: a family with registrations is left alone.
public enum BookingDemoData {
    public static func load(into database: TenantDatabase, tenants: [TenantConfig], now: Date) throws {
        let today = ParisTime.localDate(of: now)
        for tenant in tenants {
            let familyID: Int64? = try database.transaction(schema: tenant.schema) { connection in
                guard let family = try FamilyStore.find(subscriberCode: AccountDemoData.linkedCode, in: connection),
                      try RegistrationStore.forFamily(family.id, validity: tenant.registration.validity, in: connection).isEmpty,
                      let dossier = try DossierStore.load(familyID: family.id, in: connection), dossier.children.count == 1 else { return nil }
                var full = dossier
                var tom = Child()
                tom.lastName = dossier.children[0].lastName
                tom.firstNames = "Tom"
                tom.birthDate = LocalDate(year: 2016, month: 10, day: 2)
                tom.schoolClass = "CM1"
                full.children.append(tom)
                _ = try DossierStore.save(full, previous: dossier, in: connection)
                guard let profile = try DossierBookingProfiles().profile(familyID: family.id, in: connection) else { return nil }
                let period = RegistrationPeriod.containing(today, validity: tenant.registration.validity)
                guard let activity = tenant.activities.first(where: { activity in
                    profile.children.allSatisfy {
                        RegistrationEligibility.check(child: $0, activity: activity, period: period, existing: [], today: today) == .eligible
                    }
                }) else { return nil }
                for child in profile.children {
                    try RegistrationStore.create(Registration(childID: child.id, activityCode: activity.code, period: period, status: .accepted),
                                                 familyID: family.id, now: now, in: connection)
                }
                let judge = BookingJudge(engine: RulesEngine(tenant: tenant))
                let unit = activity.units[0].code
                let context = FamilyBookingContext(quotient: profile.quotient, residency: profile.residency, children: profile.children,
                                                   registrations: [Registration(childID: profile.children[0].id, activityCode: activity.code,
                                                                                period: period, status: .accepted)], bookings: [])
                let days = today.adding(days: 1).through(today.adding(days: 120)).filter { date in
                    judge.decide(BasketLine(date: date, childID: profile.children[0].id, activity: activity.code, unit: unit, action: .book),
                                 context: context, now: now).allowed
                }.prefix(4)
                let lines = days.flatMap { date in profile.children.map { BasketLine(date: date, childID: $0.id, activity: activity.code, unit: unit, action: .book) } }
                try BasketStore.add(lines, familyID: family.id, now: now, in: connection)
                return lines.isEmpty ? nil : family.id
            }
            if let familyID {
                // Booked through the rules, with no e-mail and no line in « Mes demandes »: the
                // demo family did not ask for them.
                try database.transaction(schema: tenant.schema) { connection in
                    try SlotStore.ensure(BasketStore.load(familyID: familyID, in: connection).lines.map(\.slot), tenant: tenant, in: connection)
                    _ = try BookingStore.confirm(familyID: familyID, judge: BookingJudge(engine: RulesEngine(tenant: tenant)),
                                                 families: DossierBookingProfiles(), now: now, in: connection)
                }
            }
        }
    }
}
