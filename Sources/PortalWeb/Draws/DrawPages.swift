import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

enum DrawPaths {
    static let list = "/tirages"
    static let draw = RoutePath<Int64>(list + "/", "id")
    static let runDue = BackOfficePaths.waitingLists + "/tirages"
}

/// The published draws (issue 11): each with its seed, the ranking by family and child
/// numbers (never a name) and how to replay it. A town chooses per activity whether anyone may
/// read them or only those signed in.
enum DrawPages {
    static func register(_ table: inout RouteTable) {
        table.add("GET", DrawPaths.list, .anyone) { try list($0) }
        table.add("GET", DrawPaths.draw, .anyone) { try detail($0, id: $1) }
        table.add("POST", DrawPaths.runDue, .staff(BackOfficeRoles.caseworkers)) { try runDue($0) }
    }

    /// Activities whose draws this visitor may read.
    private static func readable(_ context: RequestContext) -> [String] {
        context.tenant.activities.filter { activity in
            guard let draw = activity.booking.atOpening.draw else { return context.principal != nil }
            return draw.publication == .public || context.principal != nil
        }.map(\.code)
    }

    static func list(_ context: RequestContext) throws -> HTTPResponse {
        let draws = try PublishedDraws(town: context.town).list(activities: readable(context))
        let hidden = context.principal == nil && context.tenant.activities.contains { $0.booking.atOpening.draw?.publication == .families }
        return .html(listPage(context.chrome, draws: draws, hidden: hidden))
    }

    /// `hidden` says some draws are kept for signed-in families, which this visitor is not.
    static func listPage(_ frame: PageChrome, draws: [PublishedDraw], hidden: Bool) -> Node {
        Layout.page(frame, title: "Tirages au sort", content: [
            .h1([], ["Tirages au sort à l'ouverture des réservations"]),
            .p([], ["Pour certaines activités, les demandes reçues dans les premières minutes de l'ouverture des réservations sont départagées par un tirage au sort que chacun peut refaire à partir de sa graine publiée."]),
            .when(hidden, .p([], ["Connectez-vous à votre espace famille pour voir les tirages publiés aux seules familles."])),
            draws.isEmpty ? .p([], ["Aucun tirage publié pour le moment."]) : DashboardPage.table(
                caption: "Tirages tenus", header: ["Jour", "Activité", "Unité", "Demandes", "Places attribuées", "Tenu le"],
                rows: draws.map { draw in
                    let labels = ActivityNames.label(frame.tenant, activity: draw.activity, unit: draw.unit)
                    return [.a([.href(DrawPaths.draw(draw.id))], [.text(FrenchDateFormat.short(draw.date))]), .text(labels.activity), .text(labels.unit),
                            .text(String(draw.entries)), .text(String(draw.places)), .text(FrenchDateFormat.longWithTime(draw.heldAt))]
                }),
        ])
    }

    static func detail(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        guard let (draw, entries) = try PublishedDraws(town: context.town).find(id),
              readable(context).contains(draw.activity) else { throw RouteError.notFound }
        return .html(detailPage(context.chrome, draw: draw, entries: entries))
    }

    static func detailPage(_ frame: PageChrome, draw: PublishedDraw, entries: [PublishedDrawEntry]) -> Node {
        let labels = ActivityNames.label(frame.tenant, activity: draw.activity, unit: draw.unit)
        let title = "Tirage du \(FrenchDateFormat.long(draw.date)) – \(labels.activity), \(labels.unit)"
        let yes = { (flag: Bool) -> Node in .text(flag ? "oui" : "non") }
        return Layout.page(frame, title: title, content: [
            .p([], [.a([.href(DrawPaths.list)], ["Tous les tirages"])]),
            .h1([], [.text(title)]),
            .el("dl", [], [
                .el("dt", [], ["Tenu le"]), .el("dd", [], [.text(FrenchDateFormat.longWithTime(draw.heldAt))]),
                .el("dt", [], ["Texte de la graine"]), .el("dd", [], [.el("code", [], [.text(draw.seedText)])]),
                .el("dt", [], ["Graine"]), .el("dd", [], [.el("code", [], [.text(String(draw.seed))])]),
                .el("dt", [], ["Priorités, dans l'ordre"]),
                .el("dd", [], [.text(draw.priorities.isEmpty ? "aucune" : draw.priorities.map(label).joined(separator: ", puis "))]),
                .el("dt", [], ["Demandes"]), .el("dd", [], [.text(String(draw.entries))]),
                .el("dt", [], ["Places attribuées"]), .el("dd", [], [.text(String(draw.places))]),
            ]),
            DashboardPage.table(caption: "Classement", header: ["Rang", "N° de famille", "N° d'enfant", "Résident", "Frère ou sœur déjà inscrit", "Résultat"],
                                rows: entries.map { entry in
                                    [.text(String(entry.rank)), .text(String(entry.familyID)), .text(String(entry.childID)), yes(entry.resident),
                                     yes(entry.siblingHasPlace), .text(entry.placed ? "Place attribuée" : "Liste d'attente")]
                                }),
            .h2([], ["Refaire le tirage"]),
            .el("ol", [], [
                .li([], ["La graine est le hachage FNV-1a sur 64 bits du texte de la graine en UTF-8 : partir de 14695981039346656037, puis pour chaque octet, « ou exclusif » avec l'octet et multiplication par 1099511628211 modulo 2", .el("sup", [], ["64"]), "."]),
                .li([], ["Le générateur xoshiro256** est initialisé avec quatre valeurs successives de SplitMix64 partant de la graine."]),
                .li([], ["Les numéros de famille du classement, triés par ordre croissant, sont mélangés par Fisher–Yates du dernier au premier : l'élément i est échangé avec l'élément j tiré uniformément entre 0 et i (méthode de Lemire, sans biais)."]),
                .li([], ["Les demandes sont classées d'abord par priorités, dans l'ordre ci-dessus (résident : un responsable de la famille réside sur le territoire ; frère ou sœur : la famille demande pour plusieurs enfants, ou un autre enfant a déjà une place sur ce créneau), puis par rang de la famille dans le mélange, puis par numéro d'enfant."]),
                .li([], ["Les places libres vont dans cet ordre ; une demande que les règles de réservation n'admettaient plus à cet instant est passée et reste en liste d'attente. Les autres demandes gardent leur rang en liste d'attente, devant celles arrivées après les premières minutes."]),
            ]),
        ])
    }

    static func label(_ priority: DrawPriority) -> String {
        switch priority {
        case .resident: "familles résidentes"
        case .sibling: "frères et sœurs"
        }
    }

    /// The staff button: holds the town's due draws now rather than at the worker's next pass.
    static func runDue(_ context: RequestContext) throws -> HTTPResponse {
        let held = try HoldDueDraws(town: context.town).run(now: context.now)
        return .redirect(to: BackOfficePaths.waitingLists + "?tirages=\(held.filter { !$0.order.isEmpty }.count)")
    }
}
