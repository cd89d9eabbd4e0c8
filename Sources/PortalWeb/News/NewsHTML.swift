import HTML
import PortalCore

/// An actualité's text as HTML: only paragraphs, `<em>` and links come out of the markup, and
/// every character typed is escaped by the renderer.
enum NewsHTML {
    static func body(_ text: String) -> [Node] {
        NewsMarkup.parse(text).map { paragraph in
            .p([], paragraph.map { inline in
                switch inline {
                case .text(let text): .text(text)
                case .emphasis(let text): .el("em", [], [.text(text)])
                case .link(let text, let url): .a([.href(url), .rel("noopener noreferrer nofollow")], [.text(text)])
                }
            })
        }
    }

    /// The item as a card: title (linked when `link` is given), dates, text.
    static func card(_ item: NewsItem, headingLevel: String, link: String?) -> Node {
        .el("article", [.class(item.pinned ? "card pinned" : "card")], [
            .el(headingLevel, [], [link.map { Node.a([.href($0)], [.text(item.title)]) } ?? .text(item.title)]),
            .p([.class("meta")], [
                .when(item.pinned, .strong([.class("tag")], ["À la une "])),
                .el("time", [Attribute("datetime", item.publishedOn.iso)], [.text("Publié le \(FrenchDateFormat.long(item.publishedOn))")]),
            ]),
            .fragment(body(item.body)),
        ])
    }
}
