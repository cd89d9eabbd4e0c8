public import HTML
public import HTTPServer
public import PortalCore

/// What development mode adds to the server, plugged in by the executable from PortalDemo (the
/// PayFiP simulator, the development mailbox): production code never imports those, and a
/// server in production mode is built with none of these hooks.
public struct DevelopmentHooks: Sendable {
    /// A site of its own (`payfip.localhost`), answered before any town: nil when the request is
    /// not for it. `application` lets it deliver a request to the portal in-process.
    public typealias Site = @Sendable (_ request: HTTPRequest, _ application: (HTTPRequest) -> HTTPResponse) -> HTTPResponse?
    /// A page under every town's host (`/_dev/mail`), nil when the path is not its.
    public typealias TownPage = @Sendable (_ request: HTTPRequest, _ tenant: TenantConfig) -> HTTPResponse?

    public var sites: [Site]
    public var townPages: [TownPage]
    /// Where a family is sent to pay instead of the town's PayFiP address, from the request's
    /// Host: the simulator on the same base domain and port.
    public var paymentPage: (@Sendable (_ host: String, _ tenant: TenantConfig) -> String)?
    /// The remote address of the simulator's in-process deliveries, trusted as PayFiP's.
    public var paymentNotificationSource: String?

    public init(sites: [Site] = [], townPages: [TownPage] = [], paymentPage: (@Sendable (String, TenantConfig) -> String)? = nil,
                paymentNotificationSource: String? = nil) {
        self.sites = sites
        self.townPages = townPages
        self.paymentPage = paymentPage
        self.paymentNotificationSource = paymentNotificationSource
    }
}

/// The frame of a town's page for what lives outside the route table (development pages).
public enum TownPageFrame {
    public static func page(tenant: TenantConfig, title: String, content: [Node], status: HTTPStatus = .ok) -> HTTPResponse {
        .html(Layout.page(tenant: tenant, title: title, content: content), status: status)
    }
}
