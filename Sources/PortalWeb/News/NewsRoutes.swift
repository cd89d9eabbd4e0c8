import Foundation
import HTTPServer
import PortalCore
import PortalFlows

/// Actualités: the family tab and its Atom feed (both part of the `actualites` tab), and the
/// staff pages that write them (every town has a home page showing them, so those are not).
enum NewsRoutes {
    static let writers = Access.staff([.admin, .agent, .director])

    static func register(_ table: inout RouteTable) {
        table.add("GET", NewsPaths.list, .anyone, tab: .actualites) { context in
            .html(NewsViews.list(context.chrome, items: try PublishedNews(town: context.town).latest(limit: 50, now: context.now)))
        }
        table.add("GET", NewsPaths.item, .anyone, tab: .actualites) { context, id in
            .html(NewsViews.item(context.chrome, item: try PublishedNews(town: context.town).item(id, now: context.now)))
        }
        table.add("GET", NewsPaths.feed, .anyone, tab: .actualites) { context in
            let items = try PublishedNews(town: context.town).latest(limit: 30, now: context.now)
            var response = HTTPResponse(status: .ok, body: Array(AtomFeed.render(tenant: context.tenant, baseURL: context.baseURL, items: items).utf8))
            response.headers.set("Content-Type", "application/atom+xml; charset=utf-8")
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }

        table.add("GET", NewsPaths.staffList, writers) { context in
            let draft = NewsDraft(title: "", body: "", publishedOn: ParisTime.localDate(of: context.now).iso, expiresOn: "", pinned: false)
            return try StaffNewsHandlers.list(context, draft: draft, errors: FieldErrors())
        }
        table.add("POST", NewsPaths.staffNew, writers) { try StaffNewsHandlers.create($0) }
        table.add("GET", NewsPaths.staffItem, writers) { context, id in
            .html(NewsViews.staffEdit(context.staffChrome, id: id, draft: NewsDraft(try NewsDesk(town: context.town).item(id)), errors: FieldErrors()))
        }
        table.add("POST", NewsPaths.staffItem, writers) { try StaffNewsHandlers.update($0, id: $1) }
        table.add("POST", NewsPaths.staffDelete, writers) { context, id in
            try NewsDesk(town: context.town).delete(id, by: try context.staffActor, ip: context.clientAddress, now: context.now)
            return .redirect(to: NewsPaths.staffList + "?ok=actualite-supprimee")
        }
    }
}

enum StaffNewsHandlers {
    static func draft(_ form: FormData) -> NewsDraft {
        NewsDraft(title: form.text("titre"), body: FamilyMessagingHandlers.trimmedBody(form.value("texte")), publishedOn: form.text("publication"),
                  expiresOn: form.text("expiration"), pinned: form.value("epingle") == "oui")
    }

    static func list(_ context: RequestContext, draft: NewsDraft, errors: FieldErrors) throws -> HTTPResponse {
        .html(NewsViews.staffList(context.staffChrome, items: try NewsDesk(town: context.town).all(), today: ParisTime.localDate(of: context.now),
                                  notice: context.request.queryValue("ok"), draft: draft, errors: errors),
              status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func create(_ context: RequestContext) throws -> HTTPResponse {
        let draft = draft(context.form)
        var errors = FieldErrors()
        errors.add(draft.problems())
        guard errors.isEmpty, let publication = draft.publicationDate else { return try list(context, draft: draft, errors: errors) }
        try NewsDesk(town: context.town).publish(draft, publishedOn: publication, by: try context.staffActor, ip: context.clientAddress, now: context.now)
        return .redirect(to: NewsPaths.staffList + "?ok=actualite-publiee")
    }

    static func update(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let draft = draft(context.form)
        var errors = FieldErrors()
        errors.add(draft.problems())
        guard errors.isEmpty, let publication = draft.publicationDate else {
            return .html(NewsViews.staffEdit(context.staffChrome, id: id, draft: draft, errors: errors), status: .unprocessableContent)
        }
        try NewsDesk(town: context.town).update(id, to: draft, publishedOn: publication, by: try context.staffActor, ip: context.clientAddress, now: context.now)
        return .redirect(to: NewsPaths.staffList + "?ok=actualite-modifiee")
    }
}
