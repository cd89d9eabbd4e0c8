import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Mes documents: justificatifs checked by content (PDF, JPEG, PNG, ≤ 6 Mo), seen by staff.
enum DocumentHandlers {
    static func show(_ context: RequestContext, title: String = "", errors: FieldErrors = FieldErrors()) throws -> HTTPResponse {
        let documents = try AccountDocumentsPage(town: context.town).load(accountID: try context.family.id)
        return .html(SpaceViews.documents(context.chrome, documents: documents, title: title, errors: errors, notice: context.noticeCode),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func upload(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let title = context.form.text("titre")
        var errors = FieldErrors()
        if title.isEmpty { errors.add("titre", "Indiquez de quel document il s'agit (par exemple : attestation CAF 2026).") }
        if title.count > 200 { errors.add("titre", "Le titre ne peut pas dépasser 200 caractères.") }
        let file = context.form.file("fichier")
        var format: DocumentFormat?
        switch DocumentProblem.check(file?.body ?? []) {
        case .success(let detected): format = detected
        case .failure(let problem): errors.add("fichier", problem.frenchMessage)
        }
        guard errors.isEmpty, let format, let file else { return try show(context, title: title, errors: errors) }
        let outcome = try UploadDocument(town: context.town).run(accountID: account.id, title: title,
                                                                 fileName: safeFileName(file.filename ?? "", format: format), format: format,
                                                                 bytes: file.body, now: context.now)
        switch outcome {
        case .uploaded: return .redirect(to: SpacePaths.documents + "?ok=document")
        case .overQuota(let problem):
            errors.add("fichier", problem)
            return try show(context, title: title, errors: errors)
        }
    }

    /// The bytes with the type detected at upload, always as an attachment, never rendered inline.
    static func download(_ context: RequestContext, id: Int64, accountID: Int64?) throws -> HTTPResponse {
        let (document, bytes) = try DocumentDownload(town: context.town).load(id, accountID: accountID)
        var response = HTTPResponse(status: .ok, body: bytes)
        response.headers.set("Content-Type", document.contentType)
        response.headers.set("Content-Disposition", "attachment; filename=\"\(document.fileName)\"")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }

    /// A name safe in a header: letters, digits, dot, hyphen, underscore; the extension of the detected type.
    static func safeFileName(_ name: String, format: DocumentFormat) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? ""
        let stem = base.split(separator: ".").dropLast().joined(separator: ".")
        let cleaned = String(stem.unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")) ? Character(scalar) : "_"
        }.prefix(80))
        return (cleaned.isEmpty ? "document" : cleaned) + "." + format.fileExtension
    }
}
