public import Foundation
public import PortalCore

/// What the web layer needs to know about how it runs: development or production (cookie names,
/// `/_dev` pages), whether a proxy's client address is trusted, where development mail goes,
/// and the clock, injected so that tests move time instead of sleeping.
public struct WebSettings: Sendable {
    public var mode: ServerEnvironment.Mode
    public var trustProxy: Bool
    public var mailDirectory: String
    public var sessionLifetime: SessionLifetime
    /// A form sent back sooner than this after it was shown is a robot's (anti-robot timing).
    public var minimumFormSeconds: TimeInterval
    public var clock: @Sendable () -> Date
    /// Read again by the operator console to show problems of files not loaded yet.
    public var tenantsDirectory: String
    /// The migrations a healthy town's schema must have.
    public var sqlDirectory: String
    /// Development's simulators and mailbox; empty in production.
    public var development = DevelopmentHooks()

    public init(mode: ServerEnvironment.Mode = .development, trustProxy: Bool = false, mailDirectory: String = ".data/mail",
                sessionLifetime: SessionLifetime = .standard, minimumFormSeconds: TimeInterval = 2,
                clock: @escaping @Sendable () -> Date = { Date() }, tenantsDirectory: String = "tenants", sqlDirectory: String = "sql") {
        self.mode = mode
        self.trustProxy = trustProxy
        self.mailDirectory = mailDirectory
        self.sessionLifetime = sessionLifetime
        self.minimumFormSeconds = minimumFormSeconds
        self.clock = clock
        self.tenantsDirectory = tenantsDirectory
        self.sqlDirectory = sqlDirectory
    }

    public init(environment: ServerEnvironment) {
        self.init(mode: environment.mode, trustProxy: environment.trustProxy, mailDirectory: environment.mailDirectory,
                  tenantsDirectory: environment.tenantsDirectory, sqlDirectory: environment.sqlDirectory)
    }

    /// Links in e-mails and redirects: plain http only in development on *.localhost.
    var scheme: String { mode == .production ? "https" : "http" }
}
