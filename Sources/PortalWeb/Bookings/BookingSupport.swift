import Foundation
import HTTPServer
import PortalCore
import PortalStore
import Postgres

/// The family a booking page acts for: a file the signed-in account is subscribed to.
struct BookingFamily {
    let file: FamilyFile
    let profile: FamilyProfile
    let all: [FamilyFile]

    var id: Int64 { file.id }

    func childName(_ id: Int64) -> String { profile.children.first { $0.id == id }?.firstName ?? "Enfant" }
}

enum BookingSupport {
    static let profiles = DossierFamilyProfiles()

    static func judge(_ tenant: TenantConfig) -> BookingJudge { BookingJudge(engine: RulesEngine(tenant: tenant)) }

    static func today(_ context: RequestContext) -> LocalDate { ParisTime.localDate(of: context.now) }

    /// The family named by `famille` (query or form), else the account's first; nil when the
    /// account has none yet. A family the account is not subscribed to reads as not found.
    static func family(_ context: RequestContext, in connection: PostgresConnection) throws -> BookingFamily? {
        let account = try context.family
        let files = try FamilyStore.subscriptions(accountID: account.id, in: connection)
        let asked = askedFamily(context)
        let file: FamilyFile?
        switch asked {
        case nil: file = files.first
        case let id??: file = files.first { $0.id == id }
        case .some(nil): file = nil
        }
        guard let file else {
            if asked != nil { throw RouteError.notFound }
            return nil
        }
        guard let profile = try profiles.profile(familyId: file.id, in: connection) else { throw RouteError.notFound }
        return BookingFamily(file: file, profile: profile, all: files)
    }

    /// The `famille` of the form or the query: nil when absent, .some(nil) when not a number.
    static func askedFamily(_ context: RequestContext) -> Int64?? {
        (context.form.value("famille") ?? context.request.queryValue("famille")).map { Int64($0) }
    }

    /// The booking context the judge reads: registrations and the family's bookings on `days`.
    static func bookingContext(_ family: BookingFamily, from: LocalDate, to: LocalDate, tenant: TenantConfig,
                               in connection: PostgresConnection) throws -> (FamilyBookingContext, [StoredBooking], [StoredRegistration]) {
        let registrations = try RegistrationStore.forFamily(family.id, validity: tenant.registration.validity, in: connection)
        let bookings = try BookingStore.bookings(familyId: family.id, from: from, to: to, in: connection)
        return (bookingContext(family, registrations: registrations, bookings: bookings), bookings, registrations)
    }

    static func bookingContext(_ family: BookingFamily, registrations: [StoredRegistration], bookings: [StoredBooking]) -> FamilyBookingContext {
        FamilyBookingContext(quotient: family.profile.quotient, residency: family.profile.residency,
                             children: family.profile.children, registrations: registrations.map(\.registration),
                             bookings: bookings.filter { $0.status.isActive }.map { ExistingBooking(slot: $0.slot, status: $0.status) },
                             quotientValidity: family.profile.quotientValidity)
    }

    /// « Ajoutez votre code abonné » when the account is linked to no family file yet.
    static func noFamily(_ context: RequestContext, tab: PortalTab) -> HTTPResponse {
        .html(Layout.page(context, title: tab.label, currentTab: tab, content: [
            .h1([], [.text(tab.label)]),
            .p([], ["Votre compte n'est encore relié à aucun dossier famille."]),
            .p([], [.a([.class("button"), .href(SpacePaths.subscriptions)], ["Ajouter mon code abonné"])]),
        ]).render())
    }

    /// A slot key written into a checkbox value: `2026-01-14|12|alsh-mercredi|journee|book`.
    static func encode(_ line: BasketLine) -> String {
        "\(line.slot.date.iso)|\(line.slot.childId)|\(line.slot.activity)|\(line.slot.unit)|\(line.action.rawValue)"
    }

    /// The line a checkbox names, if its child is the family's and its unit the town's.
    static func decode(_ value: String, family: BookingFamily, tenant: TenantConfig) -> BasketLine? {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let date = LocalDate(iso: parts[0]), let child = Int64(parts[1]),
              family.profile.children.contains(where: { $0.id == child }),
              tenant.activity(parts[2])?.unit(parts[3]) != nil, let action = BookingAction(rawValue: parts[4]) else { return nil }
        return BasketLine(date: date, childId: child, activity: parts[2], unit: parts[3], action: action)
    }

    /// The town must have enabled the tab for its pages to exist.
    static func requireTab(_ context: RequestContext, _ tab: PortalTab) throws {
        guard context.tenant.tabs.contains(tab) else { throw RouteError.notFound }
    }
}

extension RequestContext {
    /// Every value of a repeated form field (checkboxes).
    func formValues(_ name: String) -> [String] { form.fields[name] ?? [] }
}
