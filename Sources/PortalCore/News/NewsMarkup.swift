/// The little markup staff write actualités in: paragraphs separated by a blank line,
/// `*emphase*` and `[texte du lien](https://adresse)`. Nothing else has a meaning: every other
/// character is text, which the page escapes. Links go to http(s) or mailto addresses only.
public enum NewsMarkup {
    public enum Inline: Sendable, Equatable {
        case text(String)
        case emphasis(String)
        case link(text: String, url: String)
    }

    public static func parse(_ body: String) -> [[Inline]] {
        NewsItem(id: 0, title: "", body: body, publishedOn: LocalDate(dayNumber: 0)).paragraphs.map(parseParagraph)
    }

    /// The paragraph as plain text (for e-mails and feed summaries).
    public static func plainText(_ paragraph: [Inline]) -> String {
        paragraph.map { inline in
            switch inline {
            case .text(let text), .emphasis(let text): text
            case .link(let text, let url): "\(text) (\(url))"
            }
        }.joined()
    }

    public static func parseParagraph(_ text: String) -> [Inline] {
        var result: [Inline] = []
        var pending = ""
        var rest = Substring(text)
        func flush() {
            if !pending.isEmpty { result.append(.text(pending)) }
            pending = ""
        }
        var previous: Character?
        while let first = rest.first {
            if first == "*", !isWordCharacter(previous), let (content, after) = emphasis(in: rest) {
                flush()
                result.append(.emphasis(content))
                previous = "*"
                rest = after
            } else if first == "[", let (label, url, after) = link(in: rest) {
                flush()
                result.append(.link(text: label, url: url))
                previous = ")"
                rest = after
            } else {
                pending.append(first)
                previous = first
                rest = rest.dropFirst()
            }
        }
        flush()
        return result
    }

    /// `*text*` on one line, not empty, without spaces just inside the stars, and with no letter
    /// or digit just outside them: `7*7` or `{{7*7}}` stay text.
    private static func emphasis(in text: Substring) -> (String, Substring)? {
        let inner = text.dropFirst()
        guard let end = inner.firstIndex(of: "*"), end != inner.startIndex else { return nil }
        let content = inner[..<end]
        let after = inner[inner.index(after: end)...]
        guard !content.contains("\n"), content.first?.isWhitespace == false, content.last?.isWhitespace == false,
              !isWordCharacter(after.first) else { return nil }
        return (String(content), after)
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        character.map { $0.isLetter || $0.isNumber } ?? false
    }

    /// `[label](url)` with a safe URL; anything else is left as text.
    private static func link(in text: Substring) -> (String, String, Substring)? {
        let inner = text.dropFirst()
        guard let close = inner.firstIndex(of: "]") else { return nil }
        let label = inner[..<close]
        let afterLabel = inner[inner.index(after: close)...]
        guard afterLabel.first == "(", let end = afterLabel.firstIndex(of: ")") else { return nil }
        let url = afterLabel[afterLabel.index(after: afterLabel.startIndex)..<end]
        guard !label.isEmpty, !label.contains("\n"), isSafeURL(String(url)) else { return nil }
        return (String(label), String(url), afterLabel[afterLabel.index(after: end)...])
    }

    public static func isSafeURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        return url.count <= 500 && url.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "<" && $0 != ">" }
    }
}
