import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The Documents tab (families download what is valid today) and the staff page that
/// publishes documents by category. All of it belongs to the `documents` tab.
enum TownDocumentRoutes {
    static let publishers = Access.staff([.admin, .agent, .director])

    static func register(_ table: inout RouteTable) {
        table.add("GET", TownDocumentPaths.list, .family, tab: .documents) { context in
            .html(TownDocumentViews.list(context.chrome, documents: try TownDocumentShelf(town: context.town).valid(now: context.now)))
        }
        table.add("GET", TownDocumentPaths.file, .family, tab: .documents) { try download($0, id: $1, validOn: ParisTime.localDate(of: $0.now)) }
        table.add("GET", TownDocumentPaths.staffList, publishers, tab: .documents) { try showStaff($0, draft: nil, errors: FieldErrors()) }
        table.add("POST", TownDocumentPaths.staffList, publishers, tab: .documents) { try publish($0) }
        table.add("GET", TownDocumentPaths.staffFile, publishers, tab: .documents) { try download($0, id: $1, validOn: nil) }
        table.add("POST", TownDocumentPaths.staffDelete, publishers, tab: .documents) { context, id in
            try TownDocumentShelf(town: context.town).delete(id, by: try context.staffActor, ip: context.clientAddress, now: context.now)
            return .redirect(to: TownDocumentPaths.staffList + "?ok=document-retire")
        }
    }

    static func showStaff(_ context: RequestContext, draft: TownDocumentDraft?, errors: FieldErrors) throws -> HTTPResponse {
        let documents = try TownDocumentShelf(town: context.town).all()
        let shown = draft ?? TownDocumentDraft(category: "", title: "", validFrom: ParisTime.localDate(of: context.now).iso, validUntil: "")
        return .html(TownDocumentViews.staff(context.staffChrome, documents: documents, notice: context.request.queryValue("ok"), draft: shown, errors: errors),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func publish(_ context: RequestContext) throws -> HTTPResponse {
        let draft = TownDocumentDraft(category: context.form.text("categorie"), title: context.form.text("titre"),
                                      validFrom: context.form.text("debut"), validUntil: context.form.text("fin"))
        var errors = FieldErrors()
        errors.add(draft.problems())
        let file = context.form.file("fichier")
        var format: DocumentFormat?
        switch DocumentProblem.check(file?.body ?? []) {
        case .success(let detected): format = detected
        case .failure(let problem): errors.add("fichier", problem.frenchMessage)
        }
        guard errors.isEmpty, let format, let file, let category = draft.parsedCategory, let from = draft.fromDate else {
            return try showStaff(context, draft: draft, errors: errors)
        }
        try TownDocumentShelf(town: context.town).publish(
            category: category, title: draft.title, fileName: DocumentHandlers.safeFileName(file.filename ?? "", format: format), format: format,
            bytes: file.body, validFrom: from, validUntil: draft.untilDate, by: try context.staffActor, ip: context.clientAddress, now: context.now)
        return .redirect(to: TownDocumentPaths.staffList + "?ok=document-publie")
    }

    static func download(_ context: RequestContext, id: Int64, validOn day: LocalDate?) throws -> HTTPResponse {
        let (document, bytes) = try TownDocumentShelf(town: context.town).content(id, validOn: day)
        var response = HTTPResponse(status: .ok, body: bytes)
        response.headers.set("Content-Type", document.contentType)
        response.headers.set("Content-Disposition", "attachment; filename=\"\(document.fileName)\"")
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
