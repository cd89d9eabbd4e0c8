import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

enum BookingSupport {
    static let profiles = BookingEffects.profiles

    static func judge(_ tenant: TenantConfig) -> BookingJudge { BookingJudge(engine: RulesEngine(tenant: tenant)) }

    static func today(_ context: RequestContext) -> LocalDate { ParisTime.localDate(of: context.now) }

    /// The family named by `famille` (query or form), else the account's first; nil when the
    /// account has none yet. A family the account is not subscribed to reads as not found.
    static func family(_ context: RequestContext, in connection: PostgresConnection) throws -> BookingFamily? {
        try BookingFamily.resolve(accountID: try context.family.id, asked: askedFamily(context), in: connection)
    }

    /// The `famille` of the form or the query: nil when absent, .some(nil) when not a number.
    static func askedFamily(_ context: RequestContext) -> Int64?? {
        (context.form.value("famille") ?? context.request.queryValue("famille")).map { Int64($0) }
    }

    /// The booking context the judge reads: registrations and the family's bookings on `days`.
    static func bookingContext(_ family: BookingFamily, from: LocalDate, to: LocalDate, tenant: TenantConfig,
                               in connection: PostgresConnection) throws -> (FamilyBookingContext, [StoredBooking], [StoredRegistration]) {
        try family.bookingContext(from: from, to: to, tenant: tenant, in: connection)
    }

    static func bookingContext(_ family: BookingFamily, registrations: [StoredRegistration], bookings: [StoredBooking]) -> FamilyBookingContext {
        family.bookingContext(registrations: registrations, bookings: bookings)
    }

    /// « Ajoutez votre code abonné » when the account is linked to no family file yet.
    static func noFamily(_ context: RequestContext, tab: PortalTab) -> HTTPResponse {
        .html(Layout.page(context.chrome, title: tab.label, currentTab: tab, content: [
            .h1([], [.text(tab.label)]),
            .p([], ["Votre compte n'est encore relié à aucun dossier famille."]),
            .p([], [.a([.class("button"), .href(SpacePaths.subscriptions)], ["Ajouter mon code abonné"])]),
        ]))
    }

    /// A slot key written into a checkbox value: `2026-01-14|12|alsh-mercredi|journee|book`.
    static func encode(_ line: BasketLine) -> String {
        "\(line.slot.date.iso)|\(line.slot.childID)|\(line.slot.activity)|\(line.slot.unit)|\(line.action.rawValue)"
    }

    /// The line a checkbox names, if its child is the family's and its unit the town's.
    static func decode(_ value: String, family: BookingFamily, tenant: TenantConfig) -> BasketLine? {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let date = LocalDate(iso: parts[0]), let child = Int64(parts[1]),
              family.profile.children.contains(where: { $0.id == child }),
              tenant.activity(parts[2])?.unit(parts[3]) != nil, let action = BookingAction(rawValue: parts[4]) else { return nil }
        return BasketLine(date: date, childID: child, activity: parts[2], unit: parts[3], action: action)
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
