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
            let documents = try context.transaction { try TownDocumentStore.valid(on: ParisTime.localDate(of: context.now), in: $0) }
            return .html(TownDocumentViews.list(context, documents: documents))
        }
        table.add("GET", TownDocumentPaths.filePattern, .family, tab: .documents) { try download($0, validOn: ParisTime.localDate(of: $0.now)) }
        table.add("GET", TownDocumentPaths.staffList, publishers, tab: .documents) { try showStaff($0, draft: nil, errors: FieldErrors()) }
        table.add("POST", TownDocumentPaths.staffList, publishers, tab: .documents) { try publish($0) }
        table.add("GET", TownDocumentPaths.staffFilePattern, publishers, tab: .documents) { try download($0, validOn: nil) }
        table.add("POST", TownDocumentPaths.staffDeletePattern, publishers, tab: .documents) { context in
            guard let id = context.parameters["id"].flatMap(Int64.init), try context.transaction({ connection in
                guard try TownDocumentStore.delete(id: id, in: connection) else { return false }
                try context.audit("town_document.delete", target: "town_document/\(id)", in: connection)
                return true
            }) else { throw RouteError.notFound }
            return .redirect(to: TownDocumentPaths.staffList + "?ok=document-retire")
        }
    }

    static func showStaff(_ context: RequestContext, draft: TownDocumentDraft?, errors: FieldErrors) throws -> HTTPResponse {
        let documents = try context.transaction { try TownDocumentStore.all(in: $0) }
        let shown = draft ?? TownDocumentDraft(category: "", title: "", validFrom: ParisTime.localDate(of: context.now).iso, validUntil: "")
        return .html(TownDocumentViews.staff(context, documents: documents, draft: shown, errors: errors),
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
        try context.transaction { connection in
            let id = try TownDocumentStore.insert(category: category, title: draft.title, fileName: DocumentHandlers.safeFileName(file.filename ?? "", format: format),
                                                  format: format, bytes: file.body, validFrom: from, validUntil: draft.untilDate, now: context.now, in: connection)
            try context.audit("town_document.publish", target: "town_document/\(id)", detail: draft.title, in: connection)
        }
        return .redirect(to: TownDocumentPaths.staffList + "?ok=document-publie")
    }

    static func download(_ context: RequestContext, validOn day: LocalDate?) throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap(Int64.init),
              let (document, bytes) = try context.transaction({ try TownDocumentStore.content(id: id, validOn: day, in: $0) })
        else { throw RouteError.notFound }
        var response = HTTPResponse(status: .ok, body: bytes)
        response.headers.set("Content-Type", document.contentType)
        response.headers.set("Content-Disposition", "attachment; filename=\"\(document.fileName)\"")
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
