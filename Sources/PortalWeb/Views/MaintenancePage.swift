import HTML
import HTTPServer
import PortalCore

/// What every page of a suspended town answers: the portal is closed for now, the family's
/// data is kept, and here is who to call meanwhile.
enum MaintenancePage {
    /// An hour: suspensions are operator decisions, not blips worth retrying every second.
    static let retryAfterSeconds = 3600

    static func response(tenant: TenantConfig) -> HTTPResponse {
        var response = HTTPResponse.html(render(tenant: tenant), status: .serviceUnavailable)
        response.headers.set("Retry-After", String(retryAfterSeconds))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    static func render(tenant: TenantConfig) -> Node {
        let title = "Portail en maintenance"
        return PageFrame.document(title: "\(title) – \(tenant.branding.portalTitle) \(tenant.shortName)", body: [
            .main([.class("error-page")], [
                .h1([], [.text(title)]),
                .p([], [.text("Le portail de \(tenant.shortName) est momentanément fermé. "
                    + "Vos informations sont conservées et vous les retrouverez à la réouverture.")]),
                .p([], ["Pour toute démarche urgente, contactez le service :"]),
                ContactBlock.render(tenant.contact, headingLevel: "h2"),
            ]),
        ])
    }
}
