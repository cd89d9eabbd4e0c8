import Foundation
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Towns whose tabs differ: Saint-Aubin-des-Prés has the Messagerie and the Actualités (seed
/// 004), Val-de-Lauze neither the Messagerie nor « Mon dossier » but the Documents (seed 002).
extension AccountWorld {
    var saintAubin: TenantConfig { tenants.first { $0.id == "saint-aubin-des-pres" }! }
    var valDeLauze: TenantConfig { tenants.first { $0.id == "val-de-lauze" }! }

    func signedInStaff(role: StaffRole, tenant: TenantConfig) throws -> Browser {
        let email = AccountWorld.uniqueEmail("agent")
        try transaction(tenant) { connection in
            let id = try StaffStore.invite(email: EmailAddress(email)!, displayName: "Agent \(role.rawValue)", role: role, now: clock.now, in: connection)!
            try StaffStore.setPassword(id: id, password: AccountWorld.password, in: connection)
        }
        var browser = browser(tenant)
        let response = browser.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "staff sign-in failed: \(response.status)")
        return browser
    }

    func threadCount(_ tenant: TenantConfig) throws -> Int {
        try transaction(tenant) { try $0.query("SELECT count(*)::int AS n FROM message_threads")[0].decode("n") }
    }
}

/// A file as a browser sends it from an `<input type="file">`.
struct UploadedFile {
    let field: String
    let filename: String
    let type: String
    let bytes: [UInt8]

    static func pdf(_ field: String, _ name: String = "justificatif.pdf", size: Int = 2_000) -> UploadedFile {
        UploadedFile(field: field, filename: name, type: "application/pdf", bytes: Array("%PDF-1.7\n".utf8) + Array(repeating: 0x20, count: max(0, size - 9)))
    }

    static func png(_ field: String, _ name: String = "photo.png") -> UploadedFile {
        UploadedFile(field: field, filename: name, type: "image/png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 500))
    }

    /// A Linux executable renamed `.pdf`, announced by the browser as a PDF.
    static func elfNamedPDF(_ field: String) -> UploadedFile {
        UploadedFile(field: field, filename: "attestation.pdf", type: "application/pdf", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 200))
    }

    /// An input left empty: a part with an empty file name and no bytes.
    static func empty(_ field: String) -> UploadedFile {
        UploadedFile(field: field, filename: "", type: "application/octet-stream", bytes: [])
    }
}

extension Browser {
    /// Opens `page`, then posts its form as multipart with the page's hidden fields, `fields` and `files`.
    @discardableResult
    mutating func submitMultipart(from page: String, to action: String, _ fields: [String: String], files: [UploadedFile]) -> HTTPResponse {
        get(page)
        let boundary = "----portailtest\(UInt32.random(in: 0...UInt32.max))"
        var body: [UInt8] = []
        for (name, value) in hiddenFields().merging(fields, uniquingKeysWith: { $1 }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let response = send(method: "POST", target: action, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        lastPage = response.text
        return response
    }

    /// Ids of the links on the last page that start with `prefix` (`/messagerie/fils/`).
    func linkedIDs(_ prefix: String) -> [Int64] {
        lastPage.matches(of: /href="([^"?]+)/).compactMap { match in
            let href = String(match.1)
            guard href.hasPrefix(prefix) else { return nil }
            return Int64(href.dropFirst(prefix.count))
        }
    }
}
