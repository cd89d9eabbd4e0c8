import Foundation
import HTML
import PortalCore

/// The town's actualités as an Atom 1.0 feed (RFC 4287). Every text goes through `escape`;
/// entry content is the page's own HTML, carried escaped as `type="html"` (§3.1.1.2).
enum AtomFeed {
    static func render(tenant: TenantConfig, baseURL: String, items: [NewsItem]) -> String {
        let updated = items.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">",
            "  <title>\(escape("Actualités – \(tenant.branding.portalTitle) \(tenant.shortName)"))</title>",
            "  <id>\(escape(tagURI(tenant, "actualites")))</id>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(baseURL + NewsPaths.feed))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(baseURL + NewsPaths.list))\"/>",
            "  <updated>\(ParisTime.iso8601(updated))</updated>",
            "  <author><name>\(escape(tenant.name))</name></author>",
        ]
        for item in items {
            let html = NewsHTML.body(item.body).map { $0.render() }.joined()
            lines += [
                "  <entry>",
                "    <title>\(escape(item.title))</title>",
                "    <id>\(escape(tagURI(tenant, "actualites/\(item.id)")))</id>",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(baseURL + NewsPaths.item(item.id)))\"/>",
                "    <published>\(ParisTime.iso8601(ParisTime.instant(item.publishedOn, LocalTime(hour: 0, minute: 0)!)))</published>",
                "    <updated>\(ParisTime.iso8601(item.updatedAt))</updated>",
                "    <content type=\"html\">\(escape(html))</content>",
                "  </entry>",
            ]
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Ids must not change when the town is reached by another of its host names (RFC 4287
    /// §4.2.6): a tag URI (RFC 4151) of the town's id.
    static func tagURI(_ tenant: TenantConfig, _ path: String) -> String {
        "tag:portail-famille,2026:\(tenant.id)/\(path)"
    }

    /// XML 1.0 §2.4 and §3.3.3: the five special characters; controls XML cannot carry are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
