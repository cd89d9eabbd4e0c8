import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Synchronization
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// A clock the tests move by hand: expiry is tested by advancing it, never by sleeping.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_767_600_000)) // 2026-01-05T08:00:00Z

    var now: Date { current.withLock { $0 } }

    func advance(_ seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A running copy of the portal over the test database, with its clock.
struct AccountWorld {
    let app: PortalApplication
    let tenants: [TenantConfig]
    let pool: PostgresPool
    let clock: TestClock

    /// Listening to the database's changes (`ChangeListener`), as `portal serve` does: reusable
    /// pages are then reused.
    let changeListener: ChangeListener?
    /// What the application knows of the towns' changes.
    let changes: TownChanges?

    init(mode: ServerEnvironment.Mode = .development, mailDirectory: String = NSTemporaryDirectory() + "portal-mail-\(UInt32.random(in: 0...UInt32.max))",
         listensForChanges: Bool = false) throws {
        let clock = TestClock()
        var listener: ChangeListener?
        var changes: TownChanges?
        (app, tenants, pool) = try WebTestSupport.application(settings: WebSettings(mode: mode, mailDirectory: mailDirectory, clock: { clock.now })) { database in
            guard listensForChanges else { return }
            listener = ChangeListener(database: database)
            changes = database.changes
            listener!.start()
            for _ in 0..<3000 where !database.changes.isListening { Thread.sleep(forTimeInterval: 0.01) }
            guard database.changes.isListening else { throw PostgresError.connectionFailed("the change listener did not start") }
        }
        changeListener = listener
        self.changes = changes
        self.clock = clock
    }

    func drop() {
        changeListener?.stop()
        WebTestSupport.drop(tenants, pool: pool)
    }

    var town: TenantConfig { tenants.first { $0.id == "cayres-pradelles" }! }
    var otherTown: TenantConfig { tenants.first { $0.id == "clermontais" }! }

    func host(_ tenant: TenantConfig) -> String { "\(tenant.hosts.subdomain).localhost:8080" }

    func browser(_ tenant: TenantConfig? = nil, address: String = "192.0.2.\(Int.random(in: 1...250))") -> Browser {
        Browser(app: app, host: host(tenant ?? town), address: address)
    }

    func transaction<T>(_ tenant: TenantConfig? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try TenantDatabase(pool: pool).transaction(schema: (tenant ?? town).schema, body)
    }

    /// The newest e-mail to `address`, and the token of the first link in it.
    func lastMail(to address: String) throws -> (subject: String, body: String, token: String?)? {
        guard let message = try pool.withConnection({ try Outbox.messages(to: address, in: $0) }).first else { return nil }
        let token = message.mail.body.firstMatch(of: /jeton=([0-9a-f]{64})/).map { String($0.1) }
        return (message.mail.subject, message.mail.body, token)
    }

    func mails(to address: String) throws -> [OutboxMessage] {
        try pool.withConnection { try Outbox.messages(to: address, in: $0) }
    }

    static func uniqueEmail(_ prefix: String = "parent") -> String { "\(prefix).\(UInt32.random(in: 0...UInt32.max))@exemple.fr" }

    static let password = "Velo-rouge-sous-la-pluie-7"

    /// An activated family account made directly in the store.
    @discardableResult
    func familyAccount(_ email: String, password: String = AccountWorld.password, tenant: TenantConfig? = nil) throws -> Int64 {
        try transaction(tenant) { connection in
            let id = try AccountStore.create(email: EmailAddress(email)!, password: password, lastName: "Martin", firstNames: "Camille",
                                             now: clock.now, in: connection)!
            try AccountStore.activate(id: id, now: clock.now, in: connection)
            return id
        }
    }

    @discardableResult
    func staffAccount(_ email: String, role: StaffRole, password: String = AccountWorld.password) throws -> Int64 {
        try transaction { connection in
            let id = try StaffStore.invite(email: EmailAddress(email)!, displayName: "Agent \(role.rawValue)", role: role, now: clock.now, in: connection)!
            try StaffStore.setPassword(id: id, password: password, in: connection)
            return id
        }
    }

    func signedInFamily(_ email: String? = nil, tenant: TenantConfig? = nil) throws -> Browser {
        let email = email ?? AccountWorld.uniqueEmail()
        try familyAccount(email, tenant: tenant)
        var browser = browser(tenant)
        let response = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "sign-in failed: \(response.status) \(response.text)")
        return browser
    }

    func signedInStaff(role: StaffRole) throws -> Browser {
        let email = AccountWorld.uniqueEmail("agent")
        try staffAccount(email, role: role)
        var browser = browser()
        let response = browser.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "staff sign-in failed: \(response.status)")
        return browser
    }
}

/// A browser in-process: keeps the cookies the portal sets, reads the CSRF token and the form
/// stamp from the last page, and sends forms as a browser would.
struct Browser {
    let app: PortalApplication
    var host: String
    var address: String
    var cookies: [String: String] = [:]
    var lastPage = ""

    init(app: PortalApplication, host: String, address: String) {
        self.app = app
        self.host = host
        self.address = address
    }

    @discardableResult
    mutating func get(_ target: String) -> HTTPResponse {
        let response = send(method: "GET", target: target, body: [], contentType: nil)
        lastPage = response.text
        return response
    }

    @discardableResult
    mutating func post(_ target: String, _ fields: [String: String], extraHeaders: [(String, String)] = []) -> HTTPResponse {
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = send(method: "POST", target: target, body: Array(body.utf8), contentType: "application/x-www-form-urlencoded", extraHeaders: extraHeaders)
        lastPage = response.text
        return response
    }

    /// Opens `page`, then sends its form to `action` with the page's hidden fields plus `fields`.
    @discardableResult
    mutating func submit(from page: String, to action: String, _ fields: [String: String], clock: TestClock? = nil) -> HTTPResponse {
        get(page)
        clock?.advance(5)
        return post(action, hiddenFields().merging(fields) { $1 })
    }

    /// Hidden inputs of the last page (csrf, horodatage, jeton…).
    func hiddenFields() -> [String: String] {
        var fields: [String: String] = [:]
        for match in lastPage.matches(of: /<input type="hidden" name="([a-z_]+)" value="([^"]*)">/) {
            fields[String(match.1)] = String(match.2)
        }
        return fields
    }

    var csrf: String { hiddenFields()["csrf"] ?? "" }

    mutating func multipart(_ target: String, fields: [String: String], file: (name: String, filename: String, type: String, bytes: [UInt8])?) -> HTTPResponse {
        let boundary = "----portailtest\(UInt32.random(in: 0...UInt32.max))"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let response = send(method: "POST", target: target, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        lastPage = response.text
        return response
    }

    mutating func send(method: String, target: String, body: [UInt8], contentType: String?, extraHeaders: [(String, String)] = []) -> HTTPResponse {
        var headers: [(String, String)] = [("Host", host)]
        if !cookies.isEmpty { headers.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))) }
        if let contentType { headers.append(("Content-Type", contentType)) }
        headers += extraHeaders
        let request = try! HTTPRequest(method: method, target: target, headers: HTTPHeaders(headers), body: body, remoteAddress: address)
        let response = app.handle(request)
        for header in response.headers.values(for: "set-cookie") {
            let pair = header.split(separator: ";")[0]
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
