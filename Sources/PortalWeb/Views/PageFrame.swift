public import HTML

/// The one HTML document frame every page is written in: language, viewport for phones, title,
/// the portal's stylesheet. Town pages, error pages, the operator console and the development
/// simulators differ only in what they add to it.
public enum PageFrame {
    public static func document(title: String, extraStylesheets: [String] = [], script: String? = nil, body: [Node]) -> Node {
        .fragment([
            .doctype,
            .el("html", [.lang("fr")], [
                .el("head", [], [
                    .meta([Attribute("charset", "utf-8")]),
                    .meta([.name("viewport"), Attribute("content", "width=device-width, initial-scale=1")]),
                    .el("title", [], [.text(title)]),
                    .fragment(([AssetPaths.stylesheet] + extraStylesheets).map { .link([.rel("stylesheet"), .href($0)]) }),
                    .when(script != nil, .el("script", [Attribute("src", script ?? ""), Attribute("defer", nil)], [])),
                ]),
                .el("body", [], body),
            ]),
        ])
    }

    /// The link that lets a keyboard or screen-reader user jump over the header.
    static let skipLink: Node = .a([.class("skip"), .href("#contenu")], ["Aller au contenu"])
}
