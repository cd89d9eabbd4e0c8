import HTML
import PortalCore
import PortalFlows
import PortalStore

/// Pieces shared by the booking pages.
enum BookingViews {
    /// The booking pages' own stylesheet (a `link` in the body is allowed for stylesheets).
    static let styles: Node = .link([.rel("stylesheet"), .href(BookingPaths.styles)])

    /// Links to the account's other family files, when it has several.
    static func familySwitch(_ family: BookingFamily, path: String) -> Node {
        .when(family.all.count > 1, .nav([.class("planning-nav"), .aria("label", "Dossiers famille")], family.all.map { file in
            .a([.href("\(path)?famille=\(file.id)")] + (file.id == family.id ? [.aria("current", "page")] : []), [.text(file.name)])
        }))
    }

    /// On a phone each row becomes a card whose cells name their column (`data-label`).
    static func table(caption: String, headers: [String], rows: [[Node]]) -> Node {
        .div([.class("table-wrap")], [.el("table", [.class("stack")], [
            .el("caption", [.class("visually-hidden")], [.text(caption)]),
            .el("thead", [], [.el("tr", [], headers.map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
            .el("tbody", [], rows.map { row in
                .el("tr", [], row.enumerated().map { index, cell in .el("td", [.data("label", headers[index])], [cell]) })
            }),
        ])])
    }
}
