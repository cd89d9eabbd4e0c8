import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows

/// What the booking handlers share: reading the request (`famille`, checkboxes, the day) and
/// the page shown to an account with no family file yet. The reads and writes are flows'.
enum BookingSupport {
    /// How the rules read a family: `BookingEffects.profiles` (flows use it directly).
    static let profiles = BookingEffects.profiles

    /// The town's rules as every booking decision reads them: `Town.judge` in flows.
    static func judge(_ tenant: TenantConfig) -> BookingJudge { BookingJudge(engine: RulesEngine(tenant: tenant)) }

    static func today(_ context: RequestContext) -> LocalDate { ParisTime.localDate(of: context.now) }

    /// The `famille` of the form or the query: nil when absent, .some(nil) when not a number.
    static func askedFamily(_ context: RequestContext) -> Int64?? {
        (context.form.value("famille") ?? context.request.queryValue("famille")).map { Int64($0) }
    }

    /// « Ajoutez votre code abonné » when the account is linked to no family file yet.
    static func noFamily(_ chrome: PageChrome, tab: PortalTab) -> HTTPResponse {
        .html(Layout.page(chrome, title: tab.label, currentTab: tab, content: [
            .h1([], [.text(tab.label)]),
            .p([], ["Votre compte n'est encore relié à aucun dossier famille."]),
            .p([], [.a([.class("button"), .href(SpacePaths.subscriptions)], ["Ajouter mon code abonné"])]),
        ]))
    }

    /// A basket line written into a checkbox value (`BasketLineCode`).
    static func encode(_ line: BasketLine) -> String { BasketLineCode.encode(line) }

    /// The town must have enabled the tab for its pages to exist.
    static func requireTab(_ context: RequestContext, _ tab: PortalTab) throws {
        guard context.tenant.tabs.contains(tab) else { throw RouteError.notFound }
    }
}

extension RequestContext {
    /// Every value of a repeated form field (checkboxes).
    func formValues(_ name: String) -> [String] { form.fields[name] ?? [] }
}
