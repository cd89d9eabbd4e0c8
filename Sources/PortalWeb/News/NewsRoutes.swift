import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Actualités: the family tab and its Atom feed (both part of the `actualites` tab), and the
/// staff pages that write them (every town has a home page showing them, so those are not).
enum NewsRoutes {
    static let writers = Access.staff([.admin, .agent, .director])

    static func register(_ table: inout RouteTable) {
        table.add("GET", NewsPaths.list, .anyone, tab: .actualites) { context in
            let items = try context.transaction { try NewsStore.latest(limit: 50, today: ParisTime.localDate(of: context.now), in: $0) }
            return .html(NewsViews.list(context, items: items))
        }
        table.add("GET", NewsPaths.itemPattern, .anyone, tab: .actualites) { context in
            let today = ParisTime.localDate(of: context.now)
            guard let id = context.parameters["id"].flatMap(Int64.init),
                  let item = try context.transaction({ try NewsStore.find(id: id, in: $0) }), item.isVisible(on: today)
            else { throw RouteError.notFound }
            return .html(NewsViews.item(context, item: item))
        }
        table.add("GET", NewsPaths.feed, .anyone, tab: .actualites) { context in
            let items = try context.transaction { try NewsStore.latest(limit: 30, today: ParisTime.localDate(of: context.now), in: $0) }
            var response = HTTPResponse(status: .ok, body: Array(AtomFeed.render(tenant: context.tenant, baseURL: context.baseURL, items: items).utf8))
            response.headers.set("Content-Type", "application/atom+xml; charset=utf-8")
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }

        table.add("GET", NewsPaths.staffList, writers) { context in
            let items = try context.transaction { try NewsStore.all(in: $0) }
            let draft = NewsDraft(title: "", body: "", publishedOn: ParisTime.localDate(of: context.now).iso, expiresOn: "", pinned: false)
            return .html(NewsViews.staffList(context, items: items, draft: draft, errors: FieldErrors()))
        }
        table.add("POST", NewsPaths.staffNew, writers) { try StaffNewsHandlers.create($0) }
        table.add("GET", NewsPaths.staffItemPattern, writers) { context in
            guard let id = context.parameters["id"].flatMap(Int64.init), let item = try context.transaction({ try NewsStore.find(id: id, in: $0) })
            else { throw RouteError.notFound }
            return .html(NewsViews.staffEdit(context, id: id, draft: NewsDraft(item), errors: FieldErrors()))
        }
        table.add("POST", NewsPaths.staffItemPattern, writers) { try StaffNewsHandlers.update($0) }
        table.add("POST", NewsPaths.staffDeletePattern, writers) { context in
            guard let id = context.parameters["id"].flatMap(Int64.init), try context.transaction({ connection in
                guard try NewsStore.delete(id: id, in: connection) else { return false }
                try context.audit("news.delete", target: "news/\(id)", in: connection)
                return true
            }) else { throw RouteError.notFound }
            return .redirect(to: NewsPaths.staffList + "?ok=actualite-supprimee")
        }
    }
}

enum StaffNewsHandlers {
    static func draft(_ form: FormData) -> NewsDraft {
        NewsDraft(title: form.text("titre"), body: FamilyMessagingHandlers.trimmedBody(form.value("texte")), publishedOn: form.text("publication"),
                  expiresOn: form.text("expiration"), pinned: form.value("epingle") == "oui")
    }

    static func create(_ context: RequestContext) throws -> HTTPResponse {
        let draft = draft(context.form)
        var errors = FieldErrors()
        errors.add(draft.problems())
        guard errors.isEmpty, let publication = draft.publicationDate else {
            let items = try context.transaction { try NewsStore.all(in: $0) }
            return .html(NewsViews.staffList(context, items: items, draft: draft, errors: errors), status: .unprocessableContent)
        }
        try context.transaction { connection in
            let id = try NewsStore.insert(title: draft.title, body: draft.body, publishedOn: publication, expiresOn: draft.expiryDate, pinned: draft.pinned,
                                          now: context.now, in: connection)
            try context.audit("news.publish", target: "news/\(id)", detail: draft.title, in: connection)
        }
        return .redirect(to: NewsPaths.staffList + "?ok=actualite-publiee")
    }

    static func update(_ context: RequestContext) throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        let draft = draft(context.form)
        var errors = FieldErrors()
        errors.add(draft.problems())
        guard errors.isEmpty, let publication = draft.publicationDate else {
            return .html(NewsViews.staffEdit(context, id: id, draft: draft, errors: errors), status: .unprocessableContent)
        }
        guard try context.transaction({ connection in
            guard try NewsStore.update(id: id, title: draft.title, body: draft.body, publishedOn: publication, expiresOn: draft.expiryDate,
                                       pinned: draft.pinned, now: context.now, in: connection) else { return false }
            try context.audit("news.update", target: "news/\(id)", detail: draft.title, in: connection)
            return true
        }) else { throw RouteError.notFound }
        return .redirect(to: NewsPaths.staffList + "?ok=actualite-modifiee")
    }
}
